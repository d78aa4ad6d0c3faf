import MigrationEngine
import RocketMQRemoting
import Testing

/// Property tests over every stage and many generated route pairs (seeded, so a failure reproduces).
///
/// Clients refresh routes independently (every 30 s), so after a step producers may still hold the previous
/// stage's route while consumers hold the new one, or the other way round. Safety therefore needs, for every
/// stage `s` and every stage `t` at most one step away (including `s`): what producers at `s` can write is
/// read by consumers at `t`.
@Suite struct RouteRewriterPropertyTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            self.state &+= 0x9E37_79B9_7F4A_7C15
            var z = self.state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ values: [T]) -> T { values[Int(self.next() % UInt64(values.count))] }
        mutating func chance() -> Bool { self.next() % 2 == 0 }
    }

    /// A route as a cluster could hold it: readable queue perms (a source whose own queues nobody can read is
    /// broken before Ferry starts), 1–3 brokers, maybe an orderTopicConf over its own brokers, maybe absent.
    static func randomRoute(cluster: String, _ generator: inout Generator) -> TopicRouteData? {
        if generator.next() % 8 == 0 { return nil }
        let brokers = (0..<(1 + Int(generator.next() % 3))).map { "\(cluster)-\($0)" }
        var route = TopicRouteData(
            queueDatas: brokers.map { broker in
                QueueData(
                    brokerName: broker, readQueueNums: Int32(1 + generator.next() % 8),
                    writeQueueNums: Int32(generator.next() % 9),
                    perm: generator.pick([PermName.read, [.read, .write], [.read, .write, .inherit], [.read, .inherit]]))
            },
            brokerDatas: brokers.map { BrokerData(cluster: cluster, brokerName: $0, brokerAddrs: [0: "\($0):10911"]) })
        if generator.chance() {
            route.orderTopicConf = brokers.map { "\($0):\(1 + generator.next() % 8)" }.joined(separator: ";")
        }
        return route
    }

    static let stages = MigrationStage.allCases

    @Test(arguments: [false, true])
    func producersNeverWriteWhereNeighbouringStagesDoNotRead(ordered: Bool) {
        var generator = Generator(state: ordered ? 42 : 7)
        for _ in 0..<2_000 {
            let source = Self.randomRoute(cluster: "src", &generator)
            let target = Self.randomRoute(cluster: "tgt", &generator)
            let sourceBrokers = Set(source?.brokerDatas.map(\.brokerName) ?? [])
            var routes: [MigrationStage: TopicRouteData?] = [:]
            for stage in Self.stages {
                routes[stage] = RouteRewriter.clientRoute(source: source, target: target, stage: stage, ordered: ordered)
            }
            for stage in Self.stages {
                let writes = RouteFixtures.producerSides(routes[stage] ?? nil, sourceBrokers: sourceBrokers)
                #expect(writes.isSubset(of: stage.producerSides), "stage \(stage) writes \(writes)")
                for other in Self.stages where abs(other.rawValue - stage.rawValue) <= 1 {
                    let reads = RouteFixtures.consumerSides(routes[other] ?? nil, sourceBrokers: sourceBrokers)
                    #expect(
                        writes.isSubset(of: reads),
                        "producers at \(stage) write \(writes); consumers at \(other) read \(reads)")
                }
            }
        }
    }

    @Test func consumersSeeExactlyTheStageTableWhenBothRoutesExist() {
        var generator = Generator(state: 99)
        for _ in 0..<2_000 {
            guard let source = Self.randomRoute(cluster: "src", &generator),
                let target = Self.randomRoute(cluster: "tgt", &generator)
            else { continue }
            let sourceBrokers = Set(source.brokerDatas.map(\.brokerName))
            for stage in Self.stages {
                let route = RouteRewriter.clientRoute(source: source, target: target, stage: stage, ordered: generator.chance())
                #expect(RouteFixtures.consumerSides(route, sourceBrokers: sourceBrokers) == stage.consumerSides)
            }
        }
    }

    @Test func writableRoutesGiveProducersExactlyTheStageTable() {
        let source = RouteFixtures.source
        let target = RouteFixtures.target
        let sourceBrokers = Set(source.brokerDatas.map(\.brokerName))
        for stage in Self.stages {
            for ordered in [false, true] {
                let route = RouteRewriter.clientRoute(source: source, target: target, stage: stage, ordered: ordered)
                #expect(RouteFixtures.producerSides(route, sourceBrokers: sourceBrokers) == stage.producerSides)
            }
        }
    }
}
