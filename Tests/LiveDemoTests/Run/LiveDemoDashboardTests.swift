import FerryDashboard
import Foundation
import LiveDemo
import Logging
import MigrationEngine
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The live demo serves the dashboard while it runs: in the waiting mode, the URL it prints serves the task with
/// every topic, and an operator's batch advances through the page's API walk the topics to Completed, which ends
/// the wait; the verdict is counted as usual.
@Suite(.timeLimit(.minutes(6))) struct LiveDemoDashboardTests {
    private static let logger = Logger(label: "live-demo-tests") { _ in SwiftLogNoOpLogHandler() }
    private static let token = "dashboard-test-token-0123456789"
    private static let topics = ["demo_orders", "demo_events"]

    @Test func thePrintedURLServesEveryTopicAndAnOperatorsAdvancesCompleteTheDemo() async throws {
        var options = LiveDemoOptions()
        options.topology = DemoTopology(topics: Self.topics, groups: ["GID_demo_billing"])
        options.quietSeconds = 1
        options.warmUp = .seconds(1)
        options.afterCompletion = .seconds(1)
        options.dashboardToken = Self.token
        options.operatorWait = .seconds(240)
        let printed = PrintedLines()
        async let run = LiveDemo.run(options, output: { printed.append($0) }, logger: Self.logger)

        let base = try await Self.dashboardURL(printed: printed)
        let first = try await Self.taskPage(base, until: { $0.topics.count == Self.topics.count })
        #expect(Set(first.topics.map { $0.topic }) == Set(Self.topics))
        #expect(first.topics.allSatisfy { $0.stage == "initial" && $0.agentId == "demo-agent" })
        #expect(first.total == Self.topics.count)

        // Read-only without the token.
        let anonymous = try await Self.advance(base, topics: Self.topics, token: nil)
        #expect(anonymous.status == 401)

        // Advance (retrying refused topics, as an operator would) until every topic is Completed.
        var stages = Dictionary(uniqueKeysWithValues: Self.topics.map { ($0, MigrationStage.initial) })
        let deadline = ContinuousClock.now + .seconds(200)
        while stages.values.contains(where: { $0 < .completed }), ContinuousClock.now < deadline {
            let pending = stages.filter { $0.value < .completed }.keys.sorted()
            let answer = try await Self.advance(base, topics: pending, token: Self.token)
            #expect(answer.status == 200)
            let result = try #require(answer.result)
            #expect(result.actor == "demo")
            for outcome in result.topics where outcome.refused == nil {
                if let to = outcome.to { stages[outcome.topic] = to }
            }
            if stages.values.contains(where: { $0 < .completed }) { try await Task.sleep(for: .milliseconds(500)) }
        }
        #expect(stages.values.allSatisfy { $0 == .completed })
        // The page shows the moves (the agent's next reported state).
        let moved = try await Self.taskPage(base, until: { page in page.topics.allSatisfy { $0.stage == "completed" } })
        #expect(moved.stageCounts == [0, 0, 0, 0, Self.topics.count])

        let result = try await run
        let lines = printed.lines
        #expect(!result.lostAnything)
        #expect(result.verdict.sent > 0)
        #expect(lines.contains { $0.contains("every topic is Completed") })
        // The demo printed the operator's moves it saw.
        for topic in Self.topics {
            #expect(lines.contains { $0.contains("  \(topic): initial → ") })
            #expect(lines.contains { $0.contains("  \(topic): ") && $0.hasSuffix(" → completed") })
        }
        // A token the caller gave is never printed.
        #expect(!lines.contains { $0.contains(Self.token) })
        try? FileManager.default.removeItem(atPath: result.workDirectory)
    }

    /// The URL of the `dashboard: URL (…)` line, once printed.
    private static func dashboardURL(printed: PrintedLines) async throws -> String {
        for _ in 0..<1_200 {
            let line = printed.lines.first { $0.contains("] dashboard: http://") }
            if let line, let start = line.range(of: "http://") {
                return String(line[start.lowerBound...].prefix { $0 != " " }).trimmingCharacters(in: ["/"])
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DashboardTestError("the demo printed no dashboard URL")
    }

    /// The task page once it satisfies `condition` (polled up to 90 s).
    private static func taskPage(_ base: String, until condition: (TaskPage) -> Bool) async throws -> TaskPage {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for _ in 0..<180 {
            let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: base + "/api/task?name=live-demo")))
            if (response as? HTTPURLResponse)?.statusCode == 200 {
                let page = try decoder.decode(TaskPage.self, from: data)
                if condition(page) { return page }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw DashboardTestError("the task page never showed what was expected")
    }

    /// `POST /api/batch` advance of `topics` (not a dry run).
    private static func advance(_ base: String, topics: [String], token: String?) async throws -> (status: Int, result: BatchResult?) {
        var request = URLRequest(url: try #require(URL(string: base + "/api/batch")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONEncoder().encode(
            BatchRequest(
                task: "live-demo", action: .advance, topics: topics.map { TopicRef(agentId: "demo-agent", topic: $0) },
                dryRun: false, reason: "dashboard test"))
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, status == 200 ? try JSONDecoder().decode(BatchResult.self, from: data) : nil)
    }
}

/// The demo's printed lines, collected as it runs.
private final class PrintedLines: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    func append(_ line: String) { storage.withLock { $0.append(line) } }
}

private struct DashboardTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
