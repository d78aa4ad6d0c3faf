import ControlProtocol
import Logging

/// The agent's side of the line protocol: dials the coordinator, and while connected sends its full
/// ``AgentState`` first and again whenever it changes (at most about once a second), forwards its events
/// (through a ``CoordinatorOutbox``), and answers each `CMD` with an `ACK` (or `ERR`) through the
/// ``AgentCommandExecutor``. When the connection fails it dials again after a jittered exponential backoff;
/// nothing else in the agent waits for it (fail-static).
struct CoordinatorLink: Sendable {
    /// The least time between two STATE lines.
    static let stateInterval: Duration = .seconds(1)

    let configuration: ControlClientConfiguration
    let executor: AgentCommandExecutor
    let monitor: AgentMonitor
    let events: AsyncStream<AgentEvent>
    let changes: AsyncStream<Void>
    let backoff: ReconnectBackoff
    let logger: Logger

    /// Dials, serves, dials again; until cancelled. The state and event streams are read here for the link's
    /// whole life (an `AsyncStream` ends for good when its reader is cancelled), whatever the connection.
    func run() async {
        let outbox = CoordinatorOutbox()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in self.changes {
                    await outbox.send(await self.monitor.state)
                    try? await Task.sleep(for: Self.stateInterval)
                }
            }
            group.addTask {
                for await event in self.events { await outbox.send(event) }
            }
            await self.dial(outbox)
            group.cancelAll()
        }
    }

    private func dial(_ outbox: CoordinatorOutbox) async {
        var attempt = 0
        while !Task.isCancelled {
            do {
                let channel = try await ControlClient.connect(self.configuration, logger: self.logger)
                attempt = 0
                self.logger.info("agent.coordinator.connected", metadata: ["coordinator.address": "\(channel.peer.remoteAddress)"])
                await self.serve(channel, outbox: outbox)
                self.logger.info("agent.coordinator.disconnected")
            } catch {
                self.logger.info(
                    "agent.coordinator.unreachable",
                    metadata: ["coordinator.host": "\(self.configuration.host)", "error": "\(error)"])
            }
            if Task.isCancelled { break }
            try? await Task.sleep(for: self.backoff.delay(attempt: attempt))
            attempt = min(attempt + 1, 30)
        }
    }

    /// One connection: the full state first, then command answers until it closes or the agent stops.
    private func serve(_ channel: ControlChannel, outbox: CoordinatorOutbox) async {
        do {
            try await outbox.attach(channel, state: await self.monitor.state)
            for try await line in channel.inbound { await self.handle(line, on: channel) }
        } catch {
            self.logger.info("agent.coordinator.lost", metadata: ["error": "\(error)"])
        }
        await outbox.detach()
        await channel.close()
    }

    private func handle(_ line: ControlLine, on channel: ControlChannel) async {
        switch line.verb {
        case .cmd:
            let reply: AgentCommandExecutor.Reply
            do throws(ControlErrorBody) {
                reply = await self.executor.execute(id: line.id, command: try line.decode(AgentCommand.self))
            } catch {
                reply = .error(error)
            }
            let answer: ControlLine?
            switch reply {
            case .ack(let result): answer = try? ControlLine(.ack, id: line.id, result)
            case .error(let body): answer = try? ControlLine(.err, id: line.id, body)
            }
            if let answer { try? await channel.send(answer) }
        case .err:
            self.logger.info("agent.coordinator.error", metadata: ["line.id": "\(line.id)", "line.payload": "\(line.payload ?? "")"])
        case .ok, .bye:
            break
        default:
            try? await channel.send(
                try ControlLine(.err, id: line.id, ControlErrorBody(.forbidden, "an agent does not take \(line.verb.rawValue)")))
        }
    }
}
