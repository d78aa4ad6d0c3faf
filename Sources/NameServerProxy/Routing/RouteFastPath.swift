import Metrics
import RocketMQRemoting
import RocketMQServer

/// Answers GET_ROUTEINFO_BY_TOPIC on the event loop from the ``RouteAnswerCache``: a lookup, an access
/// note, a write and a count. A topic without a cached answer goes to the async path (``ProxyRequestHandler``).
struct RouteFastPath: RemotingFastPath {
    let answers: RouteAnswerCache
    let tracker: ClientAccessTracker
    let metrics: ProxyMetrics

    func answer(_ request: RemotingCommand, remoteAddress: String) -> RemotingCommand? {
        guard request.code == RequestCode.getRouteInfoByTopic.rawValue, !request.isOneway else { return nil }
        let started = ContinuousClock.now
        let topic = request.ext("topic") ?? ""
        guard ProxyTopicName.isValid(topic) else {
            self.metrics.count(code: request.code, .notFound)
            self.metrics.fastDuration.record(duration: started.duration(to: .now))
            return RouteAnswer(route: nil).response(to: request, topic: topic)
        }
        let now = epochMillis()
        guard let answer = self.answers.answer(topic: topic, nowMillis: now) else { return nil }
        self.tracker.record(topic: topic, address: remoteAddress, nowMillis: now)
        let response = answer.response(to: request, topic: topic)
        self.metrics.count(code: request.code, .cached)
        self.metrics.fastDuration.record(duration: started.duration(to: .now))
        return response
    }
}

/// The topic names the proxy looks up, caches and tracks.
enum ProxyTopicName {
    /// RocketMQ's `TopicValidator.TOPIC_MAX_LENGTH` (127 in 4.9.x).
    static let maxLength = 127

    /// Non-empty and at most ``maxLength`` UTF-8 bytes: anything else cannot exist on a 4.9.x NameServer, so
    /// it is answered TOPIC_NOT_EXIST at once, never cached, tracked or sent upstream.
    static func isValid(_ topic: String) -> Bool {
        !topic.isEmpty && topic.utf8.count <= Self.maxLength
    }
}
