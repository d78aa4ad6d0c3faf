import ControlProtocol
import FerryDashboard

/// The coordinator's in-process operations as the dashboard's backend: the same registry, states and dispatch an
/// operator's `REQ` lines reach, with the logged-in operator as every command's actor.
struct CoordinatorDashboardBackend: DashboardBackend {
    let operations: CoordinatorOperations

    func agents(_ selector: AgentSelector?) async throws -> AgentList {
        await operations.agents(selector)
    }

    func status(_ selector: AgentSelector?) async throws -> AgentStates {
        await operations.status(selector)
    }

    func dispatch(_ command: AgentCommand, to selector: AgentSelector?, timeout: Duration?, actor: String) async throws
        -> DispatchResult
    {
        try await operations.dispatch(command, to: selector, timeout: timeout, actor: actor)
    }

    /// The coordinator's watcher stream, re-subscribed when the coordinator drops a watcher that fell behind (the
    /// page refetches on the next update, so a gap costs nothing but a moment).
    func updates() -> AsyncStream<DashboardUpdate> {
        let operations = self.operations
        return AsyncStream(bufferingPolicy: .bufferingNewest(256)) { continuation in
            let relay = Task {
                while !Task.isCancelled {
                    for await update in await operations.updates() {
                        switch update {
                        case .event(let event): continuation.yield(.event(event))
                        case .state(let state): continuation.yield(.state(state))
                        }
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in relay.cancel() }
        }
    }
}
