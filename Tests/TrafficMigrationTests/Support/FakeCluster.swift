import MigrationEngine
import RocketMQRemoting
import Synchronization
import TrafficMigration

/// A ``TrafficClusterReader`` held in memory; `down` makes every call fail as an unreachable cluster would.
final class FakeCluster: TrafficClusterReader {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "connect failed" }
    }

    struct State {
        var routes: [String: TopicRouteData] = [:]
        var ordered: Set<String> = []
        var groups: [String: [String]] = [:]
        var offsets: [String: Int64] = [:]
        var brokers: Set<String> = []
        var down = false
        var calls = 0
        /// When set, `maxOffsetTotal` and `groupsConsuming` take this long, and the most calls in flight at
        /// once are counted.
        var delay: Duration?
        var inFlight = 0
        var maxInFlight = 0
    }

    let state: Mutex<State>

    init(brokers: Set<String>, topics: [String] = []) {
        var state = State(brokers: brokers)
        for topic in topics {
            state.routes[topic] = TopicRouteData(
                queueDatas: brokers.sorted().map {
                    QueueData(brokerName: $0, readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write])
                },
                brokerDatas: brokers.sorted().map {
                    BrokerData(cluster: "c", brokerName: $0, brokerAddrs: [0: "\($0):10911"])
                })
        }
        self.state = Mutex(state)
    }

    func update(_ body: (inout State) -> Void) { self.state.withLock { body(&$0) } }
    var calls: Int { self.state.withLock { $0.calls } }

    private func read<T>(_ body: (State) -> T) throws -> T {
        try self.state.withLock { state in
            state.calls += 1
            if state.down { throw Unreachable() }
            return body(state)
        }
    }

    func topicNames() async throws -> [String] { try self.read { $0.routes.keys.sorted() } }
    func route(_ topic: String) async throws -> TopicRouteData? { try self.read { $0.routes[topic] } }
    func orderedTopics() async throws -> Set<String> { try self.read { $0.ordered } }
    func groupsConsuming(_ topic: String) async throws -> [String] {
        try await self.slowly()
        return try self.read { $0.groups[topic] ?? [] }
    }
    func maxOffsetTotal(_ topic: String) async throws -> Int64 {
        try await self.slowly()
        return try self.read { $0.offsets[topic] ?? 0 }
    }

    private func slowly() async throws {
        guard let delay = self.state.withLock({ $0.delay }) else { return }
        self.update {
            $0.inFlight += 1
            $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
        }
        try await Task.sleep(for: delay)
        self.update { $0.inFlight -= 1 }
    }
    func brokerNames() async throws -> Set<String> { try self.read { $0.brokers } }
}

/// A guard that refuses the topics it names, at check or at gate, and records what it was asked.
final class ScriptedGuard: StageStepGuard {
    let refuseAtCheck: Set<String>
    let refuseAtGate: Set<String>
    let asked = Mutex<[String]>([])

    init(refuseAtCheck: Set<String> = [], refuseAtGate: Set<String> = []) {
        self.refuseAtCheck = refuseAtCheck
        self.refuseAtGate = refuseAtGate
    }

    func check(_ request: StageStepRequest) async -> StageStepVerdict {
        self.asked.withLock { $0.append("check \(request.move.topic)") }
        return self.refuseAtCheck.contains(request.move.topic) ? .refuse(reason: "not ready") : .allow
    }

    func gate(_ request: StageStepRequest) async -> StageStepVerdict {
        self.asked.withLock { $0.append("gate \(request.move.topic)") }
        return self.refuseAtGate.contains(request.move.topic) ? .refuse(reason: "outside the window") : .allow
    }
}
