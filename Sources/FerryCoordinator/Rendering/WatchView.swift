public import ControlProtocol
public import Foundation
import MigrationEngine
import TrafficMigration

/// `ferry ctl watch`: the live view. On a terminal the whole screen is redrawn from ``screen()`` after each
/// update (cursor home, clear); elsewhere each update is one line from ``line(for:)``.
public struct WatchView: Sendable {
    /// The last state of each agent, by id.
    public private(set) var states: [String: AgentState] = [:]
    /// The last events, oldest first, at most ``eventsShown``.
    public private(set) var events: [AgentEvent] = []
    /// Events kept for the screen.
    public let eventsShown: Int

    /// An empty view showing at most `eventsShown` events.
    public init(eventsShown: Int = 10) {
        self.eventsShown = max(eventsShown, 0)
    }

    /// Takes an update.
    public mutating func apply(_ update: CoordinatorUpdate) {
        switch update {
        case .state(let state): self.states[state.agentId] = state
        case .event(let event):
            self.events.append(event)
            if self.events.count > self.eventsShown { self.events.removeFirst(self.events.count - self.eventsShown) }
        }
    }

    /// The escape sequence that moves the cursor home and clears the screen, before each redraw.
    public static let clearScreen = "\u{1B}[H\u{1B}[2J"

    /// The screen: one row per agent, task and topic (stage, traffic per side, readiness), then the events.
    public func screen(now: Date = Date()) -> [String] {
        var rows: [[String]] = []
        for state in self.states.values.sorted(by: { $0.agentId < $1.agentId }) {
            for task in state.tasks {
                let readiness = Dictionary(task.readiness.map { ($0.topic, $0) }, uniquingKeysWith: { _, last in last })
                for row in task.status.topics {
                    rows.append([
                        state.agentId, task.status.task, row.topic, "\(row.stageNumber) \(row.stage)",
                        row.source.messagesSinceStageChange.map(String.init) ?? "?",
                        row.target.messagesSinceStageChange.map(String.init) ?? "?",
                        Self.readiness(readiness[row.topic]),
                    ])
                }
            }
        }
        var lines = ["ferry ctl watch — \(self.states.count) agents — \(Self.time(now))"]
        lines += rows.isEmpty
            ? ["(no agent state yet)"]
            : TextTable.render(header: ["AGENT", "TASK", "TOPIC", "STAGE", "SOURCE MSGS", "TARGET MSGS", "NEXT STEP"], rows: rows)
        if !self.events.isEmpty {
            lines.append("")
            lines += self.events.map(Self.eventLine)
        }
        return lines
    }

    /// One line for a non-terminal: the event, or a summary of the agent's state (topics per stage).
    public static func line(for update: CoordinatorUpdate) -> String {
        switch update {
        case .event(let event): return Self.eventLine(event)
        case .state(let state):
            var perStage: [Int: Int] = [:]
            for task in state.tasks { for row in task.status.topics { perStage[row.stageNumber, default: 0] += 1 } }
            let stages = perStage.keys.sorted().map { "stage \($0): \(perStage[$0] ?? 0)" }.joined(separator: ", ")
            return "\(Self.time(state.takenAt)) \(state.agentId) state: \(state.tasks.count) tasks"
                + (stages.isEmpty ? "" : ", topics at \(stages)")
        }
    }

    private static func eventLine(_ event: AgentEvent) -> String {
        let place = [event.task, event.topic].compactMap { $0 }.joined(separator: "/")
        return "\(Self.time(event.at)) \(event.agentId) \(event.kind.rawValue)" + (place.isEmpty ? "" : " \(place)")
            + ": \(event.message)"
    }

    private static func readiness(_ report: ReadinessReport?) -> String {
        guard let report else { return "-" }
        guard let next = report.nextStage else { return "done" }
        return report.ready ? "ready → \(next.rawValue)" : "not ready: " + (report.reasons.first ?? "?")
    }

    private static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }
}
