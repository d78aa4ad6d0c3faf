import ArgumentParser
import Foundation
import HookRuntime
import Logging
import MetadataMigration
import MigrationEngine
import MigrationStore

/// `ferry metadata plan --from FILE [--from FILE2 …] --target NAMESRV [--hooks DIR] [--prefer …] -o PLAN [--json]`.
struct MetadataPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the import of one or more exports into a target cluster.",
        discussion: """
            Accepts Ferry exports, mqadmin exportMetadata files (cluster or broker mode) and export.sh's \
            wrapper. Maps names through the hooks (default: namespace = part before '%', else 'default'), \
            clamps queue counts, merges the sources (a name with different settings in two sources is a \
            conflict and imports nothing until --prefer picks a winner) and diffs against the target. \
            Prints a summary table and writes the plan as JSON for review and import.
            """
    )

    @Option(name: .customLong("from"), help: "An export file (repeat to merge several sources).")
    var sources: [String]

    @Option(help: "The target NameServer, host:port.")
    var target: String

    @Option(help: "The target cluster (default: the only one the target NameServer knows).")
    var targetCluster: String?

    @OptionGroup var credentials: CredentialOptions

    @Option(help: "A directory of Lua hook scripts whose map hooks rename, re-namespace or skip resources.")
    var hooks: String?

    @Option(help: "SOURCE wins every conflict between sources, or NAME=SOURCE wins for one target name (repeatable).")
    var prefer: [String] = []

    @Flag(help: "Update resources the target already has with other settings (default: report them as conflicts).")
    var overwrite = false

    @Option(help: "Smallest queue count per topic.") var minQueues = 3
    @Option(help: "Largest queue count per topic.") var maxQueues = 16

    @Flag(help: "List every changed item in the table, not the first 10 of each section.")
    var verbose = false

    @Option(name: .shortAndLong, help: "The plan file to write.")
    var output: String

    @Flag(help: """
        Print the summary as JSON data instead of the table: file, sources, target, queuePolicy, counts per \
        kind and action, and every item's key, kind, name, action, origins, brokers, notes, reason and planned \
        topic or group (never an ACL secret).
        """)
    var json = false

    func validate() throws {
        if self.sources.isEmpty { throw ValidationError("give at least one --from FILE") }
        if self.minQueues < 1 || self.maxQueues < self.minQueues {
            throw ValidationError("--min-queues must be at least 1 and at most --max-queues")
        }
    }

    func run() async throws {
        var planSources: [MetadataPlanner.Source] = []
        for path in self.sources {
            let export: MetadataExport
            do {
                export = try MetadataExport.read(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
            } catch {
                throw fail("\(error)")
            }
            var label = export.ferry?.sourceCluster ?? URL(fileURLWithPath: path).lastPathComponent
            if planSources.contains(where: { $0.label == label }) { label += "#\(planSources.count + 1)" }
            planSources.append(MetadataPlanner.Source(label: label, export: export))
        }
        let planner = MetadataPlanner(mapper: try self.mapper(), options: try self.options())
        let plan: MetadataPlan
        do {
            plan = try await self.credentials.withAdmin(self.target) { admin, secrets in
                do {
                    let target = try await TargetReader(admin: admin).read(cluster: self.targetCluster)
                    return await planner.plan(sources: planSources, target: target)
                } catch {
                    throw fail(SecretRedactor(secrets: secrets).redact("cannot read the target \(self.target): \(error)"))
                }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("cannot read the target \(self.target): \(error)")
        }
        do {
            // The plan keeps the secret keys of the accounts it writes: its owner's only.
            try PrivateFile.write(plan.encoded(), to: self.output)
        } catch {
            throw fail("cannot write \(self.output): \(error)")
        }
        if self.json {
            print(String(decoding: plan.summaryJSON(file: self.output), as: UTF8.self))
        } else {
            print(PlanTableRenderer(detailLimit: self.verbose ? 0 : 10).render(plan))
            print("\nplan written to \(self.output) (\(plan.items.count) items)")
        }
    }

    private func mapper() throws -> any ResourceMapper {
        guard let hooks else { return DefaultResourceMapper() }
        do {
            let logger = Logger(label: "ferry.hooks") { StreamLogHandler.standardError(label: $0) }
            return HookResourceMapper(runtime: try HookRuntime(path: hooks, logger: logger))
        } catch {
            throw fail("cannot load the hooks in \(hooks): \(error)")
        }
    }

    private func options() throws -> PlanOptions {
        var options = PlanOptions(
            queuePolicy: QueueCountPolicy(minimum: self.minQueues, maximum: self.maxQueues), overwrite: self.overwrite)
        for choice in self.prefer {
            if let cut = choice.lastIndex(of: "=") {
                options.preferredSourceByName[String(choice[..<cut])] = String(choice[choice.index(after: cut)...])
            } else if options.preferredSource == nil {
                options.preferredSource = choice
            } else {
                throw fail("--prefer SOURCE given twice; use NAME=SOURCE for per-name winners")
            }
        }
        return options
    }
}
