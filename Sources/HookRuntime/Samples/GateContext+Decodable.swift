extension GateContext: Decodable {
    private enum CodingKeys: String, CodingKey {
        case topic, stage, time, task, facts
        case nextStage = "next_stage"
    }

    private enum TaskKeys: String, CodingKey {
        case id
    }

    /// Decodes the Lua shape: `{"topic": …, "stage": 2, "next_stage": 3, "time": 1700000000,
    /// "task": {"id": …}?, "facts": {…}?}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var taskID = ""
        if container.contains(.task) {
            taskID = try container.nestedContainer(keyedBy: TaskKeys.self, forKey: .task).decode(String.self, forKey: .id)
        }
        self.init(
            topic: try container.decode(String.self, forKey: .topic),
            stage: try container.decode(Int.self, forKey: .stage, in: HealthContext.stages),
            nextStage: try container.decode(Int.self, forKey: .nextStage, in: HealthContext.stages),
            time: try container.decode(Int64.self, forKey: .time),
            taskID: taskID,
            facts: try container.decodeIfPresent([String: LuaValue].self, forKey: .facts) ?? [:]
        )
    }
}
