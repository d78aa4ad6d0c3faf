public import ControlProtocol

/// The coordinator's operations in-process: what an operator's `REQ` lines reach, for callers in the same
/// process (the dashboard). Every dispatch names its actor, the audit's "who".
public struct CoordinatorOperations: Sendable {
    let hub: CoordinatorHub

    /// The registry: every selected agent ever seen, connected or not, by id.
    public func agents(_ selector: AgentSelector? = nil) async -> AgentList {
        await self.hub.agentList(selector)
    }

    /// The last full state of each selected agent, by id.
    public func status(_ selector: AgentSelector? = nil) async -> AgentStates {
        await self.hub.states(selector)
    }

    /// Sends `command` to the selected agents and waits up to `timeout` (the configured
    /// `commandTimeoutSeconds` when nil) for each connected agent's ack.
    /// - Parameters:
    ///   - actor: who asks (an operator's name); it replaces `command.actor`.
    ///   - commandId: the id to use, or nil for a fresh one; an id used before returns that command's outcomes,
    ///     or fails with 409 when it was another command.
    /// - Throws: ``ControlErrorBody`` 404 when no agent matches, 429 when too many dispatches are in flight.
    public func dispatch(
        _ command: AgentCommand, to selector: AgentSelector?, timeout: Duration? = nil, actor: String,
        commandId: String? = nil
    ) async throws(ControlErrorBody) -> DispatchResult {
        try await self.hub.dispatch(command, to: selector, timeout: timeout, actor: actor, commandId: commandId)
    }

    /// The recorded outcomes of an earlier command; 404 when the id is unknown (or pruned).
    public func outcome(commandId: String) async throws(ControlErrorBody) -> DispatchResult {
        try await self.hub.outcome(commandId: commandId)
    }

    /// Agent events and state changes as they arrive, after the last kept events. The stream buffers
    /// `limits.watcherQueue` updates; a consumer that falls further behind is dropped (the stream finishes).
    public func updates() async -> AsyncStream<CoordinatorUpdate> {
        await self.hub.addWatcher()
    }
}
