public import MigrationEngine

/// How many of a topic's clients already query routes through the routing proxy, and how many are still seen
/// only on the source (the "access point modified" column of `status`).
public struct TopicClients: Sendable, Equatable, Codable {
    /// Clients (by address) that asked the proxy for this topic's route.
    public var onProxy: Int
    /// Clients connected to the source for this topic's groups (producers or consumers) that never asked
    /// the proxy.
    public var onSourceOnly: Int

    /// Makes the counts.
    public init(onProxy: Int, onSourceOnly: Int) {
        self.onProxy = onProxy
        self.onSourceOnly = onSourceOnly
    }
}

/// The hook point for the routing proxy's access records: `status` asks it once per topic. The proxy module
/// implements it over its access table and the source's connection lists; without one the column is empty.
public protocol TopicClientAccess: Sendable {
    /// The counts for `topic` of `task`, or `nil` when unknown.
    func clients(task: MigrationTask, topic: MigrationTopic) async -> TopicClients?
}
