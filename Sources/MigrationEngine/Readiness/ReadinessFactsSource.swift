/// Where a guard reads facts from: the I/O layer's cache, refreshed on its own schedule.
///
/// Implementations answer from what they hold (never block on a cluster round trip while a proxy
/// waits); `nil` means the topic has not been gathered yet.
public protocol ReadinessFactsSource: Sendable {
    /// The latest facts about `topic` of `task`, or `nil` when none were gathered yet.
    func facts(topic: String, task: MigrationTask) async -> TopicFacts?
}

/// Facts held in memory: for tests, the benchmark and one-shot CLI runs that gathered up front.
public struct StaticFactsSource: ReadinessFactsSource {
    /// Facts by topic.
    public var byTopic: [String: TopicFacts]

    /// Makes a source; a later entry for the same topic wins.
    public init(_ facts: [TopicFacts]) {
        self.byTopic = facts.reduce(into: [:]) { $0[$1.topic] = $1 }
    }

    /// The facts held for `topic`.
    public func facts(topic: String, task: MigrationTask) async -> TopicFacts? { byTopic[topic] }
}
