import ArgumentParser
import ControlProtocol
import FerryCoordinator
import Foundation

/// `ferry ctl watch`: progress per agent and topic, live.
struct CtlWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "A live view of every agent's topics and events (redrawn in place on a terminal).",
        discussion: "Not on a terminal, or with --json, each update is one line. Stops on Ctrl-C or when the coordinator goes.")

    @OptionGroup var connection: CtlConnectionOptions
    @OptionGroup var selection: CtlSelectorOptions

    func run() async throws {
        let selector = try self.selection.selector()
        let redraw = FileHandleOutput.standardOutputIsTerminal && !self.selection.json
        try await withOperator(self.connection) { client in
            var view = WatchView()
            for line in try await client.status(selector).agents { view.apply(.state(line)) }
            if redraw { Self.draw(view) }
            for try await line in try await client.watch() {
                guard let update = try Self.update(line), Self.selected(update, by: selector, known: view.states)
                else { continue }
                view.apply(update)
                if redraw {
                    Self.draw(view)
                } else if self.selection.json {
                    try printJSONLine(update)
                } else {
                    print(WatchView.line(for: update))
                }
            }
        }
    }

    private static func draw(_ view: WatchView) {
        print(WatchView.clearScreen + view.screen().joined(separator: "\n"))
    }

    private static func update(_ line: ControlLine) throws -> CoordinatorUpdate? {
        switch line.verb {
        case .event: .event(try line.decode(AgentEvent.self))
        case .state: .state(try line.decode(AgentState.self))
        case .err: throw fail("the coordinator ended the watch: \((try? line.decode(ControlErrorBody.self))?.message ?? "error")")
        default: nil
        }
    }

    /// States carry the agent's labels and cluster; an event is judged by its agent's last known state.
    private static func selected(
        _ update: CoordinatorUpdate, by selector: AgentSelector?, known: [String: AgentState]
    ) -> Bool {
        guard let selector else { return true }
        let state: AgentState?
        switch update {
        case .state(let new): state = new
        case .event(let event): state = known[event.agentId]
        }
        guard let state else { return false }
        return selector.matches(agentId: state.agentId, labels: state.labels, cluster: state.cluster)
    }
}

/// One JSON object on one line, written at once (unbuffered, for `--json` streams read by a pipe).
func printJSONLine(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
}
