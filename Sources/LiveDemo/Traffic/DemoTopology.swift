public import Logging
import RocketMQClient
import RocketMQRemoting
public import RocketMQSandbox

/// What the demo's traffic looks like: the topics, the consumer groups that read them and the producer group
/// that writes them. Every group subscribes to every topic, so each topic has ``groups``.count groups.
public struct DemoTopology: Sendable, Equatable {
    /// The topics, each written by its own producer. Plain names: the example hooks leave them unchanged.
    public var topics: [String]
    /// The consumer groups; each subscribes to every topic with `*`.
    public var groups: [String]
    /// The producers' group (the readiness checks look producer connections up by group).
    public var producerGroup: String

    /// Three topics, two groups (the defaults of `ferry demo live`).
    public init(
        topics: [String] = ["demo_orders", "demo_payments", "demo_events"],
        groups: [String] = ["GID_demo_billing", "GID_demo_audit"],
        producerGroup: String = "GID_demo_producer"
    ) {
        self.topics = topics
        self.groups = groups
        self.producerGroup = producerGroup
    }

    /// The topics each group reads (every topic, for every group).
    public var subscriptions: [String: Set<String>] {
        var subscriptions: [String: Set<String>] = [:]
        for group in self.groups { subscriptions[group] = Set(self.topics) }
        return subscriptions
    }

    /// Creates the topics (4 queues) and the groups on every broker of `cluster`, then waits until the
    /// NameServer routes every topic (a registration lost on a loaded machine is retried).
    /// - Throws: the admin request's error, or ``RocketMQClientError`` `noRoute` when a topic never appears.
    public func seed(_ cluster: SandboxCluster, logger: Logger) async throws {
        let client = RemotingClient(logger: logger)
        do {
            try await self.seed(cluster, client: client)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func seed(_ cluster: SandboxCluster, client: RemotingClient) async throws {
        let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
        for address in cluster.brokerAddresses.values.sorted() {
            for topic in self.topics {
                try await admin.createOrUpdateTopic(
                    TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
            }
            for group in self.groups {
                try await admin.createOrUpdateGroup(SubscriptionGroupConfig(groupName: group), broker: address)
            }
        }
        for topic in self.topics {
            try await Self.waitForRoute(topic, cluster: cluster, admin: admin)
        }
    }

    /// Waits until `cluster`'s NameServer routes every topic (after a metadata import into it). A topic still
    /// missing after the brokers re-register is written again with the same config (4 queues), which gives the
    /// broker a new topic-table version: registrations sent concurrently during an import can leave the
    /// NameServer holding the newest version without that topic, and it then skips every re-registration of
    /// that same version. Returns the topics that had to be written again.
    /// - Throws: ``RocketMQClientError`` `noRoute` when a topic never appears.
    @discardableResult
    public func waitForRoutes(_ cluster: SandboxCluster, logger: Logger) async throws -> [String] {
        let client = RemotingClient(logger: logger)
        let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
        var rewritten: [String] = []
        do {
            for topic in self.topics {
                if (try? await admin.topicRoute(topic)) != nil { continue }
                await cluster.registerBrokers()
                if (try? await admin.topicRoute(topic)) != nil { continue }
                for address in cluster.brokerAddresses.values.sorted() {
                    try await admin.createOrUpdateTopic(
                        TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
                }
                rewritten.append(topic)
                try await Self.waitForRoute(topic, cluster: cluster, admin: admin)
            }
            await client.shutdown()
            return rewritten
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private static func waitForRoute(_ topic: String, cluster: SandboxCluster, admin: RocketMQAdmin) async throws {
        for _ in 0..<20 {
            if (try? await admin.topicRoute(topic)) != nil { return }
            await cluster.registerBrokers()
            if (try? await admin.topicRoute(topic)) != nil { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw RocketMQClientError(.noRoute, "topic \(topic) never appeared in \(cluster.nameServerAddress)")
    }
}
