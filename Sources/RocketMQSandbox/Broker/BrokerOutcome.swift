import RocketMQRemoting

/// What the network layer must do after ``BrokerState`` handled a request.
struct BrokerOutcome: Sendable {
    /// What to register with the NameServer now.
    enum Registration: Sendable, Hashable {
        /// Every topic (after a broker-permission change), taking the answer's ordered-topic flags.
        case all
        /// Every topic, ignoring the answer's ordered-topic flags (a retry or DLQ topic created by a send-back:
        /// `createTopicInSendMessageBackMethod` → `registerBrokerAll(false, true, true)`).
        case allKeepingOrder
        /// One new or changed topic (`registerIncrementBrokerData`).
        case topic(String)
    }

    /// The answer, or `nil` (oneway request, or a pull being held).
    var response: RemotingCommand?
    /// Broker-initiated oneway requests to other connections (NOTIFY_CONSUMER_IDS_CHANGED).
    var pushes: [(connectionID: Int, command: RemotingCommand)] = []
    /// A registration to send to the NameServer at once.
    var registration: Registration?
    /// The pull found nothing and may be held until messages arrive or this deadline (epoch ms) passes.
    var suspendUntil: Int64?

    /// An outcome that answers `request` with `response` unless the request is oneway.
    init(_ request: RemotingCommand, _ response: RemotingCommand?) {
        self.response = request.isOneway ? nil : response
    }
}
