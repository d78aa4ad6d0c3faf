import ControlProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import FerryDashboard

@Suite(.timeLimit(.minutes(1))) struct EventStreamTests {
    @Test func anAgentEventAndAStateReachAnOpenEventStream() async throws {
        let backend = FakeDashboardBackend(agents: [try Fixtures.agent("agent-1")])
        let dashboard = Dashboard(backend: backend, configuration: DashboardConfiguration(), logger: Logger(label: "test"))
        let relay = Task { await dashboard.relayUpdates() }
        try await Application(router: dashboard.router()).test(.router) { client in
            async let body = client.execute(uri: "/api/events", method: .get) { String(buffer: $0.body) }
            while dashboard.broadcaster.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
            let event = AgentEvent(
                agentId: "agent-1", kind: .stageChanged, task: Fixtures.task, topic: "TopicA",
                message: "initial → dual-read by alice", at: Date(timeIntervalSince1970: 0))
            backend.continuation.yield(.event(event))
            backend.continuation.yield(.state(try Fixtures.agent("agent-1", takenAt: Date(timeIntervalSince1970: 5_000))))
            backend.continuation.finish()
            let text = try await body
            #expect(text.hasPrefix("retry: 3000\n\n"))
            #expect(text.contains("event: agentEvent\ndata: {\"agentId\":\"agent-1\",\"at\":\"1970-01-01T00:00:00Z\",\"kind\":\"stageChanged\""))
            #expect(text.contains("event: state\ndata: {\"agentId\":\"agent-1\",\"takenAt\":\"1970-01-01T01:23:20Z\"}\n\n"))
        }
        await relay.value
        // The relayed state fed the sparklines too.
        #expect(dashboard.history.trackedTopics == 2)
    }

    @Test func connectionsBeyondTheLimitAreRefused() async throws {
        let broadcaster = UpdateBroadcaster(maxSubscribers: 2)
        let first = broadcaster.subscribe()
        let second = broadcaster.subscribe()
        #expect(first != nil && second != nil)
        #expect(broadcaster.subscribe() == nil)
        broadcaster.finish()
        #expect(broadcaster.subscriberCount == 0)
    }
}
