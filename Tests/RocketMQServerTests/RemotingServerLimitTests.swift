import Logging
import NIOCore
import NIOPosix
import RocketMQRemoting
import RocketMQServer
import Synchronization
import RocketMQTestSupport
import Testing

/// The fast path answers on the event loop; a connection past its in-flight limit is shed with `SYSTEM_BUSY`.
@Suite(.timeLimit(.minutes(1))) struct RemotingServerLimitTests {
    static let logger = Logger.test("server-tests")

    /// Holds every request until released, so they stay in flight.
    final class HoldingHandler: RemotingRequestHandler {
        let released = Mutex(false)
        let handled = Atomic<Int>(0)
        func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {
            while !self.released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(5)) }
            self.handled.add(1, ordering: .relaxed)
            await connection.send(.response(to: request, code: .success))
        }
        func connectionClosed(_ connection: RemotingConnection) async {}
    }

    /// Answers code 105 with remark "fast" and leaves everything else to the handler.
    struct RouteFastPath: RemotingFastPath {
        func answer(_ request: RemotingCommand, remoteAddress: String) -> RemotingCommand? {
            guard request.code == RequestCode.getRouteInfoByTopic.rawValue else { return nil }
            return .response(to: request, code: .success, remark: "fast \(remoteAddress.hasPrefix("127.0.0.1"))")
        }
    }

    /// A raw client: writes requests and collects responses by opaque.
    static func connect(port: Int) async throws -> NIOAsyncChannel<RemotingCommand, RemotingCommand> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    return try NIOAsyncChannel<RemotingCommand, RemotingCommand>(wrappingChannelSynchronously: channel)
                }
            }
    }

    @Test func requestsPastTheInFlightLimitAreShedWithSystemBusyAndTheRestAreServed() async throws {
        let server = try await RemotingServer(
            host: "127.0.0.1", port: 0, configuration: .init(maxInFlightPerConnection: 4), logger: Self.logger)
        let handler = HoldingHandler()
        let serving = Task { await server.serve(handler) }
        let client = try await Self.connect(port: server.port)
        try await client.executeThenClose { inbound, outbound in
            for opaque in 1...10 {
                try await outbound.write(.request(code: .getBrokerClusterInfo, opaque: Int32(opaque)))
            }
            var iterator = inbound.makeAsyncIterator()
            var busy: [Int32] = []
            for _ in 0..<6 {
                let response = try #require(try await iterator.next())
                #expect(response.code == ResponseCode.systemBusy.rawValue)
                #expect(response.remark == RemotingServer.overloadRemark)
                busy.append(response.opaque)
            }
            #expect(busy.sorted() == [5, 6, 7, 8, 9, 10])
            handler.released.withLock { $0 = true }
            var served: [Int32] = []
            for _ in 0..<4 {
                let response = try #require(try await iterator.next())
                #expect(response.code == ResponseCode.success.rawValue)
                served.append(response.opaque)
            }
            #expect(served.sorted() == [1, 2, 3, 4])
            // Capacity is back once the held requests finished.
            try await outbound.write(.request(code: .getBrokerClusterInfo, opaque: 11))
            let again = try #require(try await iterator.next())
            #expect(again.opaque == 11 && again.code == ResponseCode.success.rawValue)
        }
        #expect(handler.handled.load(ordering: .relaxed) == 5)
        await server.close()
        await serving.value
    }

    @Test func theFastPathAnswersOnTheEventLoopAndPassesOtherCodesToTheHandler() async throws {
        let server = try await RemotingServer(
            host: "127.0.0.1", port: 0, fastPath: RouteFastPath(), logger: Self.logger)
        let handler = HoldingHandler()
        handler.released.withLock { $0 = true }
        let serving = Task { await server.serve(handler) }
        let client = try await Self.connect(port: server.port)
        try await client.executeThenClose { inbound, outbound in
            try await outbound.write(.request(code: .getRouteInfoByTopic, ext: ["topic": "T"], opaque: 1))
            try await outbound.write(.request(code: .getBrokerClusterInfo, opaque: 2))
            var iterator = inbound.makeAsyncIterator()
            var byOpaque: [Int32: RemotingCommand] = [:]
            for _ in 0..<2 {
                let response = try #require(try await iterator.next())
                byOpaque[response.opaque] = response
            }
            #expect(byOpaque[1]?.remark == "fast true")
            #expect(byOpaque[2]?.remark == nil && byOpaque[2]?.code == ResponseCode.success.rawValue)
        }
        #expect(handler.handled.load(ordering: .relaxed) == 1, "only the non-route request reached the handler")
        await server.close()
        await serving.value
    }
}
