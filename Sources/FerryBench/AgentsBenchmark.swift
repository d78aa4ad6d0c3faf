import ControlProtocol
import Foundation
import Logging
import Synchronization

/// `ferry-bench agents`: 5,000 light agent connections (each ACKs a CMD at once) on one control-protocol
/// server in this process; the time to broadcast one command and collect every ack, and the process's peak RSS.
///
/// The hub is a bare ``ControlServer`` that keeps every authenticated channel and fans one `CMD` out to all of
/// them: the transport's share of a coordinator's broadcast (auth, framing, JSON, one write per agent). Needs
/// `ulimit -n` ≥ 2 × agents + 100 (both ends of every connection live in this process).
enum AgentsBenchmark {
    static let agents = Int(ProcessInfo.processInfo.environment["FERRY_BENCH_AGENTS"] ?? "") ?? 5_000
    static let logger = Logger(label: "bench-agents") { _ in SwiftLogNoOpLogHandler() }

    /// The server's channels and the acks it collected.
    final class Hub: Sendable {
        private let state = Mutex<(channels: [ControlChannel], acks: Int)>(([], 0))
        let allAcked = AsyncStream<Void>.makeStream()
        let total: Int

        init(total: Int) { self.total = total }

        var connected: Int { self.state.withLock { $0.channels.count } }
        var channels: [ControlChannel] { self.state.withLock { $0.channels } }

        func handle(_ channel: ControlChannel) async {
            self.state.withLock { $0.channels.append(channel) }
            do {
                for try await line in channel.inbound where line.verb == .ack {
                    let done = self.state.withLock { state in
                        state.acks += 1
                        return state.acks == self.total
                    }
                    if done { self.allAcked.continuation.yield() }
                }
            } catch {}
        }
    }

    static func run() async throws {
        let secret = try ControlSecret(bytes: Array(repeating: 7, count: 32))
        var limits = ControlLimits()
        limits.maxConnections = agents + 100
        let server = try await ControlServer.bind(
            ControlServerConfiguration(host: "127.0.0.1", port: 0, serverName: "ferry-bench", secret: secret, limits: limits),
            logger: logger)
        let hub = Hub(total: agents)
        let serving = Task { try await server.run { await hub.handle($0) } }
        let rssBefore = peakRSS()

        let connectStart = ContinuousClock.now
        let clients = try await connectAgents(port: server.port, secret: secret)
        while hub.connected < agents { try await Task.sleep(for: .milliseconds(10)) }
        let connectTime = ContinuousClock.now - connectStart

        let command = AgentCommand(action: .migrateStatus, task: "bench")
        let line = try ControlLine(.cmd, id: "c-bench-0001", command)
        let broadcastStart = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for channel in hub.channels { group.addTask { try? await channel.send(line) } }
        }
        var acked = hub.allAcked.stream.makeAsyncIterator()
        _ = await acked.next()
        let broadcastTime = ContinuousClock.now - broadcastStart
        let peak = peakRSS()

        print("agents: \(agents) connected in \(String(format: "%.2f s", connectTime.inSeconds)) (auth included)")
        print("broadcast 1 CMD + \(agents) ACKs: \(String(format: "%.3f s", broadcastTime.inSeconds)) (target < 2 s)")
        print("peak RSS of the process (server + \(agents) clients): \(peak / 1024) MiB (\(rssBefore / 1024) MiB before connecting)")

        for channel in clients.channels { await channel.close() }
        await server.shutdown()
        serving.cancel()
    }

    /// The agents' side: each dials, authenticates and answers every CMD with an ACK at once.
    final class Clients: Sendable {
        let channels: [ControlChannel]
        init(channels: [ControlChannel]) { self.channels = channels }
    }

    static func connectAgents(port: Int, secret: ControlSecret) async throws -> Clients {
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
        return Clients(channels: channels)
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
