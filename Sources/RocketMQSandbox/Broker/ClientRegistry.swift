import RocketMQRemoting

/// The producers and consumers that heartbeat to a broker (`ProducerManager`, `ConsumerManager`).
struct ClientRegistry: Sendable {
    /// One client's connection (`ClientChannelInfo`).
    struct Channel: Sendable, Hashable {
        var connectionID: Int
        var clientId: String
        var clientAddr: String
        var language: String
        var version: Int
        var lastUpdateTimestamp: Int64
    }

    /// A consumer group's members and subscriptions (`ConsumerGroupInfo`).
    struct ConsumerGroup: Sendable {
        var consumeType: String
        var messageModel: String
        var consumeFromWhere: String
        /// topic → SubscriptionData JSON as the client sent it.
        var subscriptions: [String: RemotingJSON]
        /// clientId → channel.
        var channels: [String: Channel]
    }

    /// producer group → clientId → channel.
    private(set) var producers: [String: [String: Channel]] = [:]
    /// consumer group → info.
    private(set) var consumers: [String: ConsumerGroup] = [:]

    /// How many (group, client) registrations there are, producers and consumers together.
    var clientCount: Int {
        self.producers.values.reduce(0) { $0 + $1.count } + self.consumers.values.reduce(0) { $0 + $1.channels.count }
    }

    /// Registers the producer `group` member.
    mutating func registerProducer(group: String, channel: Channel) {
        self.producers[group, default: [:]][channel.clientId] = channel
    }

    /// Registers or refreshes a consumer; returns true when the group's membership changed.
    mutating func registerConsumer(
        group: String, channel: Channel, consumeType: String, messageModel: String, consumeFromWhere: String,
        subscriptions: [String: RemotingJSON]
    ) -> Bool {
        var info =
            self.consumers[group]
            ?? ConsumerGroup(
                consumeType: consumeType, messageModel: messageModel, consumeFromWhere: consumeFromWhere,
                subscriptions: [:], channels: [:])
        let changed = info.channels[channel.clientId]?.connectionID != channel.connectionID
        info.consumeType = consumeType
        info.messageModel = messageModel
        info.consumeFromWhere = consumeFromWhere
        info.channels[channel.clientId] = channel
        for (topic, subscription) in subscriptions {
            // A newer subVersion replaces the stored subscription (ConsumerGroupInfo.updateSubscription).
            let old = info.subscriptions[topic]?["subVersion"].flatMap { try? $0.int64() } ?? -1
            let new = subscription["subVersion"].flatMap { try? $0.int64() } ?? 0
            if new > old || info.subscriptions[topic] == nil { info.subscriptions[topic] = subscription }
        }
        for topic in info.subscriptions.keys where subscriptions[topic] == nil { info.subscriptions[topic] = nil }
        self.consumers[group] = info
        return changed
    }

    /// Removes a producer; nothing happens when it is unknown.
    mutating func unregisterProducer(group: String, clientId: String) {
        self.producers[group]?[clientId] = nil
        if self.producers[group]?.isEmpty == true { self.producers[group] = nil }
    }

    /// Removes a consumer; returns true when it was a member.
    mutating func unregisterConsumer(group: String, clientId: String) -> Bool {
        guard self.consumers[group]?.channels.removeValue(forKey: clientId) != nil else { return false }
        if self.consumers[group]?.channels.isEmpty == true { self.consumers[group] = nil }
        return true
    }

    /// Removes every client whose connection matches `predicate`; returns the consumer groups that lost members.
    mutating func remove(where predicate: (Channel) -> Bool) -> [String] {
        for group in self.producers.keys {
            self.producers[group] = self.producers[group]?.filter { !predicate($0.value) }
            if self.producers[group]?.isEmpty == true { self.producers[group] = nil }
        }
        var changed: [String] = []
        for group in self.consumers.keys.sorted() {
            guard var info = self.consumers[group] else { continue }
            let before = info.channels.count
            info.channels = info.channels.filter { !predicate($0.value) }
            if info.channels.count != before { changed.append(group) }
            self.consumers[group] = info.channels.isEmpty ? nil : info
        }
        return changed
    }

    /// The connection ids of a consumer group's members.
    func consumerConnections(group: String) -> [Int] {
        self.consumers[group]?.channels.values.map(\.connectionID).sorted() ?? []
    }

    /// The groups that subscribe to `topic`.
    func groups(subscribing topic: String) -> [String] {
        self.consumers.filter { $0.value.subscriptions[topic] != nil }.keys.sorted()
    }
}
