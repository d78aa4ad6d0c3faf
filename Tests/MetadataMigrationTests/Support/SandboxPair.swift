import Foundation
import Logging
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQClient
import RocketMQSandbox

/// A source and a target sandbox cluster (two masters each) with admins for both, shut down after use (the
/// source too when the target fails to start).
struct SandboxPair {
    let source: SandboxCluster
    let target: SandboxCluster
    let sourceAdmin: RocketMQMetadataAdmin
    let targetAdmin: RocketMQMetadataAdmin

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func with<T>(
        sourceOptions: SandboxOptions = SandboxOptions(), targetOptions: SandboxOptions = SandboxOptions(),
        sourceCredentials: AclCredentials? = nil, targetCredentials: AclCredentials? = nil,
        logger: Logger = SandboxPair.logger, _ body: (SandboxPair) async throws -> T
    ) async throws -> T {
        let source = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: ["source-a", "source-b"], options: sourceOptions, logger: logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(
                name: "TargetCluster", brokerNames: ["target-a", "target-b"], options: targetOptions, logger: logger)
        } catch {
            // The source is already serving: stop it instead of leaving it to outlive the test.
            await source.shutdown()
            throw error
        }
        let pair = SandboxPair(
            source: source, target: target,
            sourceAdmin: .connect(nameServer: source.nameServerAddress, credentials: sourceCredentials, logger: logger),
            targetAdmin: .connect(nameServer: target.nameServerAddress, credentials: targetCredentials, logger: logger))
        do {
            let result = try await body(pair)
            await pair.shutdown()
            return result
        } catch {
            await pair.shutdown()
            throw error
        }
    }

    private func shutdown() async {
        await self.sourceAdmin.shutdown()
        await self.targetAdmin.shutdown()
        await self.source.shutdown()
        await self.target.shutdown()
    }

    /// Exports the source and plans it against the target.
    func exportAndPlan(
        mapper: any ResourceMapper = DefaultResourceMapper(), aclFile: String? = nil
    ) async throws -> PlanFile {
        let export = try await MetadataExporter(admin: self.sourceAdmin, aclFile: aclFile).export(cluster: nil)
        let reread = try MetadataExport.read(export.encoded(), source: "export.json")
        let target = try await TargetReader(admin: self.targetAdmin).read()
        let plan = await MetadataPlanner(mapper: mapper)
            .plan(sources: [.init(label: "SourceCluster", export: reread)], target: target)
        return try PlanFile(data: plan.encoded(), source: "plan.json")
    }

    func importer(_ journal: ImportJournal, concurrency: Int = 8, offsets: Bool = false) -> MetadataImporter {
        MetadataImporter(
            admin: self.targetAdmin, journal: journal,
            options: ImportOptions(concurrency: concurrency, includeOffsets: offsets))
    }
}
