import ControlProtocol
import FerryCoordinator
import Foundation
import Logging

/// `ferry-bench agents`: 5,000 light agent connections (each ACKs a CMD at once) on one in-process
/// ``CoordinatorService``; the time to dispatch one command to every agent and collect every ack (the
/// coordinator commits the command and every outcome to its state file, as in production), and the process's
/// peak RSS. Needs `ulimit -n` ≥ 2 × agents + 100 (both ends of every connection live in this process).
enum AgentsBenchmark {
    static let agents = Int(ProcessInfo.processInfo.environment["FERRY_BENCH_AGENTS"] ?? "") ?? 5_000
    static let logger = Logger(label: "bench-agents") { _ in SwiftLogNoOpLogHandler() }

    static func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-bench-agents-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secretBytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let secretFile = directory.appendingPathComponent("secret").path
        guard
            FileManager.default.createFile(
                atPath: secretFile, contents: Data(secretBytes), attributes: [.posixPermissions: 0o600])
        else { throw ControlErrorBody(.failed, "cannot write \(secretFile)") }
        var limits = CoordinatorConfiguration.Limits()
        limits.maxAgents = agents + 100
        let configuration = CoordinatorConfiguration(
            listen: "127.0.0.1:0", secretFile: secretFile, stateDirectory: directory.path, commandTimeoutSeconds: 60,
            limits: limits)
        let coordinator = try CoordinatorService(configuration: configuration, logger: logger)
        let serving = Task { try await coordinator.run() }
        let port = await coordinator.port
        let secret = try ControlSecret(bytes: secretBytes)
        let rssBefore = peakRSS()

        let connectStart = ContinuousClock.now
        let clients = try await connectAgents(port: port, secret: secret)
        while await coordinator.operations.agents().agents.filter(\.connected).count < agents {
            try await Task.sleep(for: .milliseconds(50))
        }
        let connectTime = ContinuousClock.now - connectStart

        let broadcastStart = ContinuousClock.now
        let result = try await coordinator.operations.dispatch(
            AgentCommand(action: .migrateStatus, task: "bench"), to: nil, timeout: .seconds(60), actor: "bench")
        let broadcastTime = ContinuousClock.now - broadcastStart
        let succeeded = result.outcomes.filter { $0.status == .succeeded }.count
        let peak = peakRSS()

        print("agents: \(agents) connected to CoordinatorService in \(String(format: "%.2f s", connectTime.inSeconds)) (auth included)")
        print(
            "dispatch 1 CMD to all + collect ACKs: \(String(format: "%.3f s", broadcastTime.inSeconds)), "
                + "\(succeeded) of \(agents) succeeded (target < 2 s)")
        print("peak RSS of the process (coordinator + \(agents) clients): \(peak / 1024) MiB (\(rssBefore / 1024) MiB before connecting)")

        for channel in clients { await channel.close() }
        serving.cancel()
    }

    /// The agents' side, 100 dialling at a time: each authenticates and answers every CMD with an ACK at once.
    static func connectAgents(port: Int, secret: ControlSecret) async throws -> [ControlChannel] {
        var channels: [ControlChannel] = []
        let batch = 100
        for start in stride(from: 0, to: agents, by: batch) {
            try await withThrowingTaskGroup(of: ControlChannel.self) { group in
                for index in start..<min(start + batch, agents) {
                    group.addTask {
                        let configuration = ControlClientConfiguration(
                            host: "127.0.0.1", port: port, role: .agent, id: "bench-agent-\(index)", secret: secret)
                        return try await ControlClient.connect(configuration, logger: logger)
                    }
                }
                for try await channel in group { channels.append(channel) }
            }
        }
        for channel in channels {
            Task {
                for try await line in channel.inbound where line.verb == .cmd {
                    let result = CommandResult(ok: true, summary: "ok")
                    try await channel.send(ControlLine(.ack, id: line.id, result))
                }
            }
        }
        return channels
    }

    /// The process's peak resident set (VmHWM in /proc/self/status), KiB; 0 where /proc is missing.
    static func peakRSS() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
