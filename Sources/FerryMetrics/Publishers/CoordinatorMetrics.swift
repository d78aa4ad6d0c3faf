public import ControlProtocol
public import Metrics

/// The coordinator's own series: agents connected and disconnected, and per-agent command outcomes by action
/// and status. Every label value comes from a closed enum, so the counters are made once, up front.
public final class CoordinatorMetrics: Sendable {
    private let connected: Gauge
    private let disconnected: Gauge
    private let outcomes: [AgentAction: [OutcomeStatus: Counter]]

    /// A publisher creating its metrics through `factory` (the bootstrapped global one by default).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        let agents = FerryMetric.coordinatorAgents.name
        self.connected = Gauge(label: agents, dimensions: [("state", "connected")], factory: factory)
        self.disconnected = Gauge(label: agents, dimensions: [("state", "disconnected")], factory: factory)
        self.outcomes = AgentAction.allCases.reduce(into: [:]) { table, action in
            table[action] = OutcomeStatus.allCases.reduce(into: [:]) { row, status in
                row[status] = Counter(
                    label: FerryMetric.coordinatorCommandOutcomes.name,
                    dimensions: [("action", action.rawValue), ("status", status.rawValue)], factory: factory)
            }
        }
    }

    /// Sets the agent gauges from the coordinator's registry.
    public func publish(_ agents: AgentList) {
        let up = agents.agents.filter(\.connected).count
        self.connected.record(up)
        self.disconnected.record(agents.agents.count - up)
    }

    /// Counts one agent's outcome of one command; call it once, when the outcome becomes final (an ack, a
    /// timeout, or the agent found offline).
    public func record(action: AgentAction, status: OutcomeStatus) {
        self.outcomes[action]?[status]?.increment()
    }
}
