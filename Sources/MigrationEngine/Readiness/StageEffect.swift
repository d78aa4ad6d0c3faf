/// Whether a topic's committed stage is in effect: the facts show clients doing what the stage asks.
///
/// A stage change reaches clients only when they next poll routes (every 30 s) and rebalance (every 20 s),
/// so a committed stage is "committed" until the facts show it, then "in effect".
public struct StageEffect: Sendable, Equatable, Codable {
    /// The committed stage judged.
    public var stage: MigrationStage
    /// Whether the facts show it.
    public var inEffect: Bool
    /// What the facts show, or what is still missing.
    public var reason: String

    /// Makes a verdict.
    public init(stage: MigrationStage, inEffect: Bool, reason: String) {
        self.stage = stage
        self.inEffect = inEffect
        self.reason = reason
    }

    /// Judges `stage` from `facts`.
    ///
    /// * Initial: always in effect.
    /// * Dual read: every group has as many clients on the target as on the source.
    /// * Dual read/write: that, and a write seen on the target.
    /// * Cutting over: a write seen on the target and none on the source since the last sample.
    /// * Completed: no consumer of the topic's groups left on the source.
    public static func judge(_ stage: MigrationStage, facts: TopicFacts) -> StageEffect {
        let readersShort = facts.groups.filter { $0.targetClients.count < $0.sourceClients.count }.map(\.group).sorted()
        let targetWritten = facts.targetWrites.lastWriteAt != nil
        switch stage {
        case .initial:
            return StageEffect(stage: stage, inEffect: true, reason: "clients use the source")
        case .dualRead, .dualReadWrite:
            if !readersShort.isEmpty {
                return StageEffect(
                    stage: stage, inEffect: false,
                    reason: "consumers not yet reading the target: \(readersShort.joined(separator: ", "))")
            }
            if stage == .dualReadWrite, !targetWritten {
                return StageEffect(stage: stage, inEffect: false, reason: "no write seen on the target yet")
            }
            return StageEffect(stage: stage, inEffect: true, reason: "consumers read both clusters")
        case .cuttingOver:
            guard targetWritten else {
                return StageEffect(stage: stage, inEffect: false, reason: "no write seen on the target yet")
            }
            guard facts.sourceWrites.lastDelta == 0, facts.sourceWrites.lastSampleAt != nil else {
                return StageEffect(stage: stage, inEffect: false, reason: "the source still receives writes")
            }
            return StageEffect(stage: stage, inEffect: true, reason: "writes go to the target only")
        case .completed:
            let left = facts.groups.filter { !$0.sourceClients.isEmpty }.map(\.group).sorted()
            guard left.isEmpty else {
                return StageEffect(
                    stage: stage, inEffect: false,
                    reason: "consumers still on the source: \(left.joined(separator: ", "))")
            }
            return StageEffect(stage: stage, inEffect: true, reason: "clients use the target only")
        }
    }
}
