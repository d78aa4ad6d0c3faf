import Metrics
import RocketMQRemoting

/// The proxy's swift-metrics objects (`ferry_proxy_requests_total`, `ferry_proxy_request_duration_seconds`),
/// all made when the proxy starts: answering a request on the event loop only reads an immutable table and
/// increments, with no lookup in the factory, no allocation and no lock beyond the handler's own.
struct ProxyMetrics: Sendable {
    /// How a request ended, the `outcome` label.
    enum Outcome: Int, CaseIterable {
        /// A cached route answered on the event loop.
        case cached
        /// Answered SUCCESS on the async path (fetched routes, unions, relays).
        case success
        /// Answered TOPIC_NOT_EXIST (no cluster has the topic, or the name cannot exist).
        case notFound
        /// Answered with any other code (SYSTEM_ERROR when no upstream NameServer answers…).
        case error
        /// Not answered (oneway requests, codes a 4.9.8 NameServer does not answer).
        case unanswered

        var label: String { String(describing: self) }
    }

    static let requestsName = "ferry_proxy_requests_total"
    static let durationName = "ferry_proxy_request_duration_seconds"

    /// The codes with their own `code` label value; any other counts as `other`, so a client sending random
    /// codes cannot grow the label set.
    static let labelledCodes: [RequestCode] =
        [.getRouteInfoByTopic, .getBrokerClusterInfo, .getAllTopicListFromNameserver, .getSystemTopicListFromNS,
         .getTopicsByCluster, .wipeWritePermOfBroker, .addWritePermOfBroker]
        + ProxyRequestHandler.relayedCodes.sorted { $0.rawValue < $1.rawValue }

    private let counters: [Int: [Counter]]
    private let otherCounters: [Counter]
    /// Latency of requests answered on the event loop.
    let fastDuration: Timer
    /// Latency of requests answered on the async path.
    let asyncDuration: Timer

    init(factory: any MetricsFactory) {
        func row(_ code: String) -> [Counter] {
            Outcome.allCases.map {
                Counter(label: Self.requestsName, dimensions: [("code", code), ("outcome", $0.label)], factory: factory)
            }
        }
        self.counters = Self.labelledCodes.reduce(into: [:]) { $0[$1.rawValue] = row(String($1.rawValue)) }
        self.otherCounters = row("other")
        self.fastDuration = Timer(label: Self.durationName, dimensions: [("path", "fast")], factory: factory)
        self.asyncDuration = Timer(label: Self.durationName, dimensions: [("path", "async")], factory: factory)
    }

    /// Counts one request of `code`.
    func count(code: Int, _ outcome: Outcome) {
        (self.counters[code] ?? self.otherCounters)[outcome.rawValue].increment()
    }

    /// Counts an async-path answer by its response code (nil: unanswered).
    func count(code: Int, response: RemotingCommand?) {
        guard let response else { return self.count(code: code, .unanswered) }
        switch response.responseCode {
        case .success: self.count(code: code, .success)
        case .topicNotExist: self.count(code: code, .notFound)
        default: self.count(code: code, .error)
        }
    }
}
