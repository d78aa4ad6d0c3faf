import ControlProtocol

extension CoordinatorUpdate: Encodable {
    private enum CodingKeys: String, CodingKey {
        case event, state
    }

    /// `{"event": {…AgentEvent…}}` or `{"state": {…AgentState…}}`: one object per line of `ferry ctl watch --json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .event(let event): try container.encode(event, forKey: .event)
        case .state(let state): try container.encode(state, forKey: .state)
        }
    }
}
