/// What the `gate` hook is told about a stage change it may allow or refuse.
///
/// In Lua: `{topic=, stage=, next_stage=, time=, task={id=}, facts={…}}` — the ``HealthContext``
/// fields plus `time` (Unix seconds, UTC; `os.date("!*t", ctx.time)` splits it) and the task.
/// The convenience initializer fills `facts.cutting_over` (topics of the task now in stage 3) and
/// `facts.max_cutting_over` (the operator's limit, when set).
public struct GateContext: Sendable, Hashable {
    /// The topic the stage change is for.
    public var topic: String
    /// The current stage (0...4; see ``HealthContext``).
    public var stage: Int
    /// The proposed next stage (0...4).
    public var nextStage: Int
    /// Unix seconds (UTC) at which the gate is asked.
    public var time: Int64
    /// The migration task's id.
    public var taskID: String
    /// The facts, as the Lua table `ctx.facts`.
    public var facts: [String: LuaValue]

    /// Creates a context from raw facts.
    public init(topic: String, stage: Int, nextStage: Int, time: Int64, taskID: String, facts: [String: LuaValue] = [:]) {
        self.topic = topic
        self.stage = stage
        self.nextStage = nextStage
        self.time = time
        self.taskID = taskID
        self.facts = facts
    }

    /// Creates a context with the standard cut-over facts.
    /// - Parameters:
    ///   - cuttingOver: how many topics of the task are cutting over now (`facts.cutting_over`).
    ///   - maxCuttingOver: the limit on simultaneous cut-overs (`facts.max_cutting_over`), absent when unset.
    ///   - extra: further facts, merged in (they win over the standard keys).
    public init(
        topic: String,
        stage: Int,
        nextStage: Int,
        time: Int64,
        taskID: String,
        cuttingOver: Int,
        maxCuttingOver: Int? = nil,
        extra: [String: LuaValue] = [:]
    ) {
        var facts: [String: LuaValue] = ["cutting_over": .integer(Int64(cuttingOver))]
        if let maxCuttingOver { facts["max_cutting_over"] = .integer(Int64(maxCuttingOver)) }
        facts.merge(extra) { $1 }
        self.init(topic: topic, stage: stage, nextStage: nextStage, time: time, taskID: taskID, facts: facts)
    }

    /// The Lua table the hook receives.
    var luaValue: LuaValue {
        [
            "topic": .string(topic), "stage": .integer(Int64(stage)), "next_stage": .integer(Int64(nextStage)),
            "time": .integer(time), "task": ["id": .string(taskID)], "facts": .fields(facts),
        ]
    }
}
