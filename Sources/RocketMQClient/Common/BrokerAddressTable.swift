internal import RocketMQRemoting

/// The client-wide broker addresses, like the Java client's `MQClientInstance.brokerAddrTable`: every route
/// the client fetches records its brokers' addresses here (replacing the broker's earlier ones), and a
/// periodic ``prune(keeping:)`` (Java's `cleanOfflineBroker`, every 30 s) forgets addresses that no current
/// route lists any more.
///
/// Looking addresses up here rather than in a topic's current route is what lets a consumer keep pulling a
/// queue, and commit its final offset when it releases the queue, after the route stopped listing the broker.
struct BrokerAddressTable: Sendable {
    private var addresses: [String: [Int64: String]] = [:]

    /// Records the brokers of `route`.
    mutating func record(_ route: TopicRouteData) {
        for broker in route.brokerDatas {
            self.addresses[broker.brokerName] = broker.brokerAddrs.dictionary
        }
    }

    /// Forgets every address that none of `routes` lists (and a broker left without addresses).
    mutating func prune(keeping routes: some Sequence<TopicRouteData>) {
        let listed = Set(routes.flatMap(\.allBrokerAddresses))
        for (brokerName, members) in self.addresses {
            let kept = members.filter { listed.contains($0.value) }
            self.addresses[brokerName] = kept.isEmpty ? nil : kept
        }
    }

    /// The master (broker id 0) address of `brokerName`, if known.
    func masterAddress(of brokerName: String) -> String? {
        self.addresses[brokerName]?[BrokerData.masterID]
    }

    /// Every known master address, sorted.
    var masterAddresses: [String] {
        self.addresses.values.compactMap { $0[BrokerData.masterID] }.sorted()
    }

    /// Every known address (masters and slaves), sorted.
    var allAddresses: [String] {
        Set(self.addresses.values.flatMap(\.values)).sorted()
    }
}
