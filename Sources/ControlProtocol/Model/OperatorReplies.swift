public import Foundation

/// The `OK` payload of ``OperatorAction/agents``.
public struct AgentList: Sendable, Codable, Equatable {
    /// Every selected agent the coordinator has ever seen, connected or not, by id.
    public var agents: [AgentSummary]

    public init(agents: [AgentSummary]) { self.agents = agents }
}

/// One agent in the coordinator's registry.
public struct AgentSummary: Sendable, Codable, Equatable {
    /// The agent id.
    public var agentId: String
    /// Its labels.
    public var labels: [String: String]
    /// Its source cluster.
    public var cluster: String
    /// Its build.
    public var version: String
    /// Whether it is connected now.
    public var connected: Bool
    /// The last line received from it.
    public var lastSeen: Date
    /// The remote address of its connection (`host:port`).
    public var address: String

    public init(
        agentId: String, labels: [String: String], cluster: String, version: String, connected: Bool, lastSeen: Date,
        address: String
    ) {
        self.agentId = agentId
        self.labels = labels
        self.cluster = cluster
        self.version = version
        self.connected = connected
        self.lastSeen = lastSeen
        self.address = address
    }
}

/// The `OK` payload of ``OperatorAction/status``.
public struct AgentStates: Sendable, Codable, Equatable {
    /// The last state each selected agent sent, by agent id.
    public var agents: [AgentState]

    public init(agents: [AgentState]) { self.agents = agents }
}

/// The `OK` payload of ``OperatorAction/dispatch`` and ``OperatorAction/outcome``.
public struct DispatchResult: Sendable, Codable, Equatable {
    /// The command id (the `CMD` line id every agent got).
    public var commandId: String
    /// The command as sent.
    public var command: AgentCommand
    /// One outcome per selected agent.
    public var outcomes: [AgentOutcome]

    public init(commandId: String, command: AgentCommand, outcomes: [AgentOutcome]) {
        self.commandId = commandId
        self.command = command
        self.outcomes = outcomes
    }
}

/// How a dispatched command ended on one agent.
public struct AgentOutcome: Sendable, Codable, Equatable {
    /// The agent.
    public var agentId: String
    /// Where the command stands on it.
    public var status: OutcomeStatus
    /// The agent's ack, once it came.
    public var result: CommandResult?

    public init(agentId: String, status: OutcomeStatus, result: CommandResult?) {
        self.agentId = agentId
        self.status = status
        self.result = result
    }
}

/// Where a dispatched command stands on one agent.
public enum OutcomeStatus: String, Sendable, Codable, CaseIterable {
    /// Sent, no ack yet.
    case pending
    /// Acked with `ok: true`.
    case succeeded
    /// Acked with `ok: false`.
    case failed
    /// No ack within the timeout (the coordinator asks again when the agent reconnects).
    case timedOut
    /// The agent was not connected; the command is sent when it connects.
    case offline
}
