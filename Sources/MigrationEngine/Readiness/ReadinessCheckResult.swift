/// The built-in readiness checks, by the names operators read and Lua health hooks override.
public enum ReadinessCheckName: String, Sendable, Codable, CaseIterable, Hashable {
    /// The target cluster answers.
    case targetReachable
    /// The topic and all its consumer groups exist on the target.
    case targetResources
    /// No broker name is used by both clusters.
    case brokerNamesUnique
    /// Every client of the topic connected to the source has queried routes through the proxy.
    case clientsSwitched
    /// Every consumer group has as many clients reading the target as the source (before 1 → 2).
    case consumersOnTarget
    /// Every producer of the topic is on the proxy (before 2 → 3).
    case producersOnProxy
    /// The target's route has a queue producers can write (WRITE perm, live master) and, when the source has
    /// an `orderTopicConf`, one of its own (before 2 → 3 and 3 → 4: producers then write only to the target).
    case targetRouteWritable
    /// Zero source backlog for every group (before 3 → 4).
    case backlogDrained
    /// Zero source backlog in every group's retry topic (before 3 → 4).
    case retryDrained
    /// No write on the source for the quiet period (before 3 → 4).
    case sourceQuiet
    /// No delayed message for the topic pending on the source (before 3 → 4).
    case delayedDrained
    /// No transactional half message for the topic pending on the source (before 3 → 4).
    case halfDrained

    /// The checks a forward move into `stage` runs, in report order.
    public static func checks(forStepInto stage: MigrationStage) -> [ReadinessCheckName] {
        let common: [ReadinessCheckName] = [.targetReachable, .targetResources, .brokerNamesUnique, .clientsSwitched]
        switch stage {
        case .initial, .dualRead: return common
        case .dualReadWrite: return common + [.consumersOnTarget]
        case .cuttingOver: return common + [.producersOnProxy, .targetRouteWritable]
        case .completed: return common + [.targetRouteWritable, .backlogDrained, .retryDrained, .sourceQuiet, .delayedDrained, .halfDrained]
        }
    }
}

/// One check's answer: ready, or not ready with a reason a person can act on (a value, never an error).
public struct ReadinessCheckResult: Sendable, Equatable, Codable {
    /// The check's name (a ``ReadinessCheckName`` raw value, or a Lua health hook's own name).
    public var name: String
    /// Whether it passed.
    public var ok: Bool
    /// Why it failed, or what it saw when it passed.
    public var reason: String
    /// The numbers it judged (e.g. `backlog`, `sourceClients`), for tables and `--json`.
    public var facts: [String: Int64]

    /// Makes a result.
    public init(name: String, ok: Bool, reason: String, facts: [String: Int64] = [:]) {
        self.name = name
        self.ok = ok
        self.reason = reason
        self.facts = facts
    }
}
