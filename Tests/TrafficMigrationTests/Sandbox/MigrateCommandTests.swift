import Foundation
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// `ferry migrate …` as operators script it: exit codes, text and `--json`, against sandbox clusters.
@Suite(.serialized, .timeLimit(.minutes(5))) struct MigrateCommandTests {
    /// The `ferry` executable SwiftPM built next to the test bundle (`swift build --build-tests` builds it).
    static let ferry: URL? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let directories = [
            executable.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return directories.map { $0.appending(path: "ferry") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }()

    struct Run {
        var status: Int32
        var output: String
        var error: String

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(self.output.utf8)) as? [String: Any])
        }
    }

    /// Runs `ferry` on a dispatch thread: waiting for it on a cooperative thread could starve the in-process
    /// sandbox clusters it talks to on this 2-core machine.
    static func run(_ arguments: [String]) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.runBlocking(arguments) })
            }
        }
    }

    private static func runBlocking(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.ferry
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: out, error: err)
    }

    @Test(.enabled(if: ferry != nil, "the ferry executable is not built next to the tests"))
    func createStepStatusHistoryPreview() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        try await SandboxClusters.with { sandbox in
            try await sandbox.createTopic("orders", on: sandbox.source, order: true)
            try await sandbox.createTopic("audit", on: sandbox.source)
            try await sandbox.createTopic("orders", on: sandbox.target)
            try await sandbox.commitOffset(topic: "orders", group: "billing", on: sandbox.source)
            // Readiness (issue 9) refuses a forward step while the topic or one of its groups is missing on the target.
            try await sandbox.createTopic("audit", on: sandbox.target)
            for address in sandbox.target.brokerAddresses.values {
                try await sandbox.admin(sandbox.target).createOrUpdateGroup(
                    SubscriptionGroupConfig(groupName: "billing"), broker: address)
            }
            let source = sandbox.source.nameServerAddress
            let target = sandbox.target.nameServerAddress

            let created = try await Self.run([
                "migrate", "create", "shop", "--source", source, "--target", target, "--quiet-period", "2m",
                "--state", state, "orders", "aud*",
            ])
            #expect(created.status == 0, "\(created.error)")
            #expect(created.output.contains("created task shop: 2 topic(s) at stage 0 initial"))
            #expect(created.output.contains("orders (ordered)  billing"))
            let again = try await Self.run(["migrate", "create", "shop", "--source", source, "--target", target, "--state", state, "--all"])
            #expect(again.status == 2)
            #expect(again.error.contains("task shop already exists"))

            #expect(try await Self.run(["migrate", "advance", "shop", "orders", "--state", state]).status == 0)
            let all = try await Self.run(["migrate", "advance", "shop", "--all", "--state", state, "--reason", "window 7"])
            #expect(all.status == 0)
            #expect(all.output.contains("audit: initial → dual-read"))
            #expect(all.output.contains("orders: dual-read → dual-read-write"))
            let refused = try await Self.run(["migrate", "rollback", "shop", "audit", "nope*", "--state", state])
            #expect(refused.status == 1)
            #expect(refused.output.contains("audit: dual-read → initial"))
            #expect(refused.output.contains("nope*: refused — matches no topic of task shop"))

            let status = try await Self.run(["migrate", "status", "shop", "--json", "--state", state]).json()
            #expect(status["quietPeriodSeconds"] as? Int == 120)
            let rows = try #require(status["topics"] as? [[String: Any]])
            #expect(rows.map { $0["topic"] as? String } == ["audit", "orders"])
            #expect(rows.map { $0["stage"] as? String } == ["initial", "dual-read-write"])
            #expect(rows.map { $0["stageNumber"] as? Int } == [0, 2])
            let ordersTarget = try #require(rows[1]["target"] as? [String: Any])
            #expect(ordersTarget["producers"] as? Bool == true)
            #expect(ordersTarget["messagesSinceStageChange"] as? Int == 0)
            // In effect, judged from the facts: initial always is; dual read/write not before a write on the target.
            #expect((rows[0]["effect"] as? [String: Any])?["inEffect"] as? Bool == true)
            let ordersEffect = try #require(rows[1]["effect"] as? [String: Any])
            #expect(ordersEffect["inEffect"] as? Bool == false)
            #expect(ordersEffect["reason"] as? String == "no write seen on the target yet")
            let text = try await Self.run(["migrate", "status", "shop", "ord*", "--state", state])
            #expect(text.output.contains("orders  2 dual-read-write  yes      both       both"))

            let history = try await Self.run(["migrate", "history", "shop", "orders", "--json", "--state", state]).json()
            let entries = try #require(history["entries"] as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == ["create", "advance", "advance"])
            #expect(entries.last?["reason"] as? String == "window 7")
            #expect(entries.last?["toStage"] as? Int == 2)

            let preview = try await Self.run(["migrate", "preview", "shop", "orders", "--json", "--state", state]).json()
            let route = try #require((preview["routes"] as? [[String: Any]])?.first)
            #expect(route["toStage"] as? Int == 3)
            let queues = try #require((route["route"] as? [String: Any])?["queueDatas"] as? [[String: Any]])
            #expect(queues.map { $0["perm"] as? Int } == [4, 4, 6])
            let historyAfter = try await Self.run(["migrate", "history", "shop", "--state", state])
            #expect(historyAfter.output.split(separator: "\n").count == 6, "preview writes nothing")
        }
    }

    @Test(.enabled(if: ferry != nil, "the ferry executable is not built next to the tests"))
    func aBrokerNameInBothClustersBlocksCreate() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        try await SandboxClusters.with { sandbox in
            try await sandbox.createTopic("orders", on: sandbox.source)
            let clash = try await SandboxCluster.start(
                name: "Clash", brokerNames: ["source-b"], logger: SandboxClusters.logger)
            let run = try await Self.run([
                "migrate", "create", "x", "--source", sandbox.source.nameServerAddress, "--target",
                clash.nameServerAddress, "--state", state, "--all",
            ])
            await clash.shutdown()
            #expect(run.status == 2)
            #expect(run.error.contains("broker name source-b exists in both clusters"))
        }
    }

    @Test(.enabled(if: ferry != nil, "the ferry executable is not built next to the tests"))
    func helpListsTheSurfaceAndBadArgumentsAreRefusedBeforeAnythingRuns() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let help = try await Self.run(["migrate", "--help"])
        #expect(help.status == 0)
        for command in ["create", "status", "history", "advance", "rollback", "preview"] {
            #expect(help.output.contains("  \(command) "), "\(command)")
        }
        let noSelection = try await Self.run(["migrate", "advance", "shop", "--state", state])
        #expect(noSelection.status == 64)
        #expect(noSelection.error.contains("give topics or --all"))
        let both = try await Self.run(["migrate", "rollback", "shop", "a", "--all", "--state", state])
        #expect(both.status == 64)
        let badServers = try await Self.run(["migrate", "create", "shop", "--source", "nohost", "--target", "t:1", "--all", "--state", state])
        #expect(badServers.status == 64)
        #expect(badServers.error.contains("'nohost' is not host:port"))
        let badQuiet = try await Self.run([
            "migrate", "create", "shop", "--source", "s:1", "--target", "t:1", "--quiet-period", "8d", "--all", "--state", state,
        ])
        #expect(badQuiet.status == 64)
        let unknown = try await Self.run(["migrate", "status", "nope", "--state", state])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no task named nope"))
    }
}
