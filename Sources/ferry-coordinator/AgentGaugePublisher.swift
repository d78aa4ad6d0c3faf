import FerryCoordinator
import FerryMetrics
import ServiceLifecycle

/// Publishes the registry's connected and disconnected agent counts (`ferry_coordinator_agents`) every few
/// seconds, off the coordinator's hot paths, until graceful shutdown.
struct AgentGaugePublisher: Service {
    let operations: CoordinatorOperations
    let metrics = CoordinatorMetrics()

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                self.metrics.publish(await self.operations.agents(nil))
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }
}
