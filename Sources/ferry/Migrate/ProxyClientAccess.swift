import Logging
import MigrationEngine
import MigrationStore
import NameServerProxy
import RocketMQClient
import TrafficMigration

/// The clients column of `ferry migrate status`: the proxy's access records in the state file against the
/// source's connection lists, built once per status (one ``ClientMoveReport`` for the whole task).
struct ProxyClientAccess: TopicClientAccess {
    let report: ClientMoveReport

    /// Builds the report for `task` from `database`, asking the source through `client`.
    static func load(task: MigrationTask, database: MigrationDatabase, client: RemotingClient) async throws -> ProxyClientAccess {
        let store = ProxyAccessStore(database: database)
        let report = await ClientMoveReport.build(
            task: task, accesses: try store.accesses(task: task.name), health: try store.health(task: task.name),
            source: RocketMQAdmin(client: client, nameServers: task.sourceNameServers), producerGroups: [])
        return ProxyClientAccess(report: report)
    }

    func clients(task: MigrationTask, topic: MigrationTopic) async -> TopicClients? {
        guard let entry = self.report.topics.first(where: { $0.topic == topic.name }) else { return nil }
        return TopicClients(onProxy: entry.proxyHosts.count, onSourceOnly: entry.notMoved)
    }
}
