import Logging
import NIOCore
@testable import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

/// ``RocketMQProducer/shutdown()`` while a heartbeat is suspended, and more than once.
@Suite(.timeLimit(.minutes(1))) struct ProducerShutdownTests {
    let logger = Logger.test("test.producer-shutdown")

    /// A started producer that has sent one message to `T`, which registered its group with both brokers.
    private func producer(on brokers: HeartbeatHoldingBrokers, client: RemotingClient) async throws -> RocketMQProducer {
        let producer = RocketMQProducer(
            configuration: RocketMQProducerConfiguration(group: "PG", nameServers: [brokers.nameServer]),
            client: client, logger: self.logger)
        await producer.start()
        _ = try await producer.send(RocketMQMessage(topic: "T", body: ByteBuffer(string: "m")))
        #expect(brokers.arrivals.filter { $0 == .heartBeat }.count == 2, "the first send heartbeats both brokers")
        return producer
    }

    @Test func aHeartbeatSuspendedAcrossShutdownSendsNothingAfterUnregister() async throws {
        try await HeartbeatHoldingBrokers.with(logger: self.logger) { brokers, client in
            let producer = try await self.producer(on: brokers, client: client)

            // A heartbeat whose first HEART_BEAT the broker holds until the producer unregisters.
            brokers.holdHeartbeats()
            let beating = Task { await producer.heartbeat() }
            for _ in 0..<500 where brokers.heldHeartbeatCount == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(brokers.heldHeartbeatCount == 1, "a heartbeat is in flight")

            await producer.shutdown()
            await beating.value
            let arrivals = brokers.arrivals
            let firstUnregister = try #require(arrivals.firstIndex(of: .unregisterClient))
            #expect(!arrivals[firstUnregister...].contains(.heartBeat), "no HEART_BEAT registers the group again: \(arrivals)")
            #expect(arrivals.filter { $0 == .unregisterClient }.count == 2)
        }
    }

    @Test func shutdownTwiceUnregistersOnceAndNothingHeartbeatsAfterIt() async throws {
        try await HeartbeatHoldingBrokers.with(logger: self.logger) { brokers, client in
            let producer = try await self.producer(on: brokers, client: client)

            await producer.shutdown()
            await producer.shutdown()
            await producer.start()
            await producer.heartbeat()
            let arrivals = brokers.arrivals
            #expect(arrivals.filter { $0 == .unregisterClient }.count == 2, "one UNREGISTER_CLIENT per broker: \(arrivals)")
            #expect(arrivals.last == .unregisterClient, "nothing after the unregistration: \(arrivals)")
        }
    }
}
