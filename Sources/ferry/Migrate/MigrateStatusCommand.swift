import ArgumentParser
import TrafficReadiness
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import RocketMQClient
import TrafficMigration

/// `ferry migrate status NAME [SELECTOR…] [--state FILE] [--json]`.
struct MigrateStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per topic: stage, where producers and consumers go, messages per side since the last stage change.",
        discussion: """
            Message counts are the growth of the topic's max offsets on each cluster since the snapshot taken at \
            its last stage change; an unreachable cluster is named in the output, not an error. The clients \
            column (on the proxy / still only on the source) is filled from the routing proxy's access records \
            when available.
            """
    )

    @Argument(help: "The task.")
    var name: String

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var credentials: TaskCredentialOptions

    @Flag(help: "Print JSON (typed, camelCase).")
    var json = false

    func validate() throws {
        try self.selection.validate(required: false)
    }

    func run() async throws {
        let database = try self.state.database()
        let store = TrafficStore(database: database)
        var status: TrafficStatus
        do {
            guard let task = try store.task(named: self.name) else { throw fail("no task named \(self.name)") }
            let keys = try self.credentials.resolve()
            let client = RemotingClient(
                configuration: .signed(with: keys.source),
                logger: Logger(label: "ferry.migrate") { _ in SwiftLogNoOpLogHandler() })
            let access = try? await ProxyClientAccess.load(task: task, database: database, client: client)
            await client.shutdown()
            status = try await TrafficClusters.with(
                source: task.sourceNameServers, target: task.targetNameServers, sourceCredentials: keys.source,
                targetCredentials: keys.target
            ) {
                try await TrafficStatusReporter(store: store, clusters: $0, clientAccess: access)
                    .status(task: self.name, selection: self.selection.selection)
            }
            status.topics = await Self.judgeEffects(status.topics, task: task, database: database, keys: keys)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("\(error)")
        }
        if self.json {
            try printJSON(status)
        } else {
            for line in TrafficStatusTable.render(status) { print(line) }
        }
    }

    /// Each row's stage judged from one readiness pass over both clusters (consumers on the target, writes per
    /// side); a row keeps no judgement when its facts could not be gathered.
    static func judgeEffects(
        _ rows: [TrafficStatusRow], task: MigrationTask, database: MigrationDatabase,
        keys: (source: AclCredentials?, target: AclCredentials?)
    ) async -> [TrafficStatusRow] {
        let session = ReadinessSession(
            task: task, accessLog: StoredProxyAccessLog(store: ProxyAccessStore(database: database), task: task.name),
            sourceCredentials: keys.source, targetCredentials: keys.target,
            logger: Logger(label: "ferry.migrate") { _ in SwiftLogNoOpLogHandler() })
        await session.cache.refresh(task: task)
        let effects = await session.cache.effects(task: task)
        await session.shutdown()
        var judged = rows
        for index in judged.indices {
            if let effect = effects[judged[index].topic] { judged[index].effect = effect }
        }
        return judged
    }
}
