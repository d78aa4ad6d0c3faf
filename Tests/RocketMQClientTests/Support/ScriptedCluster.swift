import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Synchronization

/// A NameServer and brokers made of ``FakeRemotingServer``s whose answers a test scripts: routes per
/// topic, the group's committed offsets, and per-broker answers to chosen request codes. Every request is
/// logged with the broker (or `"namesrv"`) it reached, in arrival order.
///
/// Default broker answers: HEART_BEAT records the client id; GET_CONSUMER_LIST_BY_GROUP lists the ids
/// heartbeated so far; QUERY_CONSUMER_OFFSET answers the committed offset or QUERY_NOT_FOUND (22);
/// UPDATE_CONSUMER_OFFSET records the offset; GET_MAX_OFFSET answers ``maxOffset`` and
/// SEARCH_OFFSET_BY_TIMESTAMP ``searchOffset``; PULL_MESSAGE answers
/// the messages queued with ``enqueue(_:broker:)`` or, after 100 ms, PULL_NOT_FOUND at the same offset;
/// SEND_MESSAGE_V2 stores nothing and answers SUCCESS; LOCK_BATCH_MQ locks each free queue (or one the
/// client holds) for the asking client and UNLOCK_BATCH_MQ frees the client's; everything else SUCCESS.
final class ScriptedCluster: Sendable {
    /// One logged request.
    struct Arrival: Sendable {
        /// The broker name, or `"namesrv"`.
        var server: String
        var request: RemotingCommand
    }

    /// A scripted answer: a response code, with ext fields.
    struct Answer: Sendable {
        var code: ResponseCode
        var ext: RemotingExtFields = [:]
    }

    private struct State {
        var routes: [String: TopicRouteData] = [:]
        var clientIds: [String] = []
        var committed: [MessageQueue: Int64] = [:]
        var answers: [String: [RequestCode: [Answer]]] = [:]
        var pending: [String: [MessageExt]] = [:]
        var locks: [MessageQueue: String] = [:]
        var arrivals: [Arrival] = []
    }

    private let state = Mutex(State())
    let nameServer: FakeRemotingServer
    /// Broker name → server, `broker-0`, `broker-1`, …
    let brokers: [String: FakeRemotingServer]
    /// What GET_MAX_OFFSET answers.
    let maxOffset: Int64 = 100
    /// What SEARCH_OFFSET_BY_TIMESTAMP answers.
    let searchOffset: Int64 = 7

    private init(nameServer: FakeRemotingServer, brokers: [String: FakeRemotingServer]) {
        self.nameServer = nameServer
        self.brokers = brokers
    }

    /// Starts a NameServer and `brokerCount` brokers, runs `body`, then shuts them down.
    static func with<T>(brokerCount: Int, _ body: (ScriptedCluster) async throws -> T) async throws -> T {
        let box = ClusterBox()
        func responder(_ name: String) -> FakeRemotingServer.Responder {
            { request, connection in box.cluster.withLock { $0 }?.respond(name, request, connection) }
        }
        let nameServer = try await FakeRemotingServer.start(responder: responder("namesrv"))
        var brokers: [String: FakeRemotingServer] = [:]
        for index in 0..<brokerCount {
            brokers["broker-\(index)"] = try await FakeRemotingServer.start(responder: responder("broker-\(index)"))
        }
        let cluster = ScriptedCluster(nameServer: nameServer, brokers: brokers)
        box.cluster.withLock { $0 = cluster }
        do {
            let result = try await body(cluster)
            await cluster.shutdown()
            return result
        } catch {
            await cluster.shutdown()
            throw error
        }
    }

    /// A route of `brokerNames` with `queues` queues each and `perm`.
    func route(_ brokerNames: [String], queues: Int32 = 1, perm: PermName = [.read, .write]) -> TopicRouteData {
        TopicRouteData(
            queueDatas: brokerNames.map { QueueData(brokerName: $0, readQueueNums: queues, writeQueueNums: queues, perm: perm) },
            brokerDatas: brokerNames.map {
                BrokerData(cluster: "C", brokerName: $0, brokerAddrs: [0: self.brokers[$0]?.address ?? ""])
            }
        )
    }

    /// Makes the NameServer answer `route` for `topic` (nil: TOPIC_NOT_EXIST).
    func setRoute(_ topic: String, _ route: TopicRouteData?) {
        self.state.withLock { $0.routes[topic] = route }
    }

    /// Makes `broker` answer its next requests of `code` with `answers`, one each, in order.
    func script(_ code: RequestCode, on broker: String, _ answers: [Answer]) {
        self.state.withLock { $0.answers[broker, default: [:]][code, default: []] += answers }
    }

    /// Sets the group's committed offset of `queue`.
    func commit(_ queue: MessageQueue, _ offset: Int64) {
        self.state.withLock { $0.committed[queue] = offset }
    }

    /// Queues `message` for the next pull of its queue on `broker`.
    func enqueue(_ message: MessageExt, broker: String) {
        self.state.withLock { $0.pending[broker, default: []].append(message) }
    }

    /// The client holding `queue`'s lock, if any.
    func lockHolder(_ queue: MessageQueue) -> String? { self.state.withLock { $0.locks[queue] } }

    /// Gives `queue`'s lock to `clientId` (nil frees it).
    func setLock(_ queue: MessageQueue, _ clientId: String?) { self.state.withLock { $0.locks[queue] = clientId } }

    /// Every request so far.
    var arrivals: [Arrival] { self.state.withLock { $0.arrivals } }

    /// The requests of `code` so far, with the server each reached.
    func arrivals(_ code: RequestCode) -> [Arrival] { self.arrivals.filter { $0.request.requestCode == code } }

    /// A push consumer of group `G` on this cluster with short intervals: routes and rebalance every 200 ms,
    /// heartbeats (and broker pruning) and periodic offset commits only every minute, so the commits a test
    /// sees are the ones it provokes.
    func consumerConfiguration() -> RocketMQPushConsumerConfiguration {
        var configuration = RocketMQPushConsumerConfiguration(group: "G", nameServers: [self.nameServer.address])
        configuration.routeRefreshInterval = .milliseconds(200)
        configuration.rebalanceInterval = .milliseconds(200)
        configuration.heartbeatInterval = .seconds(60)
        configuration.persistOffsetInterval = .seconds(60)
        configuration.brokerSuspendTime = .seconds(1)
        configuration.pullDelayOnError = .milliseconds(200)
        return configuration
    }

    /// Waits up to `seconds` for `condition`; returns whether it held.
    func eventually(seconds: Int = 20, _ condition: () async -> Bool) async -> Bool {
        for _ in 0..<(seconds * 20) {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }

    private func shutdown() async {
        await self.nameServer.shutdown()
        for server in self.brokers.values { await server.shutdown() }
    }

    private func respond(_ server: String, _ request: RemotingCommand, _ connection: FakeRemotingConnection) {
        let scripted = self.state.withLock { state -> Answer? in
            state.arrivals.append(Arrival(server: server, request: request))
            guard var queue = state.answers[server]?[request.requestCode], !queue.isEmpty else { return nil }
            let answer = queue.removeFirst()
            state.answers[server]?[request.requestCode] = queue
            return answer
        }
        if let scripted {
            connection.respond(to: request, code: scripted.code, ext: scripted.ext)
            return
        }
        if server == "namesrv" {
            let route = self.state.withLock { $0.routes[request.ext("topic") ?? ""] }
            if let route {
                connection.respond(to: request, body: route.byteBuffer())
            } else {
                connection.respond(to: request, code: .topicNotExist)
            }
            return
        }
        self.answerBroker(server, request, connection)
    }

    private func answerBroker(_ server: String, _ request: RemotingCommand, _ connection: FakeRemotingConnection) {
        let queue = MessageQueue(
            topic: request.ext("topic") ?? "", brokerName: server, queueId: Int32(request.ext("queueId") ?? "") ?? 0)
        switch request.requestCode {
        case .heartBeat:
            if let body = request.body, let data = try? HeartbeatData(parsing: body), !data.consumerDataSet.isEmpty {
                self.state.withLock { state in
                    if !state.clientIds.contains(data.clientID) { state.clientIds.append(data.clientID) }
                }
            }
            connection.respond(to: request)
        case .getConsumerListByGroup:
            let ids = self.state.withLock { $0.clientIds }
            connection.respond(to: request, body: GetConsumerListByGroupResponseBody(consumerIdList: ids).byteBuffer())
        case .queryConsumerOffset:
            if let offset = self.state.withLock({ $0.committed[queue] }) {
                connection.respond(to: request, ext: ["offset": "\(offset)"])
            } else {
                connection.respond(to: request, code: .queryNotFound)
            }
        case .updateConsumerOffset:
            self.state.withLock { $0.committed[queue] = Int64(request.ext("commitOffset") ?? "") ?? -1 }
        case .getMaxOffset:
            connection.respond(to: request, ext: ["offset": "\(self.maxOffset)"])
        case .searchOffsetByTimestamp:
            connection.respond(to: request, ext: ["offset": "\(self.searchOffset)"])
        case .pullMessage:
            let offset = Int64(request.ext("queueOffset") ?? "") ?? 0
            let messages = self.state.withLock { state -> [MessageExt] in
                let found = state.pending[server, default: []].filter { $0.topic == queue.topic && $0.queueId == queue.queueId }
                state.pending[server]?.removeAll { $0.topic == queue.topic && $0.queueId == queue.queueId }
                return found
            }
            if messages.isEmpty {
                Task {
                    try? await Task.sleep(for: .milliseconds(100))
                    connection.respond(to: request, code: .pullNotFound, ext: ["nextBeginOffset": "\(offset)"])
                }
            } else {
                var body = ByteBuffer()
                for message in messages { message.encode(into: &body) }
                let next = offset + Int64(messages.count)
                connection.respond(to: request, ext: ["nextBeginOffset": "\(next)"], body: body)
            }
        case .lockBatchMQ, .unlockBatchMQ:
            guard let body = request.body, let asked = try? LockBatchRequestBody(parsing: body) else {
                connection.respond(to: request, code: .systemError)
                return
            }
            let locked = self.state.withLock { state -> [MessageQueue] in
                var locked: [MessageQueue] = []
                for queue in asked.mqSet {
                    let holder = state.locks[queue]
                    if request.requestCode == .unlockBatchMQ {
                        if holder == asked.clientId { state.locks[queue] = nil }
                    } else if holder == nil || holder == asked.clientId {
                        state.locks[queue] = asked.clientId
                        locked.append(queue)
                    }
                }
                return locked
            }
            if request.requestCode == .lockBatchMQ {
                connection.respond(to: request, body: LockBatchResponseBody(lockOKMQSet: locked).byteBuffer())
            }
        case .sendMessageV2:
            connection.respond(to: request, ext: ["msgId": "7F00000100002A9F0000000000000000", "queueOffset": "0"])
        default:
            connection.respond(to: request)
        }
    }
}

/// Lets the servers' responders reach the cluster object, which exists only once the servers do.
private final class ClusterBox: Sendable {
    let cluster = Mutex<ScriptedCluster?>(nil)
}
