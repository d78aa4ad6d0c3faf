/// What the `health` hook is told about a topic about to change stage.
///
/// In Lua: `{topic=, stage=, next_stage=, facts={…}}`. Stages are integers: 0 Initial, 1 Dual read,
/// 2 Dual read/write, 3 Cutting over, 4 Completed. `facts` holds what the agent gathered; the
/// convenience initializer fills the standard keys `backlog` (group → messages), `clients`
/// (cluster → connected clients), `write_tps` (float) and `last_write_time` (Unix seconds).
public struct HealthContext: Sendable, Hashable {
    /// The topic the stage change is for.
    public var topic: String
    /// The current stage (0...4).
    public var stage: Int
    /// The proposed next stage (0...4).
    public var nextStage: Int
    /// The facts, as the Lua table `ctx.facts`.
    public var facts: [String: LuaValue]

    /// Creates a context from raw facts.
    public init(topic: String, stage: Int, nextStage: Int, facts: [String: LuaValue] = [:]) {
        self.topic = topic
        self.stage = stage
        self.nextStage = nextStage
        self.facts = facts
    }

    /// Creates a context with the standard facts.
    /// - Parameters:
    ///   - backlog: unconsumed messages per consumer group (`facts.backlog`).
    ///   - clients: connected clients per cluster (`facts.clients`).
    ///   - writeTPS: messages written per second (`facts.write_tps`).
    ///   - lastWriteTime: Unix seconds of the last write seen on the source (`facts.last_write_time`),
    ///     absent when unknown.
    ///   - extra: further facts, merged in (they win over the standard keys).
    public init(
        topic: String,
        stage: Int,
        nextStage: Int,
        backlog: [String: Int64],
        clients: [String: Int] = [:],
        writeTPS: Double = 0,
        lastWriteTime: Int64? = nil,
        extra: [String: LuaValue] = [:]
    ) {
        var facts: [String: LuaValue] = [
            "backlog": .fields(backlog.mapValues { .integer($0) }),
            "clients": .fields(clients.mapValues { .integer(Int64($0)) }),
            "write_tps": .number(writeTPS),
        ]
        if let lastWriteTime { facts["last_write_time"] = .integer(lastWriteTime) }
        facts.merge(extra) { $1 }
        self.init(topic: topic, stage: stage, nextStage: nextStage, facts: facts)
    }

    /// The Lua table the hook receives.
    var luaValue: LuaValue {
        [
            "topic": .string(topic), "stage": .integer(Int64(stage)), "next_stage": .integer(Int64(nextStage)),
            "facts": .fields(facts),
        ]
    }
}
