import MigrationEngine
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import Testing

/// Whole migrations through the proxy under continuous traffic (see ``TrafficHarness``): every message sent is
/// received by every group that subscribes to it, whatever the steps.
@Suite(.serialized, .timeLimit(.minutes(10))) struct TrafficMigrationTests {
    @Test func fourTopicsMigrateStageByStageUnderTrafficWithNothingLost() async throws {
        try await TrafficHarness.run { harness in
            let atStart = try await harness.waitForClients(at: .initial)
            #expect(atStart)
            // The ordered topic's producer follows `orderTopicConf`: it lists exactly the clusters producers write.
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            let viaProxy = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(harness.proxy.port)"])
            let orderConf: [MigrationStage: String] = [
                .initial: "broker-a:4", .dualRead: "broker-a:4", .dualReadWrite: "broker-a:4;broker-t:4",
                .cuttingOver: "broker-t:4", .completed: "broker-t:4",
            ]
            #expect(try await viaProxy.topicRoute(TrafficHarness.orderedTopic).orderTopicConf == orderConf[.initial])
            for expected in [MigrationStage.dualRead, .dualReadWrite, .cuttingOver] {
                let stage = try await harness.step(.advance)
                #expect(stage == expected)
                #expect(try await harness.waitForClients(at: expected), "clients did not reach \(expected)")
                let conf = try await viaProxy.topicRoute(TrafficHarness.orderedTopic).orderTopicConf
                #expect(conf == orderConf[expected], "\(expected)")
            }
            // Cutting over: producers write only to the target; the source drains before it is dropped.
            #expect(await harness.waitUntilDelivered())
            #expect(try await ProxyTest.eventually(within: .seconds(20)) { try await harness.sourceBacklog() == 0 })
            #expect(try await harness.step(.advance) == .completed)
            #expect(try await harness.waitForClients(at: .completed))
            #expect(try await viaProxy.topicRoute(TrafficHarness.orderedTopic).orderTopicConf == orderConf[.completed])
            await harness.stopSending()
            #expect(await harness.waitUntilDelivered())
            #expect(harness.ledger.unexpected == 0)
            #expect(harness.ledger.expectedCounts.values.allSatisfy { $0 > 100 })
            harness.printSummary("full migration")
        }
    }

    @Test func rollbackFromEveryStageUnderTrafficLosesNothing() async throws {
        try await TrafficHarness.run { harness in
            // Forward to each stage, back one, forward again: a rollback from every stage.
            for stage in [MigrationStage.dualRead, .dualReadWrite, .cuttingOver, .completed] {
                #expect(try await harness.step(.advance) == stage)
                #expect(try await harness.waitForClients(at: stage), "clients did not reach \(stage)")
                if stage == .completed { continue }
                if stage == .cuttingOver { #expect(await harness.waitUntilDelivered()) }
                let back = try await harness.step(.rollback)
                #expect(try await harness.waitForClients(at: back), "clients did not roll back to \(back)")
                #expect(try await harness.step(.advance) == stage)
                #expect(try await harness.waitForClients(at: stage))
            }
            #expect(try await harness.step(.rollback) == .cuttingOver)
            #expect(try await harness.waitForClients(at: .cuttingOver))
            await harness.stopSending()
            #expect(await harness.waitUntilDelivered())
            #expect(harness.ledger.unexpected == 0)
            harness.printSummary("rollbacks")
        }
    }
}
