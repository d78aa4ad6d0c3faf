import ArgumentParser
import Foundation
import MigrationEngine
import MigrationStore
import RocketMQRemoting
import TrafficMigration

/// `ferry migrate preview NAME (SELECTOR…|--all) [--rollback] [--state FILE] [--json]`.
struct MigratePreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Dry run of a step: the exact route each client would get after it. Writes nothing.",
        discussion: """
            Reads both clusters' current routes and rewrites them at the stage each selected topic would reach \
            (and at the new stage of any retry topic the step changes). Checks and gates are not run.
            """
    )

    @Argument(help: "The task.")
    var name: String

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var credentials: TaskCredentialOptions

    @Flag(help: "Preview a rollback instead of an advance.")
    var rollback = false

    @Flag(help: "Print JSON: per topic fromStage, toStage and the route as a 4.9.4+ NameServer writes it.")
    var json = false

    func validate() throws { try self.selection.validate(required: true) }

    func run() async throws {
        let store = try self.state.store()
        let direction: StageDirection = self.rollback ? .rollback : .advance
        let result: (routes: [PreviewRoute], refused: [StageStepOutcome])
        do {
            guard let task = try store.task(named: self.name) else { throw fail("no task named \(self.name)") }
            let keys = try self.credentials.resolve()
            result = try await TrafficClusters.with(
                source: task.sourceNameServers, target: task.targetNameServers, sourceCredentials: keys.source,
                targetCredentials: keys.target
            ) {
                try await StagePreview(clusters: $0).preview(
                    task: task, selection: self.selection.selection, direction: direction)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("preview failed: \(error)")
        }
        guard self.json else {
            for line in PreviewRouteRenderer.render(result.routes, refused: result.refused) { print(line) }
            return
        }
        var rows: [[String: Any]] = []
        for preview in result.routes {
            var row: [String: Any] = [
                "topic": preview.topic, "fromStage": preview.from.rawValue, "toStage": preview.to.rawValue,
                "route": NSNull(),
            ]
            if let route = preview.route {
                let text = route.text(dialect: .standard, sortKeys: true)
                row["route"] = try JSONSerialization.jsonObject(with: Data(text.utf8))
            }
            rows.append(row)
        }
        var refused: [[String: Any]] = []
        for case .refused(let topic, let stage, let reason) in result.refused {
            refused.append(["topic": topic, "stage": stage.map { $0.rawValue as Any } ?? NSNull(), "reason": reason])
        }
        let document: [String: Any] = ["task": self.name, "routes": rows, "refused": refused]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
