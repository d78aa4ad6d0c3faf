extension HealthContext: Decodable {
    /// The stages a sample may name (0 Initial … 4 Completed).
    static let stages = 0...4

    private enum CodingKeys: String, CodingKey {
        case topic, stage, facts
        case nextStage = "next_stage"
    }

    /// Decodes the Lua shape: `{"topic": …, "stage": 2, "next_stage": 3, "facts": {…}?}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            topic: try container.decode(String.self, forKey: .topic),
            stage: try container.decode(Int.self, forKey: .stage, in: Self.stages),
            nextStage: try container.decode(Int.self, forKey: .nextStage, in: Self.stages),
            facts: try container.decodeIfPresent([String: LuaValue].self, forKey: .facts) ?? [:]
        )
    }
}
