import ControlProtocol
import Logging

/// Serves one authenticated agent connection: registers it (replacing an earlier connection with the same
/// id; the hub re-sends its unfinished commands), then takes its `STATE`, `EVENT` and `ACK` lines until it leaves.
struct AgentSession {
    let hub: CoordinatorHub
    let channel: ControlChannel
    let logger: Logger

    func run() async {
        let peer = self.channel.peer
        guard let generation = await self.hub.connect(peer, channel: self.channel) else {
            self.logger.warning("coordinator.agent.refused", metadata: ["agent.id": "\(peer.id)"])
            try? await self.channel.send(
                ControlLine(.err, id: "-", ControlErrorBody(.busy, "the coordinator holds its maximum of agents")))
            await self.channel.close()
            return
        }
        do {
            for try await line in self.channel.inbound {
                if line.verb == .bye { break }
                await self.handle(line, agentId: peer.id)
            }
        } catch {
            self.logger.debug("coordinator.agent.readEnded", metadata: ["agent.id": "\(peer.id)", "error": "\(error)"])
        }
        await self.hub.disconnect(agentId: peer.id, generation: generation)
    }

    private func handle(_ line: ControlLine, agentId: String) async {
        do throws(ControlErrorBody) {
            switch line.verb {
            case .state:
                let state = try line.decode(AgentState.self)
                guard state.agentId == agentId else { throw Self.notYours("state", of: state.agentId) }
                await self.hub.stateReceived(state, json: line.payload ?? "{}")
                try? await self.channel.send(ControlLine(.ok, id: line.id))
            case .event:
                let event = try line.decode(AgentEvent.self)
                guard event.agentId == agentId else { throw Self.notYours("event", of: event.agentId) }
                await self.hub.eventReceived(event)
                try? await self.channel.send(ControlLine(.ok, id: line.id))
            case .ack:
                let result = try line.decode(CommandResult.self)
                await self.hub.ackReceived(agentId: agentId, commandId: line.id, result: result, json: line.payload ?? "{}")
            case .ok, .err:
                await self.hub.seen(agentId)
            default:
                throw ControlErrorBody(.forbidden, "an agent sends STATE, EVENT and ACK lines, not \(line.verb.rawValue)")
            }
        } catch {
            self.logger.debug(
                "coordinator.agent.lineRefused", metadata: ["agent.id": "\(agentId)", "error.code": "\(error.code)"])
            try? await self.channel.send(ControlLine(.err, id: line.id, error))
        }
    }

    private static func notYours(_ what: String, of other: String) -> ControlErrorBody {
        ControlErrorBody(.forbidden, "this connection is authenticated as another agent than the \(what)'s \(other)")
    }
}
