import Foundation
import LiveDemo
import Logging
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(5))) struct LiveDemoRunTests {
    private static let logger = Logger(label: "live-demo-tests") { _ in SwiftLogNoOpLogHandler() }

    /// The repository's example hooks (the demo copies only their map hooks).
    private static var hooks: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/hooks").path
    }

    @Test func theVerdictIsCountedAndNothingIsLost() async throws {
        var options = LiveDemoOptions()
        options.topology = DemoTopology(topics: ["demo_orders", "demo_events"], groups: ["GID_demo_billing", "GID_demo_audit"])
        options.quietSeconds = 1
        options.messagesPerSecond = 25
        options.warmUp = .seconds(1)
        options.retryInterval = .milliseconds(500)
        options.hooks = Self.hooks
        let lines = Mutex<[String]>([])
        let result = try await LiveDemo.run(options, output: { line in lines.withLock { $0.append(line) } }, logger: Self.logger)
        let printed = lines.withLock { $0 }
        let verdict = result.verdict

        #expect(verdict.sent > 0)
        #expect(verdict.lost == 0)
        #expect(verdict.unexpected == 0)
        #expect(!result.lostAnything)
        #expect(verdict.groups.map(\.group) == ["GID_demo_audit", "GID_demo_billing"])
        #expect(verdict.groups.allSatisfy { $0.received == verdict.sent && $0.lost == 0 })
        #expect(printed.contains(verdict.line))
        #expect(verdict.line.hasPrefix("sent \(verdict.sent), received \(verdict.sent) (GID_demo_audit), \(verdict.sent) (GID_demo_billing)"))
        // Every topic was walked to Completed, and the metadata reached the target first.
        for topic in options.topology.topics {
            #expect(printed.contains { $0.hasSuffix("  \(topic): cutting-over → completed") })
        }
        #expect(printed.contains { $0.contains("] metadata import: succeeded") || $0.contains("] metadata.import:") })
        // The generated secret is its owner's only.
        let attributes = try FileManager.default.attributesOfItem(atPath: result.workDirectory + "/control.secret")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        try? FileManager.default.removeItem(atPath: result.workDirectory)
    }
}
