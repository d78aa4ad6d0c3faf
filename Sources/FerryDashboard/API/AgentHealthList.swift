public import ControlProtocol
public import Foundation
import TrafficMigration

/// `GET /api/agents`: every agent with its health, for the agents strip.
public struct AgentHealthList: Sendable, Codable, Equatable {
    /// The agents, by id.
    public var agents: [AgentHealth]
}

/// One agent's health: its connection, when it was last heard from, and its routing proxy.
public struct AgentHealth: Sendable, Codable, Equatable {
    /// The agent id.
    public var agentId: String
    /// Its source cluster.
    public var cluster: String
    /// Its labels.
    public var labels: [String: String]
    /// Its build.
    public var version: String
    /// Whether it is connected now.
    public var connected: Bool
    /// The last line received from it.
    public var lastSeen: Date
    /// Its routing proxy's health, when it runs one and has sent a state.
    public var proxy: ProxyState?
    /// Its tasks' names.
    public var tasks: [String]

    /// Joins the registry entry with the agent's last state.
    init(summary: AgentSummary, state: AgentState?) {
        self.agentId = summary.agentId
        self.cluster = summary.cluster
        self.labels = summary.labels
        self.version = summary.version
        self.connected = summary.connected
        self.lastSeen = summary.lastSeen
        self.proxy = state?.proxy
        self.tasks = state?.tasks.map(\.status.task) ?? []
    }
}

/// `GET /api/tasks`: the task selector's choices.
public struct TaskList: Sendable, Codable, Equatable {
    /// Every task any agent holds, by name.
    public var tasks: [TaskSummary]
}

/// One task across the agents that hold it.
public struct TaskSummary: Sendable, Codable, Equatable {
    /// The task's name.
    public var task: String
    /// The agents holding it, by id.
    public var agents: [String]
    /// Its topics, summed over those agents.
    public var topics: Int
    /// Topics per stage number (index 0–4).
    public var stages: [Int]

    /// Summarises the tasks of `states`.
    static func all(in states: AgentStates) -> [TaskSummary] {
        var byName: [String: TaskSummary] = [:]
        for agent in states.agents {
            for task in agent.tasks {
                let name = task.status.task
                var summary = byName[name] ?? TaskSummary(task: name, agents: [], topics: 0, stages: [0, 0, 0, 0, 0])
                if !summary.agents.contains(agent.agentId) { summary.agents.append(agent.agentId) }
                summary.topics += task.status.topics.count
                for row in task.status.topics where summary.stages.indices.contains(row.stageNumber) {
                    summary.stages[row.stageNumber] += 1
                }
                byName[name] = summary
            }
        }
        return byName.values.map { summary in
            var sorted = summary
            sorted.agents.sort()
            return sorted
        }.sorted { $0.task < $1.task }
    }
}
