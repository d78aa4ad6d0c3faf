/// The payload of a `REQ` line from an operator (`ferry ctl`, the dashboard) to the coordinator.
public struct OperatorRequest: Sendable, Codable, Equatable {
    /// What is asked.
    public var action: OperatorAction
    /// Which agents (``OperatorAction/agents``, ``OperatorAction/status``, ``OperatorAction/dispatch``); nil = all.
    public var selector: AgentSelector?
    /// The command to send (``OperatorAction/dispatch``).
    public var command: AgentCommand?
    /// A command id (``OperatorAction/outcome``; optional for dispatch, generated when absent).
    public var commandId: String?
    /// How long to wait for each agent's ack (``OperatorAction/dispatch``); the coordinator's default when nil.
    public var timeoutMillis: Int?

    public init(
        action: OperatorAction, selector: AgentSelector? = nil, command: AgentCommand? = nil, commandId: String? = nil,
        timeoutMillis: Int? = nil
    ) {
        self.action = action
        self.selector = selector
        self.command = command
        self.commandId = commandId
        self.timeoutMillis = timeoutMillis
    }
}

/// The operator requests; raw values are the protocol's names.
public enum OperatorAction: String, Sendable, Codable, CaseIterable {
    /// The registry: `OK` with an ``AgentList``.
    case agents
    /// The last ``AgentState`` of each selected agent: `OK` with an ``AgentStates``.
    case status
    /// Send a command to the selected agents and wait for their acks: `OK` with a ``DispatchResult``.
    case dispatch
    /// The recorded outcomes of an earlier command id: `OK` with a ``DispatchResult``.
    case outcome
    /// `OK`, then every agent event and state change as `EVENT`/`STATE` lines until the operator disconnects.
    case watch
}

/// Which agents a request is for; every given field must match (empty or nil fields match all).
public struct AgentSelector: Sendable, Codable, Equatable {
    /// Agent ids.
    public var ids: [String]?
    /// Labels every selected agent carries with these values.
    public var labels: [String: String]?
    /// Source cluster names.
    public var clusters: [String]?

    public init(ids: [String]? = nil, labels: [String: String]? = nil, clusters: [String]? = nil) {
        self.ids = ids
        self.labels = labels
        self.clusters = clusters
    }
}
