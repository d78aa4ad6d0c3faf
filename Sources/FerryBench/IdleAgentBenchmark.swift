import ControlProtocol
import Foundation
import Logging
import RocketMQSandbox

/// `ferry-bench agent-idle`: the `ferry-agent` executable beside `ferry-bench`, idle beside two in-process
/// sandbox clusters (source and target), first with no coordinator, then linked to a `ferry-coordinator` child
/// process: its RSS and its CPU share of one core over `FERRY_BENCH_IDLE_SECONDS` (default 30) after a 5 s
/// warm-up, read from /proc/PID/stat and /proc/PID/status. Targets: under 30 MB and under 1 % of a core.
enum IdleAgentBenchmark {
    static let seconds = max(Int(ProcessInfo.processInfo.environment["FERRY_BENCH_IDLE_SECONDS"] ?? "") ?? 30, 1)

    static func run() async throws {
        guard let agent = ProcFS.executable("ferry-agent") else {
            print("agent-idle: no ferry-agent beside ferry-bench; build it: swift build -c release --product ferry-agent")
            return
        }
        var logger = Logger(label: "ferry.bench")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-bench-idle-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try await SandboxCluster.start(name: "IdleSource", brokerNames: ["broker-a"], logger: logger)
        let target = try await SandboxCluster.start(name: "IdleTarget", brokerNames: ["broker-b"], logger: logger)

        let alone = try await measure(
            agent, config: config(directory, "alone", source: source, target: target, coordinator: nil))
        print("ferry-agent idle, no coordinator: \(alone) (targets < 30 MB, < 1 % of a core)")

        let secretFile = directory.appendingPathComponent("secret").path
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }
        guard
            FileManager.default.createFile(atPath: secretFile, contents: Data(secret), attributes: [.posixPermissions: 0o600])
        else { throw ControlErrorBody(.failed, "cannot write \(secretFile)") }
        if let coordinatorExecutable = ProcFS.executable("ferry-coordinator") {
            let coordinator = try await CoordinatorProcess.start(
                executable: coordinatorExecutable, directory: directory, secretFile: secretFile, agents: 1)
            let linked = try await measure(
                agent,
                config: config(
                    directory, "linked", source: source, target: target,
                    coordinator: (port: coordinator.port, secretFile: secretFile)))
            print("ferry-agent idle, linked to a coordinator: \(linked)")
            print("ferry-coordinator with 1 idle agent: peak RSS \(coordinator.peakRSS / 1024) MiB")
            coordinator.stop()
        } else {
            print("ferry-agent idle, linked to a coordinator: skipped (no ferry-coordinator beside ferry-bench)")
        }
        await source.shutdown()
        await target.shutdown()
    }

    /// Starts the agent on `config`, waits 5 s, samples for ``seconds``, stops it (SIGTERM) and describes the figures.
    static func measure(_ executable: URL, config: URL) async throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--config", config.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let pid = process.processIdentifier
        try await Task.sleep(for: .seconds(5))
        guard process.isRunning else { throw ControlErrorBody(.failed, "ferry-agent exited; check \(config.path)") }
        let ticksBefore = ProcFS.cpuTicks(pid: pid)
        let start = ContinuousClock.now
        var rssMax = 0
        while ContinuousClock.now - start < .seconds(seconds) {
            try await Task.sleep(for: .seconds(1))
            rssMax = max(rssMax, ProcFS.statusKiB("VmRSS", pid: pid))
        }
        let elapsed = (ContinuousClock.now - start).inSeconds
        let ticks = ProcFS.cpuTicks(pid: pid) - ticksBefore
        let share = Double(ticks) / Double(ProcFS.ticksPerSecond) / elapsed * 100
        return String(
            format: "RSS %.1f MiB (peak %.1f MiB), CPU %.2f %% of a core (%d ticks in %.0f s)",
            Double(rssMax) / 1024, Double(ProcFS.statusKiB("VmHWM", pid: pid)) / 1024, share, ticks, elapsed)
    }

    /// An agent config for the two clusters, its proxy on a free loopback port, its state under `directory/name`.
    static func config(
        _ directory: URL, _ name: String, source: SandboxCluster, target: SandboxCluster,
        coordinator: (port: Int, secretFile: String)?
    ) throws -> URL {
        let state = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        var yaml = """
            agentId: bench-idle-\(name)
            cluster: IdleSource
            task: bench
            source:
              nameServers: ["\(source.nameServerAddress)"]
            target:
              nameServers: ["\(target.nameServerAddress)"]
            proxy:
              listen: "127.0.0.1:0"
            stateDirectory: \(state.path)

            """
        if let coordinator {
            yaml += """
                coordinator:
                  address: "127.0.0.1:\(coordinator.port)"
                  secretFile: \(coordinator.secretFile)

                """
        }
        let file = directory.appendingPathComponent("\(name).yaml")
        try Data(yaml.utf8).write(to: file)
        return file
    }
}
