/// How a ``SandboxCluster`` behaves. The defaults are a 4.9.8 cluster's.
public struct SandboxOptions: Sendable {
    /// The address every server binds to and advertises. Default `127.0.0.1`.
    public var host: String = "127.0.0.1"
    /// ACL 1.0 accounts; `nil` (the default) runs the brokers with `aclEnable=false`.
    public var aclAccounts: [SandboxACLAccount]?
    /// How often brokers re-register with the NameServer (`registerNameServerPeriod`). Default 30 s.
    public var registerInterval: Duration = .seconds(30)
    /// How long the NameServer keeps a broker that stopped registering. Default 120 s.
    public var brokerExpiry: Duration = .seconds(120)
    /// How often the NameServer looks for expired brokers (`scanNotActiveBroker`). Default 5 s.
    public var brokerScanInterval: Duration = .seconds(5)
    /// How long a broker keeps a client that stopped heartbeating. Default 120 s.
    public var clientExpiry: Duration = .seconds(120)
    /// The NameServer's `orderMessageEnable`: routes carry `orderTopicConf` from the KV store. Default false.
    public var orderMessageEnable = false
    /// The brokers' `messageDelayLevel`. Default `1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h`.
    public var messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"
    /// The largest frame the servers accept; a larger one closes that connection. Default 16 MiB.
    public var maxFrameLength = 16 * 1024 * 1024
    /// How often a held pull and the delay service look for work. Default 20 ms.
    public var pollInterval: Duration = .milliseconds(20)

    /// The bytes of messages each broker keeps; past it the oldest are dropped, as a real broker deletes its
    /// oldest commit-log files when the disk fills, and queues' min offsets move up. Default 512 MiB.
    public var storeCapacity = 512 * 1024 * 1024

    /// The defaults.
    public init() {}
}
