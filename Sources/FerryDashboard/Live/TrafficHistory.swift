import ControlProtocol
import Foundation
import Synchronization
import TrafficMigration

/// The last few traffic samples of every topic, for the sparklines: fed by agent states, bounded per topic and
/// in the number of topics, forgotten when an agent stops reporting a topic.
final class TrafficHistory: Sendable {
    private struct TopicKey: Hashable {
        var task: String
        var topic: String
    }

    private struct TopicRing {
        var stageNumber: Int
        var lastSource: Int64?
        var lastTarget: Int64?
        var primed = false
        var series = TrafficSamples(source: [], target: [])
    }

    private struct AgentRings {
        var takenAt: Date
        var topics: [TopicKey: TopicRing] = [:]
    }

    private struct State {
        var agents: [String: AgentRings] = [:]
        var trackedTopics = 0
    }

    private let capacity: Int
    private let maxTopics: Int
    private let state = Mutex(State())

    init(samplesPerTopic: Int, maxTopics: Int) {
        self.capacity = samplesPerTopic
        self.maxTopics = maxTopics
    }

    /// Records one agent state; a state not newer than the last one recorded for the agent is ignored, so the same
    /// state seen through an update and a status read counts once.
    func record(_ agentState: AgentState) {
        state.withLock { state in
            let previous = state.agents[agentState.agentId]
            if let previous, previous.takenAt >= agentState.takenAt { return }
            let previousCount = previous?.topics.count ?? 0
            var rings = AgentRings(takenAt: agentState.takenAt)
            var budget = maxTopics - (state.trackedTopics - previousCount)
            for task in agentState.tasks {
                for row in task.status.topics where budget > 0 {
                    let key = TopicKey(task: task.status.task, topic: row.topic)
                    guard rings.topics[key] == nil else { continue }
                    var ring = previous?.topics[key] ?? TopicRing(stageNumber: row.stageNumber)
                    append(row: row, to: &ring)
                    rings.topics[key] = ring
                    budget -= 1
                }
            }
            state.trackedTopics += rings.topics.count - previousCount
            state.agents[agentState.agentId] = rings
        }
    }

    /// The samples of one topic on one agent (empty when none were recorded).
    func series(agentId: String, task: String, topic: String) -> TrafficSamples {
        state.withLock { $0.agents[agentId]?.topics[TopicKey(task: task, topic: topic)]?.series }
            ?? TrafficSamples(source: [], target: [])
    }

    /// The topics holding samples now.
    var trackedTopics: Int { state.withLock { $0.trackedTopics } }

    private func append(row: TrafficStatusRow, to ring: inout TopicRing) {
        let source = row.source.messagesSinceStageChange
        let target = row.target.messagesSinceStageChange
        if ring.stageNumber != row.stageNumber {
            // The counters restart at a stage change: the first sample after it is the new count itself.
            ring.stageNumber = row.stageNumber
            ring.lastSource = 0
            ring.lastTarget = 0
        }
        if ring.primed {
            push(Self.delta(from: ring.lastSource, to: source), onto: &ring.series.source)
            push(Self.delta(from: ring.lastTarget, to: target), onto: &ring.series.target)
        }
        ring.primed = true
        ring.lastSource = source
        ring.lastTarget = target
    }

    private func push(_ value: Int64?, onto samples: inout [Int64?]) {
        samples.append(value)
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
    }

    /// Messages between two counts; nil when either is unknown, 0 when the counter went back.
    private static func delta(from previous: Int64?, to current: Int64?) -> Int64? {
        guard let previous, let current else { return nil }
        let (difference, overflow) = current.subtractingReportingOverflow(previous)
        return overflow || difference < 0 ? 0 : difference
    }
}
