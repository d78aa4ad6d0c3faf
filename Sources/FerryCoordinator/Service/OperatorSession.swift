import ControlProtocol
import Logging

/// Serves one authenticated operator connection: each `REQ` line runs in its own task (a dispatch may wait
/// for acks while the same operator asks for the registry), at most ``maxRequestsInFlight`` at once; further
/// lines wait in the connection. The operator's authenticated id is the actor of every command it dispatches.
struct OperatorSession {
    /// Requests of one operator connection served at once.
    static let maxRequestsInFlight = 16

    let hub: CoordinatorHub
    let channel: ControlChannel
    let logger: Logger

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            do {
                for try await line in self.channel.inbound {
                    if line.verb == .bye { break }
                    guard line.verb == .req else {
                        try? await self.channel.send(
                            ControlLine(.err, id: line.id, ControlErrorBody(.forbidden, "an operator sends REQ lines")))
                        continue
                    }
                    if running >= Self.maxRequestsInFlight {
                        _ = await group.next()
                        running -= 1
                    }
                    running += 1
                    group.addTask { await self.serve(line) }
                }
            } catch {
                self.logger.debug("coordinator.operator.readEnded", metadata: ["operator.id": "\(self.channel.peer.id)"])
            }
            group.cancelAll()
        }
    }

    private func serve(_ line: ControlLine) async {
        do throws(ControlErrorBody) {
            let request = try line.decode(OperatorRequest.self)
            switch request.action {
            case .agents:
                try await self.answer(line.id, await self.hub.agentList(request.selector))
            case .status:
                try await self.answer(line.id, await self.hub.states(request.selector))
            case .dispatch:
                guard let command = request.command else {
                    throw ControlErrorBody(.malformed, "dispatch needs a command")
                }
                let timeout = try Self.timeout(request.timeoutMillis)
                let result = try await self.hub.dispatch(
                    command, to: request.selector, timeout: timeout, actor: self.channel.peer.id,
                    commandId: request.commandId)
                try await self.answer(line.id, result)
            case .outcome:
                guard let commandId = request.commandId else {
                    throw ControlErrorBody(.malformed, "outcome needs a commandId")
                }
                try await self.answer(line.id, try await self.hub.outcome(commandId: commandId))
            case .watch:
                try? await self.channel.send(ControlLine(.ok, id: line.id))
                await self.watch()
            }
        } catch {
            try? await self.channel.send(ControlLine(.err, id: line.id, error))
        }
    }

    private func answer(_ id: String, _ body: some Encodable) async throws(ControlErrorBody) {
        let line = try ControlLine(.ok, id: id, body)
        try? await self.channel.send(line)
    }

    /// Relays updates until the operator leaves (the task is cancelled) or falls behind (the stream finishes
    /// on its own): then it gets `ERR - 429` and is disconnected, and the coordinator goes on.
    private func watch() async {
        for await update in await self.hub.addWatcher() {
            let line: ControlLine?
            switch update {
            case .event(let event): line = try? ControlLine(.event, id: "-", event)
            case .state(let state): line = try? ControlLine(.state, id: "-", state)
            }
            if let line { try? await self.channel.send(line) }
        }
        guard !Task.isCancelled else { return }
        self.logger.warning("coordinator.operator.watchDropped", metadata: ["operator.id": "\(self.channel.peer.id)"])
        try? await self.channel.send(
            ControlLine(.err, id: "-", ControlErrorBody(.busy, "this watcher fell too far behind and was dropped")))
        await self.channel.close()
    }

    /// A request's timeout, 1 ms to 1 hour; nil means the coordinator's default.
    static func timeout(_ millis: Int?) throws(ControlErrorBody) -> Duration? {
        guard let millis else { return nil }
        guard (1...3_600_000).contains(millis) else {
            throw ControlErrorBody(.malformed, "timeoutMillis must be in 1...3600000")
        }
        return .milliseconds(millis)
    }
}
