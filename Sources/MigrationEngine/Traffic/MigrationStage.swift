/// The stage of one topic in a traffic migration (DESIGN.md, "Traffic switching").
///
/// A topic moves forward one stage at a time and back one stage from any stage; ``StageMachine`` refuses
/// every other move. The raw values are stored in the state file and must not change.
public enum MigrationStage: Int, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Stage 0: clients produce to and consume from the source only.
    case initial = 0
    /// Stage 1: producers stay on the source; consumers read both clusters (target queues READ only).
    case dualRead = 1
    /// Stage 2: producers write both clusters; consumers read both.
    case dualReadWrite = 2
    /// Stage 3: producers write the target only (source queues READ only); consumers drain both.
    case cuttingOver = 3
    /// Stage 4: clients use the target only; the source is out of the route.
    case completed = 4

    /// The stage after this one, or `nil` at ``completed``.
    public var next: MigrationStage? { MigrationStage(rawValue: self.rawValue + 1) }

    /// The stage before this one, or `nil` at ``initial``.
    public var previous: MigrationStage? { MigrationStage(rawValue: self.rawValue - 1) }

    /// The clusters producers write to at this stage (the DESIGN.md stage table).
    public var producerSides: Set<ClusterSide> {
        switch self {
        case .initial, .dualRead: [.source]
        case .dualReadWrite: [.source, .target]
        case .cuttingOver, .completed: [.target]
        }
    }

    /// The clusters consumers read from at this stage (the DESIGN.md stage table).
    public var consumerSides: Set<ClusterSide> {
        switch self {
        case .initial: [.source]
        case .dualRead, .dualReadWrite, .cuttingOver: [.source, .target]
        case .completed: [.target]
        }
    }

    /// The stage's name as operators type and read it: `initial`, `dual-read`, `dual-read-write`,
    /// `cutting-over`, `completed`.
    public var description: String {
        switch self {
        case .initial: "initial"
        case .dualRead: "dual-read"
        case .dualReadWrite: "dual-read-write"
        case .cuttingOver: "cutting-over"
        case .completed: "completed"
        }
    }

    /// Orders stages by their number.
    public static func < (lhs: MigrationStage, rhs: MigrationStage) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// One of the two clusters of a migration task.
public enum ClusterSide: String, Sendable, Codable, CaseIterable, Hashable {
    /// The cluster traffic moves away from.
    case source
    /// The cluster traffic moves to.
    case target
}
