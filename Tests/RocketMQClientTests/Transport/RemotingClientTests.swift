import Logging
import NIOCore
@testable import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(2))) struct RemotingClientTests {
    let logger = Logger.test("test.remoting-client")

    @Test func roundTripUsesTheConfiguredVersionAndLanguage() async throws {
        let server = try await FakeRemotingServer.start { request, connection in
            connection.respond(to: request, ext: ["echo": request.ext("topic") ?? ""])
        }
        let client = RemotingClient(logger: self.logger)
        let response = try await client.invoke(
            .request(code: .getRouteInfoByTopic, ext: ["topic": "MigTopicA"], version: 1),
            address: server.address
        )
        #expect(response.ext("echo") == "MigTopicA")
        let received = try #require(server.receivedRequests.first)
        #expect(received.version == 409)
        #expect(received.language == .java)
        #expect(!received.isResponse && !received.isOneway)
        await client.shutdown()
        await server.shutdown()
    }

    @Test func unansweredRequestTimesOut() async throws {
        let server = try await FakeRemotingServer.start { _, _ in }
        let client = RemotingClient(logger: self.logger)
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: RocketMQClientError.self) {
            _ = try await client.invoke(.request(code: .getBrokerClusterInfo), address: server.address, timeout: .milliseconds(200))
        }
        #expect(error?.code == .timeout)
        #expect(error?.requestCode == 106)
        #expect(clock.now - start < .seconds(2))
        await client.shutdown()
        await server.shutdown()
    }

    @Test func cancellingTheTaskFailsTheCallPromptlyAndKeepsTheConnection() async throws {
        // The server never answers GET_BROKER_CLUSTER_INFO; it answers everything else.
        let server = try await FakeRemotingServer.start { request, connection in
            if request.requestCode != .getBrokerClusterInfo { connection.respond(to: request) }
        }
        let client = RemotingClient(logger: self.logger)
        let clock = ContinuousClock()
        let start = clock.now
        let call = Task {
            try await client.invoke(.request(code: .getBrokerClusterInfo), address: server.address, timeout: .seconds(60))
        }
        while server.receivedRequests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        call.cancel()
        await #expect(throws: CancellationError.self) { _ = try await call.value }
        #expect(clock.now - start < .seconds(30), "well before the 60 s timeout")
        let next = try await client.invoke(.request(code: .getRouteInfoByTopic, ext: ["topic": "T"]), address: server.address)
        #expect(next.responseCode == .success)
        #expect(server.acceptedConnectionCount == 1, "the connection stays usable")
        await client.shutdown()
        await server.shutdown()
    }

    @Test func reconnectsAfterTheServerClosesTheConnection() async throws {
        let server = try await FakeRemotingServer.start { request, connection in connection.respond(to: request) }
        let client = RemotingClient(logger: self.logger)
        _ = try await client.invoke(.request(code: .getBrokerClusterInfo), address: server.address)
        _ = try await client.invoke(.request(code: .getBrokerClusterInfo), address: server.address)
        #expect(server.acceptedConnectionCount == 1, "the connection is reused")
        await server.closeAllConnections()
        var succeeded = false
        for _ in 0..<50 where !succeeded {
            do {
                _ = try await client.invoke(.request(code: .getBrokerClusterInfo), address: server.address)
                succeeded = true
            } catch let error as RocketMQClientError where error.code == .connectionClosed {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        #expect(succeeded)
        #expect(server.acceptedConnectionCount == 2)
        await client.shutdown()
        await server.shutdown()
    }

    @Test func connectFailureIsReportedAndTheNextRequestDialsAgain() async throws {
        let server = try await FakeRemotingServer.start { request, connection in connection.respond(to: request) }
        let address = server.address
        await server.shutdown()
        let client = RemotingClient(logger: self.logger)
        let error = await #expect(throws: RocketMQClientError.self) {
            _ = try await client.invoke(.request(code: .getBrokerClusterInfo), address: address)
        }
        #expect(error?.code == .connectFailed)
        #expect(error?.address == address)
        await client.shutdown()
    }

    @Test func manyConcurrentRequestsWithShuffledResponses() async throws {
        let count = 600
        let held = Mutex<[(RemotingCommand, FakeRemotingConnection)]>([])
        let server = try await FakeRemotingServer.start { request, connection in
            let batch: [(RemotingCommand, FakeRemotingConnection)]? = held.withLock { held in
                held.append((request, connection))
                guard held.count == count else { return nil }
                defer { held = [] }
                return held.shuffled()
            }
            for (request, connection) in batch ?? [] {
                connection.respond(to: request, ext: ["echo": request.ext("n")!])
            }
        }
        let client = RemotingClient(logger: self.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    let response = try await client.invoke(
                        .request(code: .getConsumeStats, ext: ["n": "\(index)"]),
                        address: server.address,
                        timeout: .seconds(30)
                    )
                    #expect(response.ext("echo") == "\(index)")
                }
            }
            try await group.waitForAll()
        }
        #expect(server.acceptedConnectionCount == 1)
        await client.shutdown()
        await server.shutdown()
    }

    @Test func droppedConnectionFailsEveryPendingRequestPromptly() async throws {
        let pendingCount = 20
        let seen = Mutex(0)
        let server = try await FakeRemotingServer.start { _, connection in
            let all = seen.withLock { seen in
                seen += 1
                return seen == pendingCount
            }
            if all { Task { await connection.close() } }
        }
        let client = RemotingClient(logger: self.logger)
        let clock = ContinuousClock()
        let start = clock.now
        let codes = try await withThrowingTaskGroup(of: RocketMQClientError.Code?.self) { group in
            for _ in 0..<pendingCount {
                group.addTask {
                    do {
                        _ = try await client.invoke(.request(code: .getConsumeStats), address: server.address, timeout: .seconds(60))
                        return nil
                    } catch let error as RocketMQClientError {
                        return error.code
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(codes.count == pendingCount)
        #expect(codes.allSatisfy { $0 == .connectionClosed })
        #expect(clock.now - start < .seconds(5))
        await client.shutdown()
        await server.shutdown()
    }

    @Test func onewayRequestsCarryTheOnewayFlag() async throws {
        let server = try await FakeRemotingServer.start { _, _ in }
        let client = RemotingClient(logger: self.logger)
        try await client.invokeOneway(
            .request(code: .updateConsumerOffset, ext: ["commitOffset": "7"]),
            address: server.address
        )
        var received: RemotingCommand?
        for _ in 0..<100 where received == nil {
            received = server.receivedRequests.first
            if received == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(received?.isOneway == true)
        #expect(received?.ext("commitOffset") == "7")
        await client.shutdown()
        await server.shutdown()
    }

    @Test func serverRequestsReachTheHandlerAndTwoWayOnesAreAnswered() async throws {
        let notified = Mutex<[String]>([])
        let server = try await FakeRemotingServer.start { request, connection in
            if request.isResponse { return }
            connection.respond(to: request)
            connection.send(.oneway(code: .notifyConsumerIdsChanged, ext: ["consumerGroup": "G"], opaque: 900))
            connection.send(.request(code: .checkTransactionState, ext: ["msgId": "m"], opaque: 901))
        }
        let client = RemotingClient(logger: self.logger) { request, _ in
            notified.withLock { $0.append("\(request.code):\(request.ext("consumerGroup") ?? request.ext("msgId") ?? "")") }
            return .response(to: request, code: .success, remark: "handled")
        }
        _ = try await client.invoke(.request(code: .heartBeat), address: server.address)
        var answered: RemotingCommand?
        for _ in 0..<200 where answered == nil {
            answered = server.receivedRequests.first { $0.isResponse }
            if answered == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(notified.withLock { $0 }.sorted() == ["39:m", "40:G"])
        #expect(answered?.opaque == 901, "only the two-way request gets an answer")
        #expect(answered?.remark == "handled")
        await client.shutdown()
        await server.shutdown()
    }

    @Test func credentialsSignEveryRequest() async throws {
        let server = try await FakeRemotingServer.start { request, connection in connection.respond(to: request) }
        var configuration = RemotingClientConfiguration()
        configuration.credentials = AclCredentials(accessKey: "ferryAdmin", secretKey: "ferrySecret123")
        let client = RemotingClient(configuration: configuration, logger: self.logger)
        _ = try await client.invoke(.request(code: .getAllTopicConfig), address: server.address)
        let received = try #require(server.receivedRequests.first)
        #expect(received.ext("AccessKey") == "ferryAdmin")
        #expect(received.ext("Signature") == "gzc1y9RjXFecaCdCLZT1eFe9674=", "the captured 4.9.8 signature")
        await client.shutdown()
        await server.shutdown()
    }

    @Test func requestsAfterShutdownFail() async throws {
        let client = RemotingClient(logger: self.logger)
        await client.shutdown()
        let error = await #expect(throws: RocketMQClientError.self) {
            _ = try await client.invoke(.request(code: .heartBeat), address: "127.0.0.1:1")
        }
        #expect(error?.code == .shutdown)
    }
}
