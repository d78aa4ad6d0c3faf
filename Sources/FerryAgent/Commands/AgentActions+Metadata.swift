import ControlProtocol
import Foundation
import HookRuntime
import Logging
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQClient

/// The `metadata.*` actions: the same library calls `ferry metadata export|plan|import` make, with the files
/// in the agent's state directory (owner-only: they carry ACL secret keys) and the import journaled in the
/// agent's state database, so a re-sent import resumes instead of starting over.
extension AgentActions {
    /// The export file `metadata.export` writes and `metadata.plan` reads.
    var exportPath: String { self.context.configuration.stateDirectory + "/metadata-export.json" }
    /// The plan file `metadata.plan` writes and `metadata.import` reads.
    var planPath: String { self.context.configuration.stateDirectory + "/metadata-plan.json" }

    func metadataExport(_ command: AgentCommand) async throws -> CommandResult {
        let source = self.context.configuration.source
        let export = try await self.withMetadataAdmin(source.nameServers, self.context.sourceCredentials) { admin in
            try await MetadataExporter(admin: admin, aclFile: nil).export(cluster: command.options?["cluster"])
        }
        try PrivateFile.write(export.encoded(), to: self.exportPath)
        return CommandResult(ok: true, summary: export.summaryLine(file: self.exportPath))
    }

    func metadataPlan(_ command: AgentCommand) async throws -> CommandResult {
        let export: MetadataExport
        do {
            export = try MetadataExport.read(try Data(contentsOf: URL(fileURLWithPath: self.exportPath)), source: self.exportPath)
        } catch {
            throw ControlErrorBody(.notFound, "no readable export in the agent's state directory; run metadata.export first (\(error))")
        }
        let label = export.ferry?.sourceCluster ?? self.context.configuration.cluster
        let mapper: any ResourceMapper = self.context.hooks.map { HookResourceMapper(runtime: $0) } ?? DefaultResourceMapper()
        var options = PlanOptions()
        options.overwrite = command.options?["overwrite"] == "true"
        let planner = MetadataPlanner(mapper: mapper, options: options)
        let target = self.context.configuration.target
        let plan = try await self.withMetadataAdmin(target.nameServers, self.context.targetCredentials) { admin in
            let metadata = try await TargetReader(admin: admin).read(cluster: command.options?["targetCluster"])
            return await planner.plan(sources: [MetadataPlanner.Source(label: label, export: export)], target: metadata)
        }
        try PrivateFile.write(plan.encoded(), to: self.planPath)
        let actions = plan.items.reduce(into: [String: Int]()) { $0["\($1.action)", default: 0] += 1 }
        let failed = actions["failed", default: 0]
        return CommandResult(
            ok: failed == 0,
            summary: "plan of \(plan.items.count) item(s): "
                + actions.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
    }

    func metadataImport(_ command: AgentCommand) async throws -> CommandResult {
        let file: PlanFile
        do {
            file = try PlanFile(data: try Data(contentsOf: URL(fileURLWithPath: self.planPath)), source: self.planPath)
        } catch {
            throw ControlErrorBody(.notFound, "no readable plan in the agent's state directory; run metadata.plan first (\(error))")
        }
        let target = self.context.configuration.target
        let secrets = [self.context.targetCredentials?.secretKey].compactMap { $0 }
        let result = try await self.withMetadataAdmin(target.nameServers, self.context.targetCredentials) { admin in
            let importer = MetadataImporter(
                admin: admin, journal: ImportJournal(database: self.context.database),
                options: ImportOptions(includeOffsets: command.options?["offsets"] == "true", secrets: secrets))
            return try await importer.run(file.plan, planHash: file.hash, label: self.planPath)
        }
        let counts = result.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return CommandResult(
            ok: result.status == .succeeded, summary: "import of \(result.items.count) item(s): \(counts)")
    }

    /// A metadata admin on `nameServers` for the duration of `body`; errors come back with every secret redacted.
    private func withMetadataAdmin<T>(
        _ nameServers: [String], _ credentials: AclCredentials?, _ body: (RocketMQMetadataAdmin) async throws -> T
    ) async throws -> T {
        let admin = RocketMQMetadataAdmin.connect(
            nameServer: nameServers.joined(separator: ";"), credentials: credentials,
            logger: Logger(label: "ferry.agent.metadata") { _ in SwiftLogNoOpLogHandler() })
        do {
            let result = try await body(admin)
            await admin.shutdown()
            return result
        } catch {
            await admin.shutdown()
            let redactor = SecretRedactor(secrets: [credentials?.secretKey].compactMap { $0 })
            throw ControlErrorBody(.failed, redactor.redact("metadata on \(nameServers.joined(separator: ";")): \(error)"))
        }
    }
}
