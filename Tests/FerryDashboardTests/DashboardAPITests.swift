import ControlProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MigrationEngine
import MigrationStore
import NIOCore
import Testing

@testable import FerryDashboard

@Suite struct DashboardAPITests {
    let backend: FakeDashboardBackend
    let dashboard: Dashboard

    init() throws {
        backend = FakeDashboardBackend(agents: [try Fixtures.agent("agent-1"), try Fixtures.agent("agent-2")])
        dashboard = Dashboard(
            backend: backend, configuration: DashboardConfiguration(operatorTokens: Fixtures.operators),
            logger: Logger(label: "test"))
    }

    private func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        return try #require(object as? [String: Any])
    }

    private func batchBody(_ action: BatchAction, dryRun: Bool, reason: String? = nil, ignoreHealth: Bool? = nil) throws
        -> ByteBuffer
    {
        let request = BatchRequest(
            task: Fixtures.task, action: action,
            topics: [TopicRef(agentId: "agent-1", topic: "TopicA"), TopicRef(agentId: "agent-1", topic: Fixtures.blockedTopic),
                TopicRef(agentId: "agent-2", topic: "TopicA")],
            dryRun: dryRun, reason: reason, ignoreHealth: ignoreHealth)
        return ByteBuffer(bytes: try JSONEncoder().encode(request))
    }

    @Test func agentsCarryConnectionLastSeenAndProxyHealth() async throws {
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(uri: "/api/agents", method: .get) { response in
                #expect(response.status == .ok)
                let agents = try #require(try json(response)["agents"] as? [[String: Any]])
                #expect(agents.map { $0["agentId"] as? String } == ["agent-1", "agent-2"])
                #expect(agents[0]["connected"] as? Bool == true)
                #expect(agents[0]["lastSeen"] as? String == "1970-01-01T00:16:40Z")
                let proxy = try #require(agents[0]["proxy"] as? [String: Any])
                #expect(proxy["targetReachable"] as? Bool == false)
                #expect(proxy["warning"] as? String == "target unreachable")
                #expect(agents[0]["tasks"] as? [String] == [Fixtures.task])
            }
        }
    }

    @Test func taskPageListsEveryTopicWithStageReadinessClientsAndTraffic() async throws {
        // Two states of agent-1, 5 and 7 source messages apart, make its traffic series.
        dashboard.history.record(try Fixtures.agent("agent-1", takenAt: Date(timeIntervalSince1970: 10)))
        let later = try Fixtures.agent(
            "agent-1", takenAt: Date(timeIntervalSince1970: 2_000),
            rows: [
                try Fixtures.row(topic: "TopicA", stage: .initial, source: 15, target: 0),
                try Fixtures.row(topic: Fixtures.blockedTopic, stage: .initial, source: 27, target: nil),
            ])
        backend.replace(later)
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(uri: "/api/tasks", method: .get) { response in
                let tasks = try #require(try json(response)["tasks"] as? [[String: Any]])
                #expect(tasks.count == 1)
                #expect(tasks[0]["topics"] as? Int == 4)
                #expect(tasks[0]["agents"] as? [String] == ["agent-1", "agent-2"])
                #expect(tasks[0]["stages"] as? [Int] == [4, 0, 0, 0, 0])
            }
            try await client.execute(uri: "/api/task?name=\(Fixtures.task)", method: .get) { response in
                #expect(response.status == .ok)
                let rows = try #require(try json(response)["topics"] as? [[String: Any]])
                #expect(rows.map { "\($0["agentId"] ?? "")/\($0["topic"] ?? "")" } == [
                    "agent-1/TopicA", "agent-1/TopicB", "agent-2/TopicA", "agent-2/TopicB",
                ])
                let blocked = rows[1]
                #expect(blocked["stage"] as? String == "initial")
                #expect(blocked["stageNumber"] as? Int == 0)
                #expect(blocked["ready"] as? Bool == false)
                let failing = try #require(blocked["failing"] as? [[String: Any]])
                #expect(failing.count == 1)
                #expect(failing.first?["name"] as? String == "clientsSwitched")
                #expect(failing.first?["reason"] as? String == "2 clients on the source")
                #expect((blocked["clients"] as? [String: Int]) == ["onProxy": 3, "onSourceOnly": 1])
                #expect(blocked["stageChangedAt"] as? String == "2001-01-01T00:00:00Z")
                let traffic = try #require(blocked["traffic"] as? [String: [Any]])
                #expect(traffic["source"] as? [Int] == [7])
                #expect(traffic["target"]?.first is NSNull)
                #expect(!rows[0].keys.contains("ready"))
            }
            try await client.execute(uri: "/api/task?name=nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func actionsWithoutAnOperatorTokenAreRefusedAndNeverReachTheBackend() async throws {
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(uri: "/api/batch", method: .post, body: try batchBody(.advance, dryRun: false)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/batch", method: .post, headers: [.authorization: "Bearer alice-token-0123456780"],
                body: try batchBody(.advance, dryRun: false)
            ) { #expect($0.status == .unauthorized) }
            try await client.execute(
                uri: "/api/batch", method: .post, headers: [.authorization: "Basic " + Data("bob:alice-token-0123456789".utf8).base64EncodedString()],
                body: try batchBody(.rollback, dryRun: false)
            ) { #expect($0.status == .unauthorized) }
        }
        #expect(backend.dispatched.isEmpty)
    }

    @Test func aPreviewReachesTheBackendAsADryRunWithTheOperatorAsActor() async throws {
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(
                uri: "/api/batch", method: .post, headers: [.authorization: "Bearer bob-token-abcdefghij"],
                body: try batchBody(.advance, dryRun: true)
            ) { response in
                #expect(response.status == .ok)
                let result = try JSONDecoder.iso8601.decode(BatchResult.self, from: Data(response.body.readableBytesView))
                #expect(result.actor == "bob")
                #expect(result.dryRun)
                #expect(result.topics.map(\.topic) == ["TopicA", "TopicB", "TopicA"])
                #expect(result.topics.map(\.refused) == [nil, "clientsSwitched: 2 clients on the source", nil])
                #expect(result.topics.map(\.to) == [.dualRead, .initial, .dualRead])
                #expect(result.agents.map(\.status) == [.succeeded, .succeeded])
            }
        }
        let sent = backend.dispatched.sorted { ($0.selector?.ids ?? []).lexicographicallyPrecedes($1.selector?.ids ?? []) }
        #expect(sent.map(\.actor) == ["bob", "bob"])
        #expect(sent.map { $0.command.actor } == ["bob", "bob"])
        #expect(sent.map { $0.command.dryRun } == [true, true])
        #expect(sent.map { $0.command.action } == [.migrateAdvance, .migrateAdvance])
        #expect(sent.map { $0.selector?.ids ?? [] } == [["agent-1"], ["agent-2"]])
        #expect(sent.map { $0.command.topics ?? [] } == [["TopicA", "TopicB"], ["TopicA"]])
    }

    @Test func aConfirmedActionWithBasicAuthCarriesTheOperatorAndTheReason() async throws {
        let credentials = Data("alice:alice-token-0123456789".utf8).base64EncodedString()
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(
                uri: "/api/batch", method: .post, headers: [.authorization: "Basic \(credentials)"],
                body: try batchBody(.rollback, dryRun: false, reason: "bad latency")
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/batch", method: .post, headers: [.authorization: "Basic \(credentials)"],
                body: try batchBody(.advance, dryRun: false, ignoreHealth: true)
            ) { #expect($0.status == .badRequest) }
        }
        #expect(backend.dispatched.count == 2)
        #expect(backend.dispatched.allSatisfy { $0.actor == "alice" && $0.command.actor == "alice" })
        #expect(backend.dispatched.allSatisfy { $0.command.action == .migrateRollback && $0.command.dryRun == false })
        #expect(backend.dispatched.allSatisfy { $0.command.reason == "bad latency" && $0.command.task == Fixtures.task })
    }

    @Test func topicPageShowsRoutesHistoryAndChecks() async throws {
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(
                uri: "/api/topic?task=\(Fixtures.task)&agent=agent-1&topic=\(Fixtures.blockedTopic)", method: .get
            ) { response in
                #expect(response.status == .ok)
                let detail = try JSONDecoder.iso8601.decode(TopicDetail.self, from: Data(response.body.readableBytesView))
                #expect(detail.row?.stage == "initial")
                #expect(detail.advanceRoutes.map(\.routeJSON) == [#"{"brokerDatas":[]}"#])
                #expect(detail.history.map(\.actor) == ["alice"])
                #expect(detail.history.first?.overrides == ["clientsSwitched"])
                #expect(detail.problems.isEmpty)
            }
        }
        let sent = backend.dispatched
        #expect(Set(sent.map { $0.command.action }) == [.migratePreview, .migrateHistory, .migrateCheck])
        #expect(sent.allSatisfy { $0.actor == DashboardRoutes.anonymousActor && $0.selector?.ids == ["agent-1"] })
        #expect(sent.contains { $0.command.options?["direction"] == "rollback" })
    }

    @Test func sessionSaysWhoIsLoggedIn() async throws {
        try await Application(router: dashboard.router()).test(.router) { client in
            try await client.execute(uri: "/api/session", method: .get, headers: [.authorization: "Bearer bob-token-abcdefghij"]) { response in
                let session = try json(response)
                #expect(session["operator"] as? String == "bob")
            }
            try await client.execute(uri: "/api/session", method: .get) { response in
                let session = try json(response)
                #expect(!session.keys.contains("operator"))
                #expect(session["loginEnabled"] as? Bool == true)
            }
        }
    }

    @Test func thePageAndItsScriptAreServedWithoutExternalResources() async throws {
        try await Application(router: dashboard.router()).test(.router) { client in
            for path in ["/", "/app.js", "/app.css"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    let text = String(buffer: response.body)
                    #expect(!text.isEmpty)
                    #expect(!text.contains("http://") || path == "/app.js")  // the SVG namespace only
                    #expect(!text.contains("https://"))
                }
            }
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
