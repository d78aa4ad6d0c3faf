import ControlProtocol
import FerryAgent
import Foundation
import Testing
import TrafficMigration

/// Fail-static, the operator's side: with no coordinator, `ferry migrate --state <the agent's file>` steps a
/// topic while the agent runs, and the agent's proxy serves the new stage.
@Suite(.serialized, .timeLimit(.minutes(3))) struct AgentLocalCLITests {
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

    /// Runs `ferry` on a dispatch thread (waiting on a cooperative thread could starve the in-process clusters).
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = Self.ferry
                        process.arguments = arguments
                        let output = Pipe()
                        process.standardOutput = output
                        process.standardError = output
                        try process.run()
                        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                        process.waitUntilExit()
                        return (process.terminationStatus, text)
                    })
            }
        }
    }

    @Test(.enabled(if: ferry != nil, "the ferry executable is not built next to the tests"))
    func theLocalCLIStepsTheAgentsFileAndTheAgentsProxyServesIt() async throws {
        try await AgentSandbox.with(topics: ["Orders"]) { sandbox in
            let configuration = sandbox.configuration()
            let service = try FerryAgentService(configuration: configuration, logger: AgentSandbox.logger)
            let running = Task { try await service.run() }
            defer { running.cancel() }
            let port = await service.proxyPort
            guard case .ack(let created) = await service.execute(id: "c-1", command: AgentServiceTests.create), created.ok else {
                Issue.record("create failed")
                return
            }
            let advanced = try await Self.run([
                "migrate", "advance", "task", "Orders", "--state", configuration.statePath, "--ignore-health",
                "--reason", "coordinator down",
            ])
            #expect(advanced.status == 0, "\(advanced.output)")
            #expect(advanced.output.contains("Orders: initial → dual-read"), "\(advanced.output)")
            #expect(await eventually { try await sandbox.routeThroughProxy("Orders", port: port)?.shape == ["broker-a:6", "broker-t:4"] })
            #expect(await eventually { await service.state?.tasks.first?.status.topics.first?.stageNumber == 1 })
            let status = try await Self.run(["migrate", "status", "task", "--state", configuration.statePath, "--json"])
            #expect(status.status == 0, "\(status.output)")
        }
    }
}
