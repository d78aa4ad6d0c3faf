public import Foundation
public import MigrationEngine
public import MigrationStore

/// Creates a traffic-migration task from the source's topics, as `ferry migrate create` and the agent's
/// `migrate.create` do: refused when a broker name exists in both clusters; topics resolved by
/// ``MigrationTaskResolver``; stored at stage 0 with the offsets snapshotted now.
public struct TrafficTaskCreator: Sendable {
    /// Where the task is stored.
    public var store: TrafficStore
    /// The task's clusters.
    public var clusters: TrafficClusters

    /// A creator over `store` and `clusters`.
    public init(store: TrafficStore, clusters: TrafficClusters) {
        self.store = store
        self.clusters = clusters
    }

    /// Creates the task and returns it.
    /// - Throws: ``TrafficMigrationError`` for a broker-name clash or an empty selection; ``MigrationStoreError``
    ///   `taskExists` when the name is taken; cluster errors when the source cannot be read.
    public func create(
        name: String, sourceNameServers: [String], targetNameServers: [String],
        selection: MigrationTaskResolver.Selection, extraGroups: [String], quietPeriodSeconds: Int64,
        audit: TrafficAuditContext
    ) async throws -> MigrationTask {
        let clash = RoutingTable.clashingBrokerNames(
            source: try await self.clusters.source.brokerNames(), target: try await self.clusters.target.brokerNames())
        if !clash.isEmpty {
            throw TrafficMigrationError(
                .invalidArgument,
                "broker name \(clash.joined(separator: ", ")) exists in both clusters; clients could not "
                    + "tell the brokers apart — rename the target's brokers before migrating")
        }
        let task = try await MigrationTaskResolver(source: self.clusters.source).resolve(
            name: name, sourceNameServers: sourceNameServers, targetNameServers: targetNameServers,
            selection: selection, extraGroups: extraGroups, quietPeriodSeconds: quietPeriodSeconds)
        let offsets = await self.clusters.offsetSnapshots(of: task.topics.map(\.name), now: Date())
        try await self.store.create(task, audit: audit, offsets: offsets)
        return task
    }
}
