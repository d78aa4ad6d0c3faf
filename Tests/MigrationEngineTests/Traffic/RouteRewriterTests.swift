import MigrationEngine
import RocketMQRemoting
import Testing

@Suite struct RouteRewriterTests {
    let source = RouteFixtures.source
    let target = RouteFixtures.target

    private func route(_ stage: MigrationStage, ordered: Bool = false) -> TopicRouteData? {
        RouteRewriter.clientRoute(source: self.source, target: self.target, stage: stage, ordered: ordered)
    }

    private func perms(_ route: TopicRouteData?) -> [String: PermName] {
        var perms: [String: PermName] = [:]
        for queue in route?.queueDatas ?? [] { perms[queue.brokerName] = queue.perm }
        return perms
    }

    @Test func initialServesTheSourceAndCompletedTheTargetUnchanged() {
        #expect(self.route(.initial) == self.source)
        #expect(self.route(.completed) == self.target)
    }

    @Test func mergedStagesRewritePermsAsTheStageTableSays() {
        let rw: PermName = [.read, .write]
        #expect(self.perms(self.route(.dualRead)) == ["src-a": rw, "src-b": rw, "tgt-a": .read])
        #expect(self.perms(self.route(.dualReadWrite)) == ["src-a": rw, "src-b": rw, "tgt-a": rw])
        #expect(self.perms(self.route(.cuttingOver)) == ["src-a": .read, "src-b": .read, "tgt-a": rw])
        for stage in [MigrationStage.dualRead, .dualReadWrite, .cuttingOver] {
            #expect(self.route(stage)?.brokerDatas.map(\.brokerName) == ["src-a", "src-b", "tgt-a"])
        }
    }

    @Test func aTargetWithoutWriteStaysReadOnly() {
        let readOnly = RouteFixtures.route(cluster: "tgt", brokers: ["tgt-a"], perm: .read)
        let route = RouteRewriter.clientRoute(source: self.source, target: readOnly, stage: .cuttingOver, ordered: false)
        #expect(self.perms(route)["tgt-a"] == .read)
    }

    @Test func missingRoutes() {
        #expect(RouteRewriter.clientRoute(source: nil, target: self.target, stage: .initial, ordered: false) == nil)
        #expect(RouteRewriter.clientRoute(source: self.source, target: nil, stage: .completed, ordered: false) == nil)
        #expect(RouteRewriter.clientRoute(source: nil, target: nil, stage: .dualRead, ordered: false) == nil)
        let sourceOnly = RouteRewriter.clientRoute(source: self.source, target: nil, stage: .dualRead, ordered: false)
        #expect(sourceOnly?.queueDatas.map(\.brokerName) == ["src-a", "src-b"])
    }

    @Test func orderTopicConfIsDroppedForAnUnorderedTopicInMergedStages() {
        let source = RouteFixtures.route(cluster: "src", brokers: ["src-a"], orderTopicConf: "src-a:4")
        for stage in [MigrationStage.dualRead, .dualReadWrite, .cuttingOver] {
            let route = RouteRewriter.clientRoute(source: source, target: self.target, stage: stage, ordered: false)
            #expect(route?.orderTopicConf == nil)
        }
        #expect(RouteRewriter.clientRoute(source: source, target: self.target, stage: .initial, ordered: false)?
            .orderTopicConf == "src-a:4")
    }

    @Test func orderTopicConfListsExactlyTheClustersProducersWriteTo() {
        let source = RouteFixtures.route(cluster: "src", brokers: ["src-a", "src-b"], orderTopicConf: "src-a:4;src-b:4")
        let conf = { (stage: MigrationStage) in
            RouteRewriter.clientRoute(source: source, target: self.target, stage: stage, ordered: true)?.orderTopicConf
        }
        #expect(conf(.dualRead) == "src-a:4;src-b:4")
        #expect(conf(.dualReadWrite) == "src-a:4;src-b:4;tgt-a:4")
        #expect(conf(.cuttingOver) == "tgt-a:4")
        let targetConf = RouteFixtures.route(cluster: "tgt", brokers: ["tgt-a"], orderTopicConf: "tgt-a:8")
        #expect(RouteRewriter.clientRoute(source: source, target: targetConf, stage: .cuttingOver, ordered: true)?
            .orderTopicConf == "tgt-a:8")
        #expect(RouteRewriter.clientRoute(source: self.source, target: self.target, stage: .dualReadWrite, ordered: true)?
            .orderTopicConf == nil)
    }

    @Test func staticTopicMappingsAreDroppedWhenMerging() {
        var source = self.source
        source.topicQueueMappingByBroker = .array([.string("src-a")])
        let route = RouteRewriter.clientRoute(source: source, target: self.target, stage: .dualRead, ordered: false)
        #expect(route?.topicQueueMappingByBroker == nil)
        #expect(RouteRewriter.clientRoute(source: source, target: self.target, stage: .initial, ordered: false) == source)
    }
}
