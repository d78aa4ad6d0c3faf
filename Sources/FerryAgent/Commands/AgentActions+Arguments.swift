import ControlProtocol
import MigrationEngine
import MigrationStore
import TrafficMigration

extension AgentActions {
    /// The most topic selectors one command may carry.
    static let maximumSelectors = 10_000

    /// The command's task, else the agent's; checked like `ferry migrate`'s names.
    func taskName(_ command: AgentCommand) throws -> String {
        let name = command.task ?? self.context.configuration.task
        do throws(TrafficMigrationError) {
            return try TrafficArguments.taskName(name)
        } catch {
            throw ControlErrorBody(.malformed, "task: \(error.reason)")
        }
    }

    /// The command's task as stored; `404` when there is none.
    func task(_ command: AgentCommand) throws -> MigrationTask {
        let name = try self.taskName(command)
        guard let task = try self.context.traffic.task(named: name) else {
            throw ControlErrorBody(.notFound, "no task named \(name)")
        }
        return task
    }

    /// The topics a command picks: `all`, or its selectors; a step needs one of them.
    static func selection(_ command: AgentCommand, required: Bool) throws -> MigrationTaskResolver.Selection {
        let selectors = command.topics ?? []
        if command.all == true, !selectors.isEmpty { throw ControlErrorBody(.malformed, "give topics or all, not both") }
        if required, command.all != true, selectors.isEmpty { throw ControlErrorBody(.malformed, "give topics or all") }
        guard selectors.count <= Self.maximumSelectors else {
            throw ControlErrorBody(.malformed, "at most \(Self.maximumSelectors) topic selectors")
        }
        return command.all == true || selectors.isEmpty ? .all : .selectors(selectors.map(TopicSelector.init))
    }

    /// The topics of `task` that `selection` picks, in the task's order.
    static func pick(_ task: MigrationTask, _ selection: MigrationTaskResolver.Selection) -> [MigrationTopic] {
        switch selection {
        case .all: return task.topics
        case .selectors(let selectors):
            let names = Set(TopicSelector.select(selectors, from: task.topics.map(\.name)).selected)
            return task.topics.filter { names.contains($0.name) }
        }
    }

    /// Who and why, for the audit log: the operator the coordinator names, else the coordinator itself.
    static func audit(_ command: AgentCommand) -> TrafficAuditContext {
        TrafficAuditContext(
            actor: command.actor ?? "coordinator", reason: command.reason,
            overrides: command.ignoreHealth == true ? ["health"] : [])
    }

    /// Admin connections to the agent's two clusters (with its ACL keys) for the duration of `body`.
    func withClusters<T>(_ body: (TrafficClusters) async throws -> T) async throws -> T {
        let configuration = self.context.configuration
        return try await TrafficClusters.with(
            source: configuration.source.nameServers, target: configuration.target.nameServers,
            sourceCredentials: self.context.sourceCredentials, targetCredentials: self.context.targetCredentials,
            logger: self.context.logger, body)
    }
}
