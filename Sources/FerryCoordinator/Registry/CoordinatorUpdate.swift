public import ControlProtocol

/// What a watcher of the coordinator sees: an agent's event, or an agent's new full state.
public enum CoordinatorUpdate: Sendable, Equatable {
    /// An agent sent an ``AgentEvent`` (relayed to operators as an `EVENT` line).
    case event(AgentEvent)
    /// An agent sent its ``AgentState`` (relayed to operators as a `STATE` line).
    case state(AgentState)
}
