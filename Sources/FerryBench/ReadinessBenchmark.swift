import Foundation
import Logging
import MigrationEngine
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import TrafficReadiness

/// One full readiness pass (facts gathering plus the built-in checks) for 1,000 topics × 3 groups between a
/// 2-master source and a 2-master target sandbox cluster, every topic at Cutting over (the stage that asks
/// the most: retry topics and pending delayed and half messages too). Prints the time and the requests sent.
enum ReadinessBenchmark {
    static let topics = 1_000
    static let groupsPerTopic = 3

    static func run() async throws {
        var logger = Logger(label: "ferry.bench")
        logger.logLevel = .warning
        let source = try await SandboxCluster.start(name: "BenchSource", brokerNames: ["source-a", "source-b"], logger: logger)
        let target = try await SandboxCluster.start(name: "BenchTarget", brokerNames: ["target-a", "target-b"], logger: logger)
        let client = RemotingClient(logger: logger)
        let sourceAdmin = RocketMQAdmin(client: client, nameServers: [source.nameServerAddress])
        let targetAdmin = RocketMQAdmin(client: client, nameServers: [target.nameServerAddress])

        let names = (0..<topics).map { "BenchTopic\($0)" }
        let task = MigrationTask(
            name: "bench", sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress],
            topics: names.map { topic in
                MigrationTopic(
                    name: topic, groups: (0..<groupsPerTopic).map { "\(topic)_G\($0)" }, ordered: false, stage: .cuttingOver)
            })
        for (admin, cluster) in [(sourceAdmin, source), (targetAdmin, target)] {
            for address in cluster.brokerAddresses.values {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, topic) in task.topics.enumerated() {
                        if index >= 64 { try await group.next() }
                        group.addTask {
                            try await admin.createOrUpdateTopic(
                                TopicConfig(topicName: topic.name, readQueueNums: 4, writeQueueNums: 4), broker: address)
                            for name in topic.groups {
                                try await admin.createOrUpdateGroup(SubscriptionGroupConfig(groupName: name), broker: address)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
        }

        let gatherer = ReadinessGatherer(source: sourceAdmin, target: targetAdmin)
        let checker = ReadinessChecker(policy: ReadinessPolicy(task: task))
        let clock = ContinuousClock()
        var previous: [String: TopicFacts] = [:]
        for round in 1...3 {
            let start = clock.now
            let pass = await gatherer.gather(task: task, topics: task.topics, previous: previous, now: Int64(round) * 60_000)
            let gathered = clock.now
            var failing = 0
            for facts in pass.facts {
                failing += checker.results(forStepInto: .completed, facts: facts, now: Int64(round) * 60_000).filter { !$0.ok }.count
            }
            let checked = clock.now
            previous = Dictionary(pass.facts.map { ($0.topic, $0) }, uniquingKeysWith: { $1 })
            print(
                "pass \(round): \(topics) topics × \(groupsPerTopic) groups: gather \(Self.seconds(gathered - start)) s, "
                    + "checks \(Self.seconds(checked - gathered)) s, \(pass.requests) requests "
                    + "(\(pass.problems.count) failed), \(failing) failing checks")
        }
        await client.shutdown()
        await source.shutdown()
        await target.shutdown()
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", duration.inSeconds)
    }
}
