/// One topic of a migration task and the stage it is at.
public struct MigrationTopic: Sendable, Codable, Equatable {
    /// The topic's name, as on the source cluster.
    public var name: String
    /// The consumer groups subscribed to the topic; their `%RETRY%<group>` topics follow the topic's stages.
    public var groups: [String]
    /// Whether the topic is ordered (its producers may follow `orderTopicConf` rather than perms).
    public var ordered: Bool
    /// The topic's committed stage.
    public var stage: MigrationStage

    /// Makes a topic entry; a new topic starts at ``MigrationStage/initial``.
    public init(name: String, groups: [String], ordered: Bool, stage: MigrationStage = .initial) {
        self.name = name
        self.groups = groups
        self.ordered = ordered
        self.stage = stage
    }
}
