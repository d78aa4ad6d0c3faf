import Logging
import NIOCore
import NIOPosix
import RocketMQRemoting
@testable import RocketMQServer
import Synchronization
import RocketMQTestSupport
import Testing

/// Closing a ``RemotingServer`` ends ``RemotingServer/serve(_:)`` even while clients keep connecting and never
/// hang up themselves.
@Suite(.timeLimit(.minutes(1))) struct RemotingServerTests {
    static let logger = Logger.test("server-tests")

    /// Answers nothing.
    struct SilentHandler: RemotingRequestHandler {
        func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {}
        func connectionClosed(_ connection: RemotingConnection) async {}
    }

    @Test func closeWhileClientsConnectEndsServeWithoutTheClientsHangingUp() async throws {
        for _ in 0..<30 {
            let server = try await RemotingServer(
                host: "127.0.0.1", port: 0, maxFrameLength: 1024, logger: Self.logger)
            let served = Mutex(false)
            let serving = Task {
                await server.serve(SilentHandler())
                served.withLock { $0 = true }
            }
            // Clients dial concurrently and keep their connections open; the server closes in the middle.
            let clients = await withTaskGroup(of: (any Channel)?.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        if index == 32 { await server.close() }
                        return try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                            .connect(host: "127.0.0.1", port: server.port).get()
                    }
                }
                return await group.reduce(into: [any Channel]()) { if let channel = $1 { $0.append(channel) } }
            }
            await server.close()
            let deadline = ContinuousClock.now + .seconds(10)
            while !served.withLock({ $0 }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(served.withLock { $0 }, "serve() returned although the clients kept their connections")
            for channel in clients { try? await channel.close() }
            await serving.value
        }
    }

    @Test func aConnectionRegisteredAfterCloseIsRefusedAndEveryEarlierOneIsHandedToClose() async throws {
        // Any channel will do as the registry's value: a listener on an ephemeral port.
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let registry = ConnectionRegistry()
        #expect(registry.register(channel, id: 1))
        #expect(registry.register(channel, id: 2))
        registry.remove(id: 2)
        let open = registry.close()
        #expect(open.count == 1, "close() hands back the connection still open")
        #expect(!registry.isOpen)
        #expect(!registry.register(channel, id: 3), "a connection reaching its serving task after close() is refused")
        #expect(registry.close().count == 1)
        try await channel.close()
    }
}
