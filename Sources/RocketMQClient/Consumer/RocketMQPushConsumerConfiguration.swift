public import RocketMQRemoting

/// Settings of a ``RocketMQPushConsumer``. Defaults are the Java client's unless said otherwise.
public struct RocketMQPushConsumerConfiguration: Sendable {
    /// The consumer group.
    public var group: String
    /// NameServer addresses, `host:port`.
    public var nameServers: [String]
    /// Where to start on a queue without a committed offset: `.lastOffset` (default: only new messages)
    /// or `.firstOffset` (the queue's start); `.timestamp` is treated as `.lastOffset`.
    public var consumeFromWhere: ConsumeFromWhere = .lastOffset
    /// Messages asked for per pull. Default 32 (`pullBatchSize`).
    public var pullBatchSize: Int32 = 32
    /// How long a broker may hold a pull that finds nothing (long polling). Default 15 s.
    public var brokerSuspendTime: Duration = .seconds(15)
    /// The wait before pulling again after a failed pull. Default 3 s (`pullTimeDelayMillsWhenException`).
    public var pullDelayOnError: Duration = .seconds(3)
    /// How often routes are fetched again from the NameServer. Default 30 s (`pollNameServerInterval`).
    public var routeRefreshInterval: Duration = .seconds(30)
    /// How often the group is heartbeated to every broker of its routes. Default 30 s.
    public var heartbeatInterval: Duration = .seconds(30)
    /// How often queues are re-allocated even without a NOTIFY_CONSUMER_IDS_CHANGED. Default 20 s.
    public var rebalanceInterval: Duration = .seconds(20)
    /// How often consumed offsets are committed (UPDATE_CONSUMER_OFFSET). Default 5 s.
    public var persistOffsetInterval: Duration = .seconds(5)
    /// Deliveries before a failed message goes to the DLQ (sent with CONSUMER_SEND_MSG_BACK). Default 16.
    public var maxReconsumeTimes: Int32 = 16
    /// The timeout of non-pull requests. Default 3 s.
    public var requestTimeout: Duration = .seconds(3)

    /// Creates settings for `group` on the cluster behind `nameServers`.
    public init(group: String, nameServers: [String]) {
        self.group = group
        self.nameServers = nameServers
    }
}
