/// What a guard is asked about: one topic's planned move, with the task it belongs to.
public struct StageStepRequest: Sendable {
    /// The task.
    public var task: MigrationTask
    /// The topic as committed.
    public var topic: MigrationTopic
    /// The planned move.
    public var move: StageMove
    /// advance or rollback.
    public var direction: StageDirection

    /// Makes a request.
    public init(task: MigrationTask, topic: MigrationTopic, move: StageMove, direction: StageDirection) {
        self.task = task
        self.topic = topic
        self.move = move
        self.direction = direction
    }
}

/// A guard's answer: allow, or refuse with a reason (not ready is an answer, not an error).
public enum StageStepVerdict: Sendable, Equatable {
    /// The step may go on.
    case allow
    /// The step is refused.
    case refuse(reason: String)
}

/// The place readiness checks and gates plug into a step.
///
/// A step is **asked** (``StageMachine/plan(task:selected:direction:)``), then **checked**
/// (``check(_:)``: built-in readiness and Lua health policies), then **gated** (``gate(_:)``: Lua gates,
/// approvals, windows), then **persisted** (one transaction in the store, with its audit rows), and only then
/// **in effect** (the routing proxy sees the store's change token move and reloads). A refusal at check or
/// gate leaves the topic's committed stage untouched. Both are called before anything is persisted, once per
/// moving topic; neither may have side effects on the clusters.
public protocol StageStepGuard: Sendable {
    /// Readiness: whether the facts allow the move.
    func check(_ request: StageStepRequest) async -> StageStepVerdict
    /// The gate: whether policy allows the move now.
    func gate(_ request: StageStepRequest) async -> StageStepVerdict
}

/// The guard used until readiness checks and gates exist: allows every move the stage machine allows.
public struct AllowAllStepGuard: StageStepGuard {
    /// Makes the guard.
    public init() {}

    /// Always ``StageStepVerdict/allow``.
    public func check(_ request: StageStepRequest) async -> StageStepVerdict { .allow }

    /// Always ``StageStepVerdict/allow``.
    public func gate(_ request: StageStepRequest) async -> StageStepVerdict { .allow }
}
