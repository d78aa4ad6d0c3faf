public import Foundation

/// The payload of an `EVENT` line: something that happened on an agent that an operator wants to see now.
public struct AgentEvent: Sendable, Codable, Equatable {
    /// The agent it happened on (filled in by the agent; the coordinator relays it unchanged).
    public var agentId: String
    /// What happened.
    public var kind: AgentEventKind
    /// The task, when the event belongs to one.
    public var task: String?
    /// The topic, when the event belongs to one.
    public var topic: String?
    /// A sentence a person can act on (never a secret).
    public var message: String
    /// When it happened.
    public var at: Date

    public init(agentId: String, kind: AgentEventKind, task: String?, topic: String?, message: String, at: Date) {
        self.agentId = agentId
        self.kind = kind
        self.task = task
        self.topic = topic
        self.message = message
        self.at = at
    }
}

/// The kinds of ``AgentEvent``.
public enum AgentEventKind: String, Sendable, Codable, CaseIterable {
    /// A topic moved to another stage (the message says from → to and who).
    case stageChanged
    /// A readiness check that passed now fails.
    case checkFailed
    /// A Lua hook raised an error or ran out of budget.
    case hookError
    /// A client host queried the proxy for the first time.
    case newProxyClient
    /// A command finished (the coordinator also gets its `ACK`).
    case commandFinished
    /// The agent's view of a cluster changed (unreachable, back again).
    case clusterHealth
}
