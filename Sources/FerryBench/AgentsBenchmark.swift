import ControlProtocol
import FerryCoordinator
import Foundation
import Logging

/// `ferry-bench agents`: 5,000 light agent connections (each ACKs a CMD at once) on one coordinator; the time to
/// connect them, the time to dispatch one command to every agent and collect every ack (several rounds; the
/// coordinator commits the command and every outcome to its state file, as in production), and peak RSS.
///
/// The coordinator is the `ferry-coordinator` executable beside `ferry-bench`, run as a child process so its
/// peak RSS is its own, dispatched to by an operator connection; `FERRY_BENCH_COORDINATOR=in-process` (or no
/// `ferry-coordinator` built) runs a ``CoordinatorService`` in this process instead. Needs `ulimit -n` ≥
/// agents + 100 (2 × agents + 100 in-process, where both ends of every connection live in this process).
enum AgentsBenchmark {
    static let agents = Int(ProcessInfo.processInfo.environment["FERRY_BENCH_AGENTS"] ?? "") ?? 5_000
    static let rounds = max(Int(ProcessInfo.processInfo.environment["FERRY_BENCH_ROUNDS"] ?? "") ?? 5, 1)
    static let logger = Logger(label: "bench-agents") { _ in SwiftLogNoOpLogHandler() }
    static let command = AgentCommand(action: .migrateStatus, task: "bench")

    /// The coordinator under test, in whichever process it runs.
    struct Coordinator {
        let port: Int
        let name: String
        let connected: () async throws -> Int
        let dispatch: () async throws -> DispatchResult
        /// The coordinator's own peak RSS (KiB), nil when it shares this process.
        let peakRSS: () -> Int?
        let stop: () async -> Void
    }

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
        let secret = try ControlSecret(bytes: secretBytes)
        let inProcess = ProcessInfo.processInfo.environment["FERRY_BENCH_COORDINATOR"] == "in-process"
        let coordinator: Coordinator
        if !inProcess, let executable = ProcFS.executable("ferry-coordinator") {
            coordinator = try await child(executable, directory: directory, secretFile: secretFile, secret: secret)
        } else {
            coordinator = try await inProcessCoordinator(directory: directory, secretFile: secretFile)
        }
        let rssBefore = ProcFS.statusKiB("VmHWM")

        let connectStart = ContinuousClock.now
        let clients = try await connectAgents(port: coordinator.port, secret: secret)
        while try await coordinator.connected() < agents {
            try await Task.sleep(for: .milliseconds(100))
        }
        let connectTime = ContinuousClock.now - connectStart
        print("agents: \(agents) connected to \(coordinator.name) in \(seconds(connectTime)) (auth included)")

        var times: [Duration] = []
        var succeeded: [Int] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            let result = try await coordinator.dispatch()
            times.append(ContinuousClock.now - start)
            succeeded.append(result.outcomes.filter { $0.status == .succeeded }.count)
        }
        times.sort()
        print(
            "dispatch 1 CMD to all + collect ACKs, \(rounds) rounds: median \(seconds(times[times.count / 2])), "
                + "min \(seconds(times[0])), max \(seconds(times[times.count - 1])); "
                + "succeeded per round \(succeeded.map(String.init).joined(separator: ", ")) of \(agents) (target < 2 s)")
        let peak = ProcFS.statusKiB("VmHWM")
        if let coordinatorPeak = coordinator.peakRSS() {
            print("peak RSS of the coordinator process: \(coordinatorPeak / 1024) MiB (target < 300 MB)")
            print("peak RSS of the \(agents) clients' process: \(peak / 1024) MiB (\(rssBefore / 1024) MiB before connecting)")
        } else {
            print("peak RSS of the process (coordinator + \(agents) clients): \(peak / 1024) MiB (\(rssBefore / 1024) MiB before connecting)")
        }
        for channel in clients { await channel.close() }
        await coordinator.stop()
    }

    /// `ferry-coordinator` as a child process, driven through an operator connection.
    static func child(_ executable: URL, directory: URL, secretFile: String, secret: ControlSecret) async throws
        -> Coordinator
    {
        let process = try await CoordinatorProcess.start(
            executable: executable, directory: directory, secretFile: secretFile, agents: agents)
        let client: OperatorClient
        do {
            client = try await OperatorClient.connect(
                ControlClientConfiguration(host: "127.0.0.1", port: process.port, role: .operator, id: "bench", secret: secret),
                logger: logger)
        } catch {
            process.stop()
            throw error
        }
        return Coordinator(
            port: process.port, name: "a ferry-coordinator process (pid \(process.process.processIdentifier))",
            connected: { try await client.agents(nil).agents.filter(\.connected).count },
            dispatch: { try await client.dispatch(command, to: nil, timeout: .seconds(60), commandId: nil) },
            peakRSS: { process.peakRSS },
            stop: {
                await client.close()
                process.stop()
            })
    }

    /// A ``CoordinatorService`` in this process.
    static func inProcessCoordinator(directory: URL, secretFile: String) async throws -> Coordinator {
        var limits = CoordinatorConfiguration.Limits()
        limits.maxAgents = agents + 100
        let configuration = CoordinatorConfiguration(
            listen: "127.0.0.1:0", secretFile: secretFile, stateDirectory: directory.path, commandTimeoutSeconds: 60,
            limits: limits)
        let service = try CoordinatorService(configuration: configuration, logger: logger)
        let serving = Task { try await service.run() }
        return Coordinator(
            port: await service.port, name: "an in-process CoordinatorService",
            connected: { await service.operations.agents().agents.filter(\.connected).count },
            dispatch: { try await service.operations.dispatch(command, to: nil, timeout: .seconds(60), actor: "bench") },
            peakRSS: { nil }, stop: { serving.cancel() })
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

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f s", duration.inSeconds)
    }
}
