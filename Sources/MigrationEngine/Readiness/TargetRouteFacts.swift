public import RocketMQRemoting

/// What the target NameServer's route of a topic offers producers: the facts of the `targetRouteWritable` check.
///
/// A producer sends only to queues whose perm has WRITE on a broker with a live master (broker id 0 in the
/// route's `brokerDatas`; the NameServer drops a dead broker's address), and an ordered topic's producers follow
/// `orderTopicConf` verbatim. Once a step makes producers write only to the target, a route without such a
/// queue leaves them with no route at all.
public struct TargetRouteFacts: Sendable, Equatable {
    /// Write queues with WRITE perm on a broker whose master is in the route.
    public var writableQueues: Int
    /// Broker names whose queues lack WRITE perm (topic perm or `brokerPermission` read-only), sorted.
    public var readOnlyBrokers: [String]
    /// Broker names with WRITE perm but no live master in the route, sorted.
    public var brokersWithoutMaster: [String]
    /// The target route's `orderTopicConf`, if any.
    public var orderTopicConf: String?

    /// Makes the facts.
    public init(
        writableQueues: Int, readOnlyBrokers: [String] = [], brokersWithoutMaster: [String] = [],
        orderTopicConf: String? = nil
    ) {
        self.writableQueues = writableQueues
        self.readOnlyBrokers = readOnlyBrokers
        self.brokersWithoutMaster = brokersWithoutMaster
        self.orderTopicConf = orderTopicConf
    }

    /// Reads the facts from a route the target NameServer answered.
    public init(route: TopicRouteData) {
        let masters = Set(route.brokerDatas.filter { $0.masterAddress != nil }.map(\.brokerName))
        var writable = 0
        var readOnly = Set<String>()
        var masterless = Set<String>()
        for queues in route.queueDatas {
            if !queues.perm.isWritable {
                readOnly.insert(queues.brokerName)
            } else if !masters.contains(queues.brokerName) {
                masterless.insert(queues.brokerName)
            } else {
                let (sum, overflow) = writable.addingReportingOverflow(max(Int(queues.writeQueueNums), 0))
                writable = overflow ? .max : sum
            }
        }
        self.init(
            writableQueues: writable, readOnlyBrokers: readOnly.sorted(), brokersWithoutMaster: masterless.sorted(),
            orderTopicConf: route.orderTopicConf.flatMap { $0.isEmpty ? nil : $0 })
    }
}
