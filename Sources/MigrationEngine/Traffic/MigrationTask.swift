/// A traffic migration task: one source cluster, one target cluster, and the topics moved between them.
public struct MigrationTask: Sendable, Codable, Equatable {
    /// The task's name, unique in a state file.
    public var name: String
    /// The source cluster's NameServers (`host:port`), tried in order.
    public var sourceNameServers: [String]
    /// The target cluster's NameServers (`host:port`), tried in order.
    public var targetNameServers: [String]
    /// The topics of the task with their stages.
    public var topics: [MigrationTopic]
    /// How long the source must see no new writes before a topic may complete (the next issue's drain
    /// check reads it). Default 300 (5 minutes, as cloud vendors use).
    public var quietPeriodSeconds: Int64

    /// The default quiet period: 5 minutes.
    public static let defaultQuietPeriodSeconds: Int64 = 300

    /// Makes a task.
    public init(
        name: String,
        sourceNameServers: [String],
        targetNameServers: [String],
        topics: [MigrationTopic],
        quietPeriodSeconds: Int64 = MigrationTask.defaultQuietPeriodSeconds
    ) {
        self.name = name
        self.sourceNameServers = sourceNameServers
        self.targetNameServers = targetNameServers
        self.topics = topics
        self.quietPeriodSeconds = quietPeriodSeconds
    }

    /// The topic named `name`, if the task holds it.
    public func topic(named name: String) -> MigrationTopic? {
        self.topics.first { $0.name == name }
    }
}
