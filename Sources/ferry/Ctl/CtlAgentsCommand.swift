import ArgumentParser
import ControlProtocol
import FerryCoordinator

/// `ferry ctl agents`: the coordinator's registry.
struct CtlAgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "Agents the coordinator knows: cluster, connected, last seen, labels.")

    @OptionGroup var connection: CtlConnectionOptions
    @OptionGroup var selection: CtlSelectorOptions

    func run() async throws {
        let selector = try self.selection.selector()
        let list = try await withOperator(self.connection) { try await $0.agents(selector) }
        if self.selection.json {
            try printJSON(list)
        } else {
            for line in AgentTable.render(list) { print(line) }
        }
    }
}

/// `ferry ctl status`: each agent's last reported state.
struct CtlStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Each agent's proxy and tasks: stage per topic, traffic, readiness.")

    @OptionGroup var connection: CtlConnectionOptions
    @OptionGroup var selection: CtlSelectorOptions

    func run() async throws {
        let selector = try self.selection.selector()
        let states = try await withOperator(self.connection) { try await $0.status(selector) }
        if self.selection.json {
            try printJSON(states)
        } else {
            for line in AgentStatusText.render(states) { print(line) }
        }
    }
}
