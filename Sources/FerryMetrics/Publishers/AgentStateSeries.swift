import ControlProtocol
import Foundation
import MigrationEngine
import TrafficMigration

/// The gauge values one agent's state stands for: a pure function of the state, so the publisher only diffs.
///
/// Per-topic series (``FerryMetric/topicStage`` and ``FerryMetric/topicBacklog``) are made for at most
/// `topicAllowance` topics, in the state's order; the rest are counted in ``FerryMetric/topicsDropped`` and
/// still counted in every per-task series. Check names beyond ``maxCheckNames`` per task (a Lua health hook
/// may invent names) are folded into `check="other"`.
struct AgentStateSeries {
    /// Distinct readiness check names kept per task; the built-in checks are 12.
    static let maxCheckNames = 32
    /// Consumer groups per topic given per-group series (``FerryMetric/groupMessagesConsumed``,
    /// ``FerryMetric/groupBacklog``), in the topic's order; the rest are counted in ``FerryMetric/groupsDropped``.
    static let maxGroupsPerTopic = 16

    /// The series and their values.
    private(set) var values: [MetricSeries: Double] = [:]
    /// Topics given per-topic series.
    private(set) var topicsWithSeries = 0
    /// Topics left without per-topic series by the allowance.
    private(set) var topicsDropped = 0
    /// Groups of exported topics left without per-group series by ``maxGroupsPerTopic``.
    private(set) var groupsDropped = 0

    init(_ state: AgentState, topicAllowance: Int) {
        let agent = state.agentId
        self.values[MetricSeries(.agentStateTimestamp, agent)] = state.takenAt.timeIntervalSince1970
        if let proxy = state.proxy {
            self.values[MetricSeries(.proxyUpstreamReachable, agent, "source")] = proxy.sourceReachable ? 1 : 0
            self.values[MetricSeries(.proxyUpstreamReachable, agent, "target")] = proxy.targetReachable ? 1 : 0
            self.values[MetricSeries(.proxyCachedTopics, agent)] = Double(proxy.cachedTopics)
        }
        for task in state.tasks {
            self.add(task, agent: agent, topicAllowance: topicAllowance)
        }
        self.values[MetricSeries(.topicsDropped, agent)] = Double(self.topicsDropped)
        self.values[MetricSeries(.groupsDropped, agent)] = Double(self.groupsDropped)
    }

    private mutating func add(_ task: AgentTaskState, agent: String, topicAllowance: Int) {
        let name = task.status.task
        var perStage = [Int](repeating: 0, count: MigrationStage.allCases.count)
        var written: [Int64] = [0, 0]
        var clients: [Int64] = [0, 0]
        var exported = Set<String>()
        for row in task.status.topics {
            if let stage = MigrationStage(rawValue: row.stageNumber) { perStage[stage.rawValue] += 1 }
            written[0] = written[0].saturatingAdd(max(row.source.messagesSinceStageChange ?? 0, 0))
            written[1] = written[1].saturatingAdd(max(row.target.messagesSinceStageChange ?? 0, 0))
            clients[0] = clients[0].saturatingAdd(Int64(max(row.clients?.onProxy ?? 0, 0)))
            clients[1] = clients[1].saturatingAdd(Int64(max(row.clients?.onSourceOnly ?? 0, 0)))
            if exported.contains(row.topic) { continue }
            guard self.topicsWithSeries < topicAllowance else {
                self.topicsDropped += 1
                continue
            }
            exported.insert(row.topic)
            self.topicsWithSeries += 1
            self.values[MetricSeries(.topicStage, agent, name, row.topic)] = Double(row.stageNumber)
            self.addGroups(row, agent: agent, task: name)
        }
        for stage in MigrationStage.allCases {
            self.values[MetricSeries(.taskTopics, agent, name, stage.description)] = Double(perStage[stage.rawValue])
        }
        for (index, side) in ["source", "target"].enumerated() {
            self.values[MetricSeries(.taskMessagesWritten, agent, name, side)] = Double(written[index])
        }
        self.values[MetricSeries(.taskClients, agent, name, "proxy")] = Double(clients[0])
        self.values[MetricSeries(.taskClients, agent, name, "source")] = Double(clients[1])
        self.addReadiness(task.readiness, agent: agent, task: name, exported: exported)
    }

    /// Per-group consumed offsets and backlog on each side whose offsets were read.
    private mutating func addGroups(_ row: TrafficStatusRow, agent: String, task: String) {
        var seen = Set<String>()
        for traffic in row.consumerGroups ?? [] where seen.insert(traffic.group).inserted {
            guard seen.count <= Self.maxGroupsPerTopic else {
                self.groupsDropped += 1
                continue
            }
            for (side, progress) in [("source", traffic.source), ("target", traffic.target)] {
                guard let progress else { continue }
                let labels = [agent, task, row.topic, traffic.group, side]
                self.values[MetricSeries(.groupMessagesConsumed, labels)] = Double(max(progress.consumed, 0))
                self.values[MetricSeries(.groupBacklog, labels)] = Double(max(progress.backlog, 0))
            }
        }
    }

    private mutating func addReadiness(_ reports: [ReadinessReport], agent: String, task: String, exported: Set<String>) {
        var checkNames = Set<String>()
        for report in reports {
            for check in report.checks {
                if checkNames.count < Self.maxCheckNames { checkNames.insert(check.name) }
                let label = checkNames.contains(check.name) ? check.name : "other"
                let passing = MetricSeries(.readinessChecks, agent, task, label, "passing")
                let failing = MetricSeries(.readinessChecks, agent, task, label, "failing")
                self.values[passing, default: 0] += check.ok ? 1 : 0
                self.values[failing, default: 0] += check.ok ? 0 : 1
                guard exported.contains(report.topic) else { continue }
                if check.name == ReadinessCheckName.backlogDrained.rawValue, let backlog = check.facts["backlog"] {
                    self.values[MetricSeries(.topicBacklog, agent, task, report.topic, "source", "topic")] = Double(backlog)
                }
                if check.name == ReadinessCheckName.retryDrained.rawValue, let backlog = check.facts["retryBacklog"] {
                    self.values[MetricSeries(.topicBacklog, agent, task, report.topic, "source", "retry")] = Double(backlog)
                }
            }
        }
    }
}
