public import ControlProtocol

/// What the dashboard needs from the coordinator, in the control protocol's own types.
///
/// The coordinator's executable adapts its in-process operations to this protocol; tests, benchmarks and demos use
/// fakes. Every call may throw a ``ControlProtocol/ControlErrorBody`` (its code becomes the HTTP status).
public protocol DashboardBackend: Sendable {
    /// The registry: every selected agent, connected or not.
    func agents(_ selector: AgentSelector?) async throws -> AgentList
    /// The last state each selected agent sent.
    func status(_ selector: AgentSelector?) async throws -> AgentStates
    /// Sends `command` to the selected agents and waits for their acks (or `timeout`); `actor` is the
    /// authenticated operator, recorded as the audit's "who".
    func dispatch(_ command: AgentCommand, to selector: AgentSelector?, timeout: Duration?, actor: String) async throws
        -> DispatchResult
    /// Agent events and state changes as they arrive, until the backend stops. Called once per dashboard run.
    func updates() -> AsyncStream<DashboardUpdate>
}

/// One live change the backend reports.
public enum DashboardUpdate: Sendable, Equatable {
    /// Something happened on an agent (a stage change, a failing check, a hook error…).
    case event(AgentEvent)
    /// An agent sent a new full state.
    case state(AgentState)
}
