import MigrationEngine
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing
import TrafficReadiness

/// Per-group consumed offsets and backlog on each side, and the target route's writability, gathered from live
/// sandbox clusters.
@Suite(.timeLimit(.minutes(5)))
struct GroupProgressGatheringTests {
    func task(_ sandbox: ReadinessSandbox, stage: MigrationStage) -> MigrationTask {
        var task = sandbox.task
        task.topics[0].stage = stage
        return task
    }

    @Test func eachSideShowsWhatTheGroupConsumedAndWhatIsLeft() async throws {
        try await ReadinessSandbox.with { sandbox in
            for _ in 0..<4 { try await sandbox.send(to: .source) }
            try await sandbox.consumeAll(on: .source)
            for _ in 0..<2 { try await sandbox.send(to: .source) }
            for _ in 0..<3 { try await sandbox.send(to: .target) }
            try await sandbox.consumeAll(on: .target)
            try await sandbox.send(to: .target)

            let cache = sandbox.cache()
            let dualRead = task(sandbox, stage: .dualRead)
            await cache.refresh(task: dualRead)
            let facts = try #require(await cache.facts(topic: ReadinessSandbox.topic, task: dualRead))
            #expect(facts.groups[0].progress(on: .source) == ConsumerProgress(consumed: 4, backlog: 2))
            #expect(facts.groups[0].progress(on: .target) == ConsumerProgress(consumed: 3, backlog: 1))
            let rows = await cache.groupTraffic(task: dualRead)[ReadinessSandbox.topic]
            #expect(
                rows == [
                    GroupTraffic(
                        group: ReadinessSandbox.group, source: ConsumerProgress(consumed: 4, backlog: 2),
                        target: ConsumerProgress(consumed: 3, backlog: 1))
                ])

            // Before Dual read the target's offsets are not read: unknown, not zero.
            let initial = task(sandbox, stage: .initial)
            await cache.refresh(task: initial)
            let before = try #require(await cache.facts(topic: ReadinessSandbox.topic, task: initial))
            #expect(before.groups[0].progress(on: .target) == nil)
            #expect(before.groups[0].progress(on: .source)?.consumed == 4)
        }
    }

    @Test func cuttingOverIsRefusedWhileTheTargetTopicIsReadOnly() async throws {
        try await ReadinessSandbox.with { sandbox in
            func setTargetPerm(_ perm: PermName) async throws {
                for address in sandbox.target.brokerAddresses.values {
                    try await sandbox.targetAdmin.createOrUpdateTopic(
                        TopicConfig(topicName: ReadinessSandbox.topic, readQueueNums: 2, writeQueueNums: 2, perm: perm),
                        broker: address)
                }
                await sandbox.target.registerBrokers()
            }
            let task = task(sandbox, stage: .dualReadWrite)
            let topic = task.topics[0]
            let request = StageStepRequest(
                task: task, topic: topic, move: StageMove(topic: topic.name, from: .dualReadWrite, to: .cuttingOver),
                direction: .advance)
            let cache = sandbox.cache()
            let guardian = ReadinessStepGuard(facts: cache, hooks: nil, now: { sandbox.clock.now })

            try await setTargetPerm(.read)
            await cache.refresh(task: task)
            let facts = try #require(await cache.facts(topic: ReadinessSandbox.topic, task: task))
            #expect(facts.targetRoute?.writableQueues == 0)
            guard case .refuse(let reason) = await guardian.check(request) else {
                Issue.record("the step into cutting-over was allowed onto a read-only target")
                return
            }
            #expect(
                reason.contains(
                    "targetRouteWritable: the target's route for orders has no writable queue (read-only on target-a, target-b)"))

            try await setTargetPerm([.read, .write])
            await cache.refresh(task: task)
            #expect(await cache.facts(topic: ReadinessSandbox.topic, task: task)?.targetRoute?.writableQueues == 4)
            #expect(await guardian.check(request) == .allow)
        }
    }
}
