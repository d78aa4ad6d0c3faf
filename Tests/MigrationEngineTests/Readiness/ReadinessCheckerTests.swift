import MigrationEngine
import Testing

@Suite struct ReadinessCheckerTests {
    let checker = ReadinessChecker(policy: ReadinessPolicy(task: ReadinessFixtures.task))

    func run(_ check: ReadinessCheckName, _ facts: TopicFacts) -> ReadinessCheckResult {
        checker.run(check, facts: facts, now: ReadinessFixtures.now)
    }

    @Test(arguments: ReadinessCheckName.allCases)
    func everyCheckPassesOnReadyFacts(check: ReadinessCheckName) {
        let result = run(check, ReadinessFixtures.ready())
        #expect(result.ok, "\(result.reason)")
        #expect(result.name == check.rawValue)
    }

    @Test func targetReachableFailsWithTheError() {
        var facts = ReadinessFixtures.ready()
        facts.targetUnreachable = "connection refused t:9876"
        let result = run(.targetReachable, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("connection refused t:9876"))
        #expect(!run(.targetResources, facts).ok)
    }

    @Test func targetResourcesNamesWhatIsMissing() {
        var facts = ReadinessFixtures.ready()
        facts.topicOnTarget = false
        facts.groups[0].existsOnTarget = false
        let result = run(.targetResources, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("topic orders"))
        #expect(result.reason.contains("group billing"))
        #expect(result.facts["missing"] == 2)
    }

    @Test func brokerNamesUniqueNamesTheClash() {
        var facts = ReadinessFixtures.ready()
        facts.targetBrokerNames.insert("src-b")
        let result = run(.brokerNamesUnique, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("src-b"))
        #expect(!result.reason.contains("src-a"))
    }

    @Test func clientsSwitchedNamesHostsNotSeenByTheProxy() {
        var facts = ReadinessFixtures.ready()
        facts.proxyClientHosts = ["10.0.0.1"]
        let result = run(.clientsSwitched, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("10.0.0.2, 10.0.0.3"))
        #expect(result.facts["notOnProxy"] == 2)
    }

    @Test func consumersOnTargetComparesCountsPerGroup() {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].targetClients = ["10.0.0.1:50101"]
        let result = run(.consumersOnTarget, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("billing 1 of 2"))
    }

    @Test func producersOnProxyNamesTheDirectProducer() {
        var facts = ReadinessFixtures.ready()
        facts.producers.append(ProducerFacts(group: "legacy-writer", sourceClients: ["10.9.9.9:40000"]))
        let result = run(.producersOnProxy, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("legacy-writer@10.9.9.9"))
    }

    @Test func backlogDrainedNamesTheGroupAndCount() {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].sourceBacklog = [ReadinessFixtures.q0: 7, QueueKey(brokerName: "src-b", queueId: 1): 5]
        let result = run(.backlogDrained, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("billing 12"))
        #expect(result.facts["backlog"] == 12)
        let relaxed = ReadinessChecker(policy: ReadinessPolicy(quietPeriodMillis: 0, maxBacklog: 12))
        #expect(relaxed.run(.backlogDrained, facts: facts, now: ReadinessFixtures.now).ok)
    }

    @Test func backlogSumSaturatesOnHostileOffsets() {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].sourceBacklog = [ReadinessFixtures.q0: .max, QueueKey(brokerName: "src-b", queueId: 1): .max]
        #expect(facts.groups[0].totalSourceBacklog == .max)
        #expect(!run(.backlogDrained, facts).ok)
    }

    @Test func retryDrainedNamesTheRetryTopic() {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].sourceRetryBacklog = 3
        let result = run(.retryDrained, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("%RETRY%billing 3"))
    }

    @Test func sourceQuietNeedsTheWholeQuietPeriod() {
        var facts = ReadinessFixtures.ready()
        facts.sourceWrites = ReadinessFixtures.writes(idle: 4 * ReadinessFixtures.minute)
        let result = run(.sourceQuiet, facts)
        #expect(!result.ok)
        #expect(result.reason.contains("240 s ago"))
        #expect(result.facts["quietPeriodSeconds"] == 300)
        facts.sourceWrites = ReadinessFixtures.writes(idle: 5 * ReadinessFixtures.minute)
        #expect(run(.sourceQuiet, facts).ok)
    }

    @Test func sourceQuietIsUnknownBeforeAnySample() {
        var facts = ReadinessFixtures.ready()
        facts.sourceWrites = WriteProgress()
        let result = run(.sourceQuiet, facts)
        #expect(!result.ok)
        #expect(result.reason.hasPrefix("unknown"))
    }

    @Test func pendingDelayedAndHalfMessagesBlock() {
        var facts = ReadinessFixtures.ready()
        facts.pendingDelayed = 2
        facts.pendingHalf = nil
        let delayed = run(.delayedDrained, facts)
        #expect(!delayed.ok)
        #expect(delayed.reason.contains("2 delayed message(s) for orders"))
        let half = run(.halfDrained, facts)
        #expect(!half.ok)
        #expect(half.reason.contains("unknown"))
        facts.pendingHalf = 1
        #expect(run(.halfDrained, facts).reason.contains("1 transactional half message(s)"))
    }

    @Test func eachStepRunsItsOwnChecks() {
        #expect(ReadinessCheckName.checks(forStepInto: .dualRead).contains(.clientsSwitched))
        #expect(!ReadinessCheckName.checks(forStepInto: .dualRead).contains(.consumersOnTarget))
        #expect(ReadinessCheckName.checks(forStepInto: .dualReadWrite).contains(.consumersOnTarget))
        #expect(ReadinessCheckName.checks(forStepInto: .cuttingOver).contains(.producersOnProxy))
        #expect(ReadinessCheckName.checks(forStepInto: .completed).contains(.halfDrained))
        #expect(!ReadinessCheckName.checks(forStepInto: .cuttingOver).contains(.backlogDrained))
    }

    @Test func hostMatchingStripsPorts() {
        #expect(TopicFacts.host(of: "10.0.0.5:53122") == "10.0.0.5")
        #expect(TopicFacts.host(of: "[::1]:9876") == "::1")
        #expect(TopicFacts.host(of: "::1") == "::1")
        #expect(TopicFacts.host(of: "client-host") == "client-host")
    }
}
