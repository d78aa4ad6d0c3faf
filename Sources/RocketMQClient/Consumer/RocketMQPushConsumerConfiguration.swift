public import RocketMQRemoting

/// Settings of a ``RocketMQPushConsumer``. Defaults are the Java client's unless said otherwise.
public struct RocketMQPushConsumerConfiguration: Sendable {
    /// The consumer group.
    public var group: String
    /// NameServer addresses, `host:port`.
    public var nameServers: [String]
    /// Where to start on a queue without a committed offset: `.lastOffset` (default: only new messages;
    /// a retry topic from its start), `.firstOffset` (the queue's start) or `.timestamp` (the message
    /// nearest to ``consumeTimestamp``; a retry topic from its end).
    public var consumeFromWhere: ConsumeFromWhere = .lastOffset
    /// The time `.timestamp` starts from, in milliseconds since the epoch. Default half an hour before these
    /// settings were created (Java's `consumeTimestamp`).
    public var consumeTimestamp: Int64
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
    /// Consume each queue in order, as a Java consumer with a `MessageListenerOrderly` does: a queue is taken
    /// only once its broker locked it for this client (LOCK_BATCH_MQ), the locks are renewed every
    /// ``lockInterval``, a queue is pulled and consumed only while its lock is fresh (30 s), a message whose
    /// handler throws is delivered again after ``suspendCurrentQueueTime`` before any later one (never sent
    /// back), and a released queue is unlocked (UNLOCK_BATCH_MQ). Default false (concurrent consumption).
    public var consumeOrderly = false
    /// How often an orderly consumer locks its queues again. Default 20 s (Java's `rocketmq.client.rebalance.lockInterval`).
    public var lockInterval: Duration = .seconds(20)
    /// How long an orderly consumer waits before delivering a failed message again. Default 1 s
    /// (`suspendCurrentQueueTimeMillis`).
    public var suspendCurrentQueueTime: Duration = .seconds(1)
    /// The timeout of non-pull requests. Default 3 s.
    public var requestTimeout: Duration = .seconds(3)
    /// How long a queue whose pull answered OFFSET_ILLEGAL (PULL_OFFSET_MOVED) stays dropped before its
    /// corrected offset is committed and the queue is released, to be taken back at the next rebalance.
    /// Default 10 s (fixed in Java's `DefaultMQPushConsumerImpl.pullMessage`).
    public var offsetIllegalFixDelay: Duration = .seconds(10)

    /// Creates settings for `group` on the cluster behind `nameServers`.
    public init(group: String, nameServers: [String]) {
        self.group = group
        self.nameServers = nameServers
        self.consumeTimestamp = WallClock.nowMillis() - 30 * 60 * 1000
    }
}
