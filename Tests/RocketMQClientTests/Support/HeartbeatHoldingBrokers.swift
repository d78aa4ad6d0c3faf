import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Synchronization

/// Two fake brokers with one queue each for topic `T`, the first one also playing the NameServer. They log
/// the request codes they receive (in arrival order, across both), and once ``holdHeartbeats()`` is called
/// they leave HEART_BEAT requests unanswered until an UNREGISTER_CLIENT arrives.
final class HeartbeatHoldingBrokers: Sendable {
    private typealias HeldHeartbeat = (request: RemotingCommand, connection: FakeRemotingConnection)

    private struct State {
        var servers: [FakeRemotingServer] = []
        var arrivals: [RequestCode] = []
        var holdHeartbeats = false
        var held: [HeldHeartbeat] = []
    }

    private let state = Mutex(State())

    /// Starts both brokers and a client, runs `body`, then shuts them down whether `body` returns or throws.
    static func with<T>(
        logger: Logger, _ body: (HeartbeatHoldingBrokers, RemotingClient) async throws -> T
    ) async throws -> T {
        let brokers = HeartbeatHoldingBrokers()
        let responder: FakeRemotingServer.Responder = { [weak brokers] request, connection in
            brokers?.respond(to: request, on: connection)
        }
        let client = RemotingClient(logger: logger)
        do {
            for _ in 0..<2 {
                let server = try await FakeRemotingServer.start(responder: responder)
                brokers.state.withLock { $0.servers.append(server) }
            }
            let result = try await body(brokers, client)
            await brokers.shutdown(client)
            return result
        } catch {
            await brokers.shutdown(client)
            throw error
        }
    }

    /// The NameServer's address (the first broker's).
    var nameServer: String { self.state.withLock { $0.servers[0].address } }

    /// The request codes received so far, in arrival order.
    var arrivals: [RequestCode] { self.state.withLock { $0.arrivals } }

    /// The number of HEART_BEAT requests held now.
    var heldHeartbeatCount: Int { self.state.withLock { $0.held.count } }

    /// Holds every later HEART_BEAT until an UNREGISTER_CLIENT arrives.
    func holdHeartbeats() {
        self.state.withLock { $0.holdHeartbeats = true }
    }

    private func shutdown(_ client: RemotingClient) async {
        await client.shutdown()
        for server in self.state.withLock({ $0.servers }) { await server.shutdown() }
    }

    private func respond(to request: RemotingCommand, on connection: FakeRemotingConnection) {
        let (hold, released, addresses) = self.state.withLock { state -> (Bool, [HeldHeartbeat], [String]) in
            state.arrivals.append(request.requestCode)
            let addresses = state.servers.map(\.address)
            switch request.requestCode {
            case .heartBeat where state.holdHeartbeats:
                state.held.append((request, connection))
                return (true, [], addresses)
            case .unregisterClient:
                state.holdHeartbeats = false
                defer { state.held = [] }
                return (false, state.held, addresses)
            default:
                return (false, [], addresses)
            }
        }
        guard !hold else { return }
        for heartbeat in released { heartbeat.connection.respond(to: heartbeat.request) }
        switch request.requestCode {
        case .getRouteInfoByTopic:
            let names = addresses.indices.map { "broker-\($0)" }
            let route = TopicRouteData(
                queueDatas: names.map { QueueData(brokerName: $0, readQueueNums: 1, writeQueueNums: 1, perm: [.read, .write]) },
                brokerDatas: zip(names, addresses).map { BrokerData(cluster: "C", brokerName: $0, brokerAddrs: [0: $1]) })
            connection.respond(to: request, body: route.byteBuffer())
        case .sendMessageV2:
            connection.respond(to: request, ext: ["msgId": "7F00000100002A9F0000000000000000", "queueOffset": "0"])
        default:
            connection.respond(to: request)
        }
    }
}
