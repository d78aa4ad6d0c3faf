public import Logging
public import MigrationEngine

/// The facts of a task's topics, refreshed on a schedule by one ``ReadinessGatherer``: what guards and
/// `ferry migrate check` read. Reading never waits on a cluster; a refresh never blocks a reader for longer
/// than swapping the new facts in.
public actor ReadinessFactsCache: ReadinessFactsSource {
    private let gatherer: ReadinessGatherer
    private let now: @Sendable () -> Int64
    private let logger: Logger
    private var byTopic: [String: TopicFacts] = [:]
    /// Requests the latest pass sent.
    public private(set) var lastPassRequests = 0

    /// Makes a cache over `gatherer`; `now` is Unix milliseconds (injectable for tests).
    public init(gatherer: ReadinessGatherer, logger: Logger, now: @escaping @Sendable () -> Int64) {
        self.gatherer = gatherer
        self.logger = logger
        self.now = now
    }

    /// The latest facts of `topic`.
    public func facts(topic: String, task: MigrationTask) async -> TopicFacts? { byTopic[topic] }

    /// Each topic's stage judged from its latest facts (``StageEffect/judge(_:facts:)``); topics without facts
    /// are left out.
    public func effects(task: MigrationTask) -> [String: StageEffect] {
        var effects: [String: StageEffect] = [:]
        for topic in task.topics {
            if let facts = byTopic[topic.name] { effects[topic.name] = StageEffect.judge(topic.stage, facts: facts) }
        }
        return effects
    }

    /// Each topic's consumer groups with their consumed offsets and backlog on each side, from its latest
    /// facts; topics without facts are left out.
    public func groupTraffic(task: MigrationTask) -> [String: [GroupTraffic]] {
        var rows: [String: [GroupTraffic]] = [:]
        for topic in task.topics {
            if let facts = byTopic[topic.name] { rows[topic.name] = GroupTraffic.rows(of: facts) }
        }
        return rows
    }

    /// Gathers one pass for every topic of `task` now, and keeps the result.
    @discardableResult
    public func refresh(task: MigrationTask) async -> ReadinessPass {
        let previous = byTopic
        let pass = await gatherer.gather(task: task, topics: task.topics, previous: previous, now: now())
        for facts in pass.facts { byTopic[facts.topic] = facts }
        lastPassRequests = pass.requests
        for problem in pass.problems.prefix(10) {
            logger.info("readiness.gather.problem", metadata: ["readiness.problem": "\(problem)", "migration.task": "\(task.name)"])
        }
        return pass
    }

    /// Refreshes every `interval` until cancelled, reading the task afresh each time (stages move).
    public func run(every interval: Duration, task: @escaping @Sendable () async -> MigrationTask?) async {
        while !Task.isCancelled {
            if let current = await task() { await refresh(task: current) }
            try? await Task.sleep(for: interval)
        }
    }
}
