import MetadataMigration
import MigrationEngine
import Synchronization

/// A cluster held in memory, speaking ``MetadataClusterAdmin``: counts writes, can refuse some topics,
/// can call back after every write (to cancel an import half-way), or be unreachable.
final class InMemoryCluster: MetadataClusterAdmin {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "connection refused" }
    }

    struct Refused: Error, CustomStringConvertible {
        let reason: String
        var description: String { self.reason }
    }

    struct State {
        var topics: [String: [String: MetadataTopic]] = [:]
        var groups: [String: [String: MetadataGroup]] = [:]
        var offsets: [String: [String: [Int: Int64]]] = [:]
        var acl: AclSnapshot?
        var aclEnabled = false
        var orderTopicConfigs: [String: String] = [:]
        var writes = 0
        var reachable = true
        var refusedTopicPrefix: String?
        var afterWrite: (@Sendable (Int) -> Void)?
    }

    let name: String
    let brokers: [BrokerReference]
    let state: Mutex<State>

    init(name: String, brokerNames: [String]) {
        self.name = name
        self.brokers = brokerNames.enumerated().map { BrokerReference(brokerName: $1, addr: "127.0.0.1:\(30911 + $0)") }
        self.state = Mutex(State())
    }

    var writes: Int { self.state.withLock { $0.writes } }

    func masters(cluster: String?) async throws -> (cluster: String, brokers: [BrokerReference]) {
        try self.read { _ in (self.name, self.brokers) }
    }

    func topics(on broker: BrokerReference) async throws -> [MetadataTopic] {
        try self.read { Array(($0.topics[broker.brokerName] ?? [:]).values) }
    }

    func groups(on broker: BrokerReference) async throws -> [MetadataGroup] {
        try self.read { Array(($0.groups[broker.brokerName] ?? [:]).values) }
    }

    func systemTopics(on broker: BrokerReference) async throws -> Set<String> {
        try self.read { _ in ["TBW102", self.name, broker.brokerName] }
    }

    func consumerOffsets(on broker: BrokerReference) async throws -> [String: [Int: Int64]] {
        try self.read { $0.offsets[broker.brokerName] ?? [:] }
    }

    func aclConfig(on broker: BrokerReference) async throws -> AclSnapshot? {
        try self.read { $0.acl }
    }

    func aclEnabled(on broker: BrokerReference) async throws -> Bool {
        try self.read { $0.aclEnabled }
    }

    func createOrUpdateTopic(_ topic: MetadataTopic, on broker: BrokerReference) async throws {
        try self.write { state in
            if let prefix = state.refusedTopicPrefix, topic.topicName.hasPrefix(prefix) {
                throw Refused(reason: "SYSTEM_ERROR: the topic[\(topic.topicName)] is conflict with system reserved words")
            }
            state.topics[broker.brokerName, default: [:]][topic.topicName] = topic
        }
    }

    func createOrUpdateGroup(_ group: MetadataGroup, on broker: BrokerReference) async throws {
        try self.write { $0.groups[broker.brokerName, default: [:]][group.groupName] = group }
    }

    func createOrUpdateAclAccount(_ account: AclAccount, on broker: BrokerReference) async throws {
        try self.write { state in
            var acl = state.acl ?? AclSnapshot(accounts: [], globalWhiteAddrs: [])
            acl.accounts.removeAll { $0.accessKey == account.accessKey }
            acl.accounts.append(account)
            state.acl = acl
        }
    }

    func orderTopicConfigs() async throws -> [String: String] {
        try self.read { $0.orderTopicConfigs }
    }

    /// A NameServer KV write: not one of the broker writes ``writes`` counts.
    func putOrderTopicConfig(topic: String, config: String) async throws {
        try self.state.withLock { state in
            guard state.reachable else { throw Unreachable() }
            state.orderTopicConfigs[topic] = config
        }
    }

    func updateConsumerOffset(
        topic: String, group: String, queueId: Int, offset: Int64, on broker: BrokerReference
    ) async throws {
        try self.write { $0.offsets[broker.brokerName, default: [:]]["\(topic)@\(group)", default: [:]][queueId] = offset }
    }

    private func read<T>(_ body: (State) throws -> T) throws -> T {
        try self.state.withLock { state in
            guard state.reachable else { throw Unreachable() }
            return try body(state)
        }
    }

    private func write(_ body: (inout State) throws -> Void) throws {
        let (count, callback) = try self.state.withLock { state in
            guard state.reachable else { throw Unreachable() }
            try body(&state)
            state.writes += 1
            return (state.writes, state.afterWrite)
        }
        callback?(count)
    }
}
