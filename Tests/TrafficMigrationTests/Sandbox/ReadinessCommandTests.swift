import Foundation
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// `ferry migrate check` and the readiness side of `advance` (issue 9), against sandbox clusters.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ReadinessCommandTests {
    @Test(.enabled(if: MigrateCommandTests.ferry != nil, "the ferry executable is not built next to the tests"))
    func checkAdvanceIgnoreHealthAndGates() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        let hooks = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-gates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try "function gate(ctx)\n  return {allow = false, reason = \"change freeze\"}\nend\n"
            .write(to: hooks.appendingPathComponent("50_freeze.lua"), atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(atPath: state)
            try? FileManager.default.removeItem(at: hooks)
        }
        try await SandboxClusters.with { sandbox in
            try await sandbox.createTopic("orders", on: sandbox.source)
            try await sandbox.createTopic("orders", on: sandbox.target)
            try await sandbox.createTopic("audit", on: sandbox.source)
            let created = try await MigrateCommandTests.run([
                "migrate", "create", "shop", "--source", sandbox.source.nameServerAddress, "--target",
                sandbox.target.nameServerAddress, "--state", state, "orders", "audit",
            ])
            #expect(created.status == 0, "\(created.error)")

            let check = try await MigrateCommandTests.run(["migrate", "check", "shop", "--state", state])
            #expect(check.status == 1)
            #expect(check.output.contains("audit: targetResources: missing on the target: topic audit"))
            let json = try await MigrateCommandTests.run(["migrate", "check", "shop", "orders", "--json", "--state", state])
            #expect(json.status == 0, "\(json.output)")
            let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
            let names = (reports.first?["checks"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["targetReachable", "targetResources", "brokerNamesUnique", "clientsSwitched"])

            let refused = try await MigrateCommandTests.run(["migrate", "advance", "shop", "audit", "--state", state])
            #expect(refused.status == 1)
            #expect(refused.output.contains("audit: refused at initial — check: targetResources"))

            let gated = try await MigrateCommandTests.run([
                "migrate", "advance", "shop", "audit", "--ignore-health", "--reason", "ops approved",
                "--hooks", hooks.path, "--state", state,
            ])
            #expect(gated.status == 1)
            #expect(gated.output.contains("audit: refused at initial — gate: gate"))
            #expect(gated.output.contains("change freeze"))

            let overridden = try await MigrateCommandTests.run([
                "migrate", "advance", "shop", "audit", "--ignore-health", "--reason", "ops approved", "--state", state,
            ])
            #expect(overridden.status == 0, "\(overridden.output)")
            #expect(overridden.output.contains("audit: initial → dual-read"))
            let history = try await MigrateCommandTests.run(["migrate", "history", "shop", "audit", "--json", "--state", state]).json()
            let last = try #require((history["entries"] as? [[String: Any]])?.last)
            #expect(last["reason"] as? String == "ops approved")
            #expect((last["overrides"] as? [String]) == ["health"])
            #expect((last["actor"] as? String)?.isEmpty == false)

            let noReason = try await MigrateCommandTests.run(["migrate", "advance", "shop", "audit", "--ignore-health", "--state", state])
            #expect(noReason.status != 0)
            #expect(noReason.error.contains("--ignore-health needs --reason"))
        }
    }
}
