import Foundation
import MigrationEngine
import MigrationStore
import RocketMQRemoting
import Testing
import TrafficMigration

@Suite struct RenderingTests {
    @Test func previewListsEveryQueueEntryWithItsClusterAndPerm() {
        let source = TopicRouteData(
            orderTopicConf: "src-a:4",
            queueDatas: [QueueData(brokerName: "src-a", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write])],
            brokerDatas: [BrokerData(cluster: "Src", brokerName: "src-a", brokerAddrs: [0: "10.0.0.1:10911"])])
        let target = TopicRouteData(
            queueDatas: [QueueData(brokerName: "tgt-a", readQueueNums: 8, writeQueueNums: 8, perm: [.read, .write])],
            brokerDatas: [BrokerData(cluster: "Tgt", brokerName: "tgt-a", brokerAddrs: [0: "10.0.1.1:10911"])])
        let routes = [
            PreviewRoute(
                topic: "orders", from: .dualReadWrite, to: .cuttingOver,
                route: RouteRewriter.clientRoute(source: source, target: target, stage: .cuttingOver, ordered: true)),
            PreviewRoute(topic: "gone", from: .initial, to: .dualRead, route: nil),
        ]
        let lines = PreviewRouteRenderer.render(
            routes, refused: [.refused(topic: "done", stage: .completed, reason: "already completed; nothing to advance to")])
        #expect(lines == [
            "orders: dual-read-write → cutting-over",
            "  src-a (Src)  read 4 write 4  perm 4 R--",
            "  tgt-a (Tgt)  read 8 write 8  perm 6 RW-",
            "  orderTopicConf tgt-a:8",
            "gone: initial → dual-read",
            "  TOPIC_NOT_EXIST (no cluster serves the topic at this stage)",
            "done: refused — already completed; nothing to advance to",
        ])
    }

    @Test func historyLinesCarryWhoWhenWhatFromToAndWhy() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.create(
            MigrationTask(
                name: "t", sourceNameServers: ["s:1"], targetNameServers: ["t:1"],
                topics: [MigrationTopic(name: "a", groups: [], ordered: false)]),
            audit: TrafficAuditContext(actor: "alice@h", reason: "start"), now: at)
        _ = try await store.commit(
            task: "t", direction: .advance,
            outcomes: [.moved(StageMove(topic: "a", from: .initial, to: .dualRead))],
            audit: TrafficAuditContext(actor: "bob@h", overrides: ["quietPeriod"]), now: at)
        _ = try await store.commit(
            task: "t", direction: .rollback, outcomes: [.refused(topic: "a", stage: .dualRead, reason: "gate: no")],
            audit: TrafficAuditContext(actor: "bob@h"), now: at)
        #expect(TrafficHistoryTable.render(try store.history(task: "t")) == [
            "2027-01-15T08:00:00Z  alice@h  create  committed  (start)",
            "2027-01-15T08:00:00Z  bob@h  advance  a  initial → dual-read  committed  overrides: quietPeriod",
            "2027-01-15T08:00:00Z  bob@h  rollback  a  at dual-read  refused  (gate: no)",
        ])
    }
}
