public import ControlProtocol
public import Metrics
import Synchronization

/// Exports agents' states as gauges: each topic's stage, readiness checks passing and failing, messages
/// written per side, source backlog, consumed offsets and backlog per consumer group and side, clients on the
/// proxy vs on the source, and the proxy's upstream health.
///
/// The agent calls ``publish(_:)`` with its own state whenever it changes; the coordinator may publish every
/// agent's state into its own registry. A publish replaces everything earlier published for that agent:
/// series of topics, tasks or checks no longer in the state are removed from the registry.
///
/// Per-topic series are capped at ``maxTopicSeries`` topics per publisher (over all agents). Past the cap a
/// topic gets no `ferry_topic_*` series, `ferry_metrics_topics_dropped` counts it, and it still counts in the
/// per-task series (`ferry_task_topics`, `ferry_readiness_checks`, …), so the scrape stays bounded while the
/// totals stay right.
public final class AgentMetrics: Sendable {
    /// The default topic series cap: 20,000 topics keep a scrape near 2 MB.
    public static let defaultMaxTopicSeries = 20_000

    /// Topics that get per-topic series at most.
    public let maxTopicSeries: Int
    private let factory: any MetricsFactory
    private let published = Mutex<Published>(Published())

    private struct Published {
        var gauges: [MetricSeries: Gauge] = [:]
        var seriesByAgent: [String: Set<MetricSeries>] = [:]
        var topicsByAgent: [String: Int] = [:]
    }

    /// A publisher creating its gauges through `factory` (the bootstrapped global one by default).
    public init(maxTopicSeries: Int = AgentMetrics.defaultMaxTopicSeries, factory: any MetricsFactory = MetricsSystem.factory) {
        self.maxTopicSeries = max(maxTopicSeries, 0)
        self.factory = factory
    }

    /// Replaces the series of `state.agentId` with those `state` stands for.
    public func publish(_ state: AgentState) {
        self.published.withLock { published in
            let others = published.topicsByAgent.reduce(0) { $0 + ($1.key == state.agentId ? 0 : $1.value) }
            let series = AgentStateSeries(state, topicAllowance: max(self.maxTopicSeries - others, 0))
            self.replace(agent: state.agentId, with: series.values, in: &published)
            published.topicsByAgent[state.agentId] = series.topicsWithSeries
        }
    }

    /// Removes every series of `agentId` (an agent the coordinator forgot).
    public func remove(agentId: String) {
        self.published.withLock { published in
            self.replace(agent: agentId, with: [:], in: &published)
            published.topicsByAgent[agentId] = nil
            published.seriesByAgent[agentId] = nil
        }
    }

    private func replace(agent: String, with values: [MetricSeries: Double], in published: inout Published) {
        for gone in published.seriesByAgent[agent, default: []] where values[gone] == nil {
            published.gauges.removeValue(forKey: gone)?.destroy()
        }
        for (series, value) in values {
            let gauge =
                published.gauges[series]
                ?? Gauge(label: series.family, dimensions: series.dimensions, factory: self.factory)
            published.gauges[series] = gauge
            gauge.record(value)
        }
        published.seriesByAgent[agent] = Set(values.keys)
    }
}
