import ArgumentParser
import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore

/// `ferry metadata import PLAN --target NAMESRV [--offsets] [--journal PATH] [--concurrency N]`.
struct MetadataImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a plan into the target cluster.",
        discussion: """
            Creates topics on the target's master brokers (those the plan names), groups, and ACL accounts \
            when the target enforces ACL. Idempotent: items the target already holds are reported unchanged. \
            Resumable: outcomes are journaled per item (--journal); rerunning the same plan file skips what \
            is done. Conflicts and skipped items import nothing. Exit code: 0 Succeeded, 1 Some failed, \
            2 All failed or the import could not run (unreadable plan, unreachable target).
            """
    )

    @Argument(help: "The plan file written by `ferry metadata plan`.")
    var plan: String

    @Option(help: "The target NameServer, host:port.")
    var target: String

    @OptionGroup var credentials: CredentialOptions

    @Flag(help: """
        Also write consumer offsets (UPDATE_CONSUMER_OFFSET per queue, only queues the target has). Right \
        only when the target's queues map 1:1 to the source's and no consumer of those groups runs on the \
        target yet; otherwise leave it off and let consumers continue from the source by dual reading.
        """)
    var offsets = false

    @Option(help: "The import journal (SQLite). Default: ~/.ferry/state.sqlite.")
    var journal: String = FileManager.default.homeDirectoryForCurrentUser
        .appendingPathComponent(".ferry/state.sqlite").path

    @Option(help: "Items written at once.")
    var concurrency = 8

    @Flag(help: "Read the target and print the writes the import would send, sorted; write nothing, journal nothing.")
    var dryRun = false

    @Flag(help: """
        Print the result as JSON data instead of progress and a summary: status, exitCode, counts and every \
        item's key, kind, name, outcome and (when failed) reason.
        """)
    var json = false

    func validate() throws {
        if self.concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if self.json, self.dryRun { throw ValidationError("--json reports an import; --dry-run prints a transcript: pick one") }
    }

    func run() async throws {
        let file: PlanFile
        let journal: ImportJournal
        do {
            file = try PlanFile(data: try Data(contentsOf: URL(fileURLWithPath: self.plan)), source: self.plan)
            journal = ImportJournal(
                database: self.dryRun ? try MigrationDatabase.inMemory() : try MigrationDatabase(path: self.journal))
        } catch {
            throw fail("\(error)")
        }
        let printer = ImportProgressPrinter(
            terminal: FileHandleOutput.standardOutputIsTerminal && !self.dryRun, quiet: self.json)
        let result: ImportResult
        do {
            result = try await self.credentials.withAdmin(self.target) { real, secrets in
                let dryRun = self.dryRun ? DryRunMetadataAdmin(reading: real) : nil
                let importer = MetadataImporter(
                    admin: dryRun ?? real, journal: journal,
                    options: ImportOptions(
                        concurrency: self.concurrency, includeOffsets: self.offsets, secrets: secrets))
                do {
                    let result = try await importer.run(file.plan, planHash: file.hash, label: self.plan) {
                        if dryRun == nil { printer.report($0) }
                    }
                    for line in dryRun?.transcript() ?? [] { print(line) }
                    return result
                } catch {
                    printer.finish()
                    let redactor = SecretRedactor(plan: file.plan, others: secrets)
                    throw fail(redactor.redact("import into \(self.target) failed: \(error)"))
                }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printer.finish()
            throw fail("import into \(self.target) failed: \(error)")
        }
        printer.finish()
        if self.json {
            print(String(decoding: result.json(), as: UTF8.self))
        } else {
            printer.summarize(result, plan: file.plan)
        }
        if result.status != .succeeded { throw ExitCode(result.status.exitCode) }
    }
}
