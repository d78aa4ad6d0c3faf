import MigrationEngine
import NIOCore
import RocketMQClient
import RocketMQSandbox
import Testing
import TrafficReadiness

/// Facts gathered from live sandbox clusters, judged by the built-in checks and the guard.
@Suite(.timeLimit(.minutes(5)))
struct ReadinessGathererTests {
    func completionVerdict(_ sandbox: ReadinessSandbox, _ cache: ReadinessFactsCache) async -> StageStepVerdict {
        let task = sandbox.task
        let topic = task.topics[0]
        let guardian = ReadinessStepGuard(facts: cache, hooks: nil, now: { sandbox.clock.now })
        let request = StageStepRequest(
            task: task, topic: topic, move: StageMove(topic: topic.name, from: .cuttingOver, to: .completed),
            direction: .advance)
        return await guardian.check(request)
    }

    func refusal(_ verdict: StageStepVerdict) -> String {
        if case .refuse(let reason) = verdict { return reason }
        return ""
    }

    @Test func completedWaitsForBacklogAndDirectWritesToStop() async throws {
        try await ReadinessSandbox.with { sandbox in
            let cache = sandbox.cache()
            await cache.refresh(task: sandbox.task)
            sandbox.clock.advance(seconds: 60)
            try await sandbox.send()
            await cache.refresh(task: sandbox.task)
            let facts = try #require(await cache.facts(topic: ReadinessSandbox.topic, task: sandbox.task))
            #expect(facts.groups[0].totalSourceBacklog == 1)
            #expect(facts.sourceBrokerNames == ["source-a", "source-b"])
            #expect(facts.topicOnTarget)
            let busy = refusal(await completionVerdict(sandbox, cache))
            #expect(busy.contains("backlogDrained: the source still has unconsumed messages (billing 1"))
            #expect(busy.contains("sourceQuiet: last write 0 s ago"))

            try await sandbox.consumeAll()
            sandbox.clock.advance(seconds: 301)
            await cache.refresh(task: sandbox.task)
            #expect(await completionVerdict(sandbox, cache) == .allow)
            #expect(await cache.lastPassRequests > 0)
        }
    }

    @Test func completedWaitsForAPendingDelayedMessage() async throws {
        var options = SandboxOptions()
        options.messageDelayLevel = "3s"
        try await ReadinessSandbox.with(sourceOptions: options) { sandbox in
            let cache = sandbox.cache()
            try await sandbox.send(delayLevel: 1)
            await cache.refresh(task: sandbox.task)
            let pending = try #require(await cache.facts(topic: ReadinessSandbox.topic, task: sandbox.task))
            #expect(pending.pendingDelayed == 1)
            #expect(refusal(await completionVerdict(sandbox, cache)).contains("delayedDrained: 1 delayed message(s) for orders"))

            var delivered = false
            for _ in 0..<120 where !delivered {
                try await Task.sleep(for: .milliseconds(500))
                await cache.refresh(task: sandbox.task)
                delivered = await cache.facts(topic: ReadinessSandbox.topic, task: sandbox.task)?.pendingDelayed == 0
            }
            #expect(delivered)
            try await sandbox.consumeAll()
            // Past the quiet period even if the broker dated the delivered message a minute after our clock.
            sandbox.clock.advance(seconds: 400)
            await cache.refresh(task: sandbox.task)
            #expect(await completionVerdict(sandbox, cache) == .allow)
        }
    }

    @Test func completedWaitsForAPendingHalfMessage() async throws {
        try await ReadinessSandbox.with { sandbox in
            let cache = sandbox.cache()
            try await sandbox.send(properties: ["TRAN_MSG": "true"])
            await cache.refresh(task: sandbox.task)
            sandbox.clock.advance(seconds: 301)
            await cache.refresh(task: sandbox.task)
            let pending = try #require(await cache.facts(topic: ReadinessSandbox.topic, task: sandbox.task))
            #expect(pending.pendingHalf == 1)
            #expect(refusal(await completionVerdict(sandbox, cache)).contains("halfDrained: 1 transactional half message(s)"))

            try await sandbox.endTransactions(commit: false)
            await cache.refresh(task: sandbox.task)
            #expect(await cache.facts(topic: ReadinessSandbox.topic, task: sandbox.task)?.pendingHalf == 0)
            #expect(await completionVerdict(sandbox, cache) == .allow)
        }
    }

    @Test func producersOnProxyNamesAProducerWritingToTheSourceDirectly() async throws {
        try await ReadinessSandbox.with { sandbox in
            var configuration = RocketMQProducerConfiguration(group: "direct-writer", nameServers: [sandbox.source.nameServerAddress])
            configuration.sendTimeout = .seconds(10)
            let producer = RocketMQProducer(configuration: configuration, client: sandbox.client, logger: ReadinessSandbox.logger)
            do {
                _ = try await producer.send(RocketMQMessage(topic: ReadinessSandbox.topic, body: ByteBuffer(string: "m")))
                let checker = ReadinessChecker(policy: ReadinessPolicy(task: sandbox.task))
                for (hosts, ready) in [(Set<String>(), false), (Set(["127.0.0.1"]), true)] {
                    let gatherer = ReadinessGatherer(
                        source: sandbox.sourceAdmin, target: sandbox.targetAdmin,
                        accessLog: StaticProxyAccessLog([ReadinessSandbox.topic: hosts]),
                        producerGroups: [ReadinessSandbox.topic: ["direct-writer"]])
                    let pass = await gatherer.gather(
                        task: sandbox.task, topics: sandbox.task.topics, previous: [:], now: sandbox.clock.now)
                    let facts = try #require(pass.facts.first)
                    #expect(facts.producers.first?.sourceClients.isEmpty == false)
                    let result = checker.run(.producersOnProxy, facts: facts, now: sandbox.clock.now)
                    #expect(result.ok == ready, "\(result.reason)")
                    if !ready { #expect(result.reason.contains("direct-writer@127.0.0.1")) }
                }
            } catch {
                await producer.shutdown()
                throw error
            }
            await producer.shutdown()
        }
    }
}
