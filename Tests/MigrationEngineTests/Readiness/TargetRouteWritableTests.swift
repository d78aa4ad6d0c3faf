import MigrationEngine
import RocketMQRemoting
import Testing

/// The `targetRouteWritable` check and the route facts it judges.
@Suite struct TargetRouteWritableTests {
    let checker = ReadinessChecker(policy: ReadinessPolicy(task: ReadinessFixtures.task))

    func run(_ facts: TopicFacts) -> ReadinessCheckResult {
        checker.run(.targetRouteWritable, facts: facts, now: ReadinessFixtures.now)
    }

    func broker(_ name: String, master: Bool) -> BrokerData {
        BrokerData(cluster: "dst", brokerName: name, brokerAddrs: master ? [0: "10.1.0.1:10911"] : [1: "10.1.0.2:10911"])
    }

    @Test func routeFactsCountOnlyWritableQueuesOnLiveMasters() {
        let route = TopicRouteData(
            queueDatas: [
                QueueData(brokerName: "dst-a", readQueueNums: 4, writeQueueNums: 4, perm: .read, topicSysFlag: 0),
                QueueData(brokerName: "dst-b", readQueueNums: 4, writeQueueNums: 3, perm: [.read, .write], topicSysFlag: 0),
                QueueData(brokerName: "dst-c", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write], topicSysFlag: 0),
            ],
            brokerDatas: [broker("dst-a", master: true), broker("dst-b", master: true), broker("dst-c", master: false)])
        let facts = TargetRouteFacts(route: route)
        #expect(facts.writableQueues == 3)
        #expect(facts.readOnlyBrokers == ["dst-a"])
        #expect(facts.brokersWithoutMaster == ["dst-c"])
        #expect(facts.orderTopicConf == nil)
    }

    @Test func aReadOnlyTargetRouteFailsWithTheBrokersAndTheFix() {
        var facts = ReadinessFixtures.ready()
        facts.targetRoute = TargetRouteFacts(writableQueues: 0, readOnlyBrokers: ["dst-a", "dst-b"])
        let result = run(facts)
        #expect(!result.ok)
        #expect(result.reason.contains("no writable queue (read-only on dst-a, dst-b)"))
        #expect(result.reason.contains("WRITE perm"))
        #expect(result.facts["writableQueues"] == 0)
    }

    @Test func aRouteWithoutLiveMastersFails() {
        var facts = ReadinessFixtures.ready()
        facts.targetRoute = TargetRouteFacts(writableQueues: 0, brokersWithoutMaster: ["dst-a"])
        #expect(run(facts).reason.contains("no live master on dst-a"))
    }

    @Test func anUnreadRouteIsUnknown() {
        var facts = ReadinessFixtures.ready()
        facts.targetRoute = nil
        let result = run(facts)
        #expect(!result.ok)
        #expect(result.reason.hasPrefix("unknown"))
    }

    @Test func anOrderedSourceNeedsAnOrderTopicConfOnTheTarget() {
        var facts = ReadinessFixtures.ready()
        facts.sourceOrderTopicConf = "src-a:4"
        let result = run(facts)
        #expect(!result.ok)
        #expect(result.reason.contains("orderTopicConf src-a:4"))
        facts.targetRoute?.orderTopicConf = "dst-a:4"
        #expect(run(facts).ok)
    }

    @Test func itGuardsTheStepsThatLeaveProducersOnTheTargetAlone() {
        #expect(ReadinessCheckName.checks(forStepInto: .cuttingOver).contains(.targetRouteWritable))
        #expect(ReadinessCheckName.checks(forStepInto: .completed).contains(.targetRouteWritable))
        #expect(!ReadinessCheckName.checks(forStepInto: .dualReadWrite).contains(.targetRouteWritable))
    }

    @Test func groupProgressSumsEachSide() {
        let q1 = QueueKey(brokerName: "src-b", queueId: 1)
        let t0 = QueueKey(brokerName: "dst-a", queueId: 0)
        var group = GroupFacts(
            group: "billing", sourceBacklog: [ReadinessFixtures.q0: 2, q1: -1],
            sourceConsumed: [ReadinessFixtures.q0: 8, q1: 5])
        #expect(group.progress(on: .source) == ConsumerProgress(consumed: 13, backlog: 2))
        #expect(group.progress(on: .target) == nil)
        group.targetConsumed = [t0: 4]
        group.targetBacklog = [t0: 1]
        #expect(group.progress(on: .target) == ConsumerProgress(consumed: 4, backlog: 1))
        group.targetConsumed = [t0: .max, QueueKey(brokerName: "dst-b", queueId: 0): 1]
        #expect(group.progress(on: .target)?.consumed == .max)
    }
}
