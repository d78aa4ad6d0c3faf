import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MigrationEngine
import Testing

@testable import FerryDashboard

/// `GET /api/task` pages and filters the topic table: a page holds `limit` rows from `offset`, and the totals and
/// per-stage counts cover every matching row.
@Suite struct TaskPagingTests {
    let dashboard: Dashboard

    /// Two agents × 5 topics (`T0`…`T4`), topic `Tn` at stage n mod 3.
    init() throws {
        let rows = try (0..<5).map { index in
            try Fixtures.row(topic: "T\(index)", stage: MigrationStage(rawValue: index % 3) ?? .initial, source: 1, target: 0)
        }
        let backend = FakeDashboardBackend(agents: [try Fixtures.agent("agent-1", rows: rows), try Fixtures.agent("agent-2", rows: rows)])
        dashboard = Dashboard(backend: backend, configuration: DashboardConfiguration(), logger: Logger(label: "test"))
    }

    private func page(_ query: String) async throws -> (HTTPResponse.Status, TaskPage?) {
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(uri: "/api/task?name=\(Fixtures.task)\(query)", method: .get) { response in
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let page = response.status == .ok
                    ? try decoder.decode(TaskPage.self, from: Data(response.body.readableBytesView)) : nil
                return (response.status, page)
            }
        }
    }

    private static func refs(_ page: TaskPage?) -> [String] {
        page?.topics.map { "\($0.agentId)/\($0.topic)" } ?? []
    }

    @Test func aPageHoldsLimitRowsFromOffsetWithCountsOverEveryRow() async throws {
        let (status, page) = try await page("&offset=3&limit=4")
        #expect(status == .ok)
        #expect(Self.refs(page) == ["agent-1/T3", "agent-1/T4", "agent-2/T0", "agent-2/T1"])
        #expect(page?.total == 10)
        #expect(page?.offset == 3)
        #expect(page?.limit == 4)
        #expect(page?.stageCounts == [4, 4, 2, 0, 0])
    }

    @Test func theLastPageIsShortAndAPageBeyondTheEndIsEmpty() async throws {
        #expect(Self.refs(try await page("&offset=8&limit=4").1) == ["agent-2/T3", "agent-2/T4"])
        let (status, beyond) = try await page("&offset=40")
        #expect(status == .ok)
        #expect(beyond?.topics.isEmpty == true)
        #expect(beyond?.total == 10)
    }

    @Test func withoutParametersThePageHoldsTheDefaultLimit() async throws {
        let page = try await page("").1
        #expect(page?.limit == TaskPageQuery.defaultLimit)
        #expect(page?.topics.count == 10)
    }

    @Test func theFilterMatchesTopicOrAgentCaseInsensitively() async throws {
        let byTopic = try await page("&filter=t4").1
        #expect(Self.refs(byTopic) == ["agent-1/T4", "agent-2/T4"])
        #expect(byTopic?.total == 2)
        #expect(byTopic?.stageCounts == [0, 2, 0, 0, 0])
        let byAgent = try await page("&filter=AGENT-2&limit=2").1
        #expect(Self.refs(byAgent) == ["agent-2/T0", "agent-2/T1"])
        #expect(byAgent?.total == 5)
    }

    @Test(arguments: ["&limit=0", "&limit=2001", "&offset=-1", "&offset=abc", "&limit=99999999999999"])
    func outOfRangeParametersAreRefused(_ query: String) async throws {
        #expect(try await page(query).0 == .badRequest)
    }
}
