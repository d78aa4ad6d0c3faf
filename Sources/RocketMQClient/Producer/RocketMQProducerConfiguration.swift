/// Settings of a ``RocketMQProducer``.
public struct RocketMQProducerConfiguration: Sendable {
    /// The producer group, registered with brokers by heartbeat.
    public var group: String
    /// NameServer addresses, `host:port`.
    public var nameServers: [String]
    /// Extra attempts on another broker after a failed send. Default 2 (Java's `retryTimesWhenSendFailed`).
    public var retryTimesWhenSendFailed: Int = 2
    /// The timeout of one send. Default 3 s (Java's `sendMsgTimeout`).
    public var sendTimeout: Duration = .seconds(3)
    /// How long a fetched route is used before it is fetched again. Default 30 s (`pollNameServerInterval`).
    public var routeRefreshInterval: Duration = .seconds(30)
    /// How often the group is heartbeated to the brokers. Default 30 s (`heartbeatBrokerInterval`).
    public var heartbeatInterval: Duration = .seconds(30)

    /// Creates settings for `group` on the cluster behind `nameServers`.
    public init(group: String, nameServers: [String]) {
        self.group = group
        self.nameServers = nameServers
    }
}
