import NIOCore
import RocketMQRemoting
import Synchronization

/// The precomputed GET_ROUTEINFO_BY_TOPIC answer of one topic: the body in each dialect, or TOPIC_NOT_EXIST.
struct RouteAnswer: Sendable {
    /// fastjson's body (unquoted integer keys); nil answers TOPIC_NOT_EXIST.
    let fastjson: ByteBuffer?
    /// The standard-JSON body (4.9.4+ clients); nil when ``fastjson`` is.
    let standard: ByteBuffer?

    /// The answer for `route` (nil: TOPIC_NOT_EXIST).
    init(route: TopicRouteData?) {
        self.fastjson = route?.byteBuffer(for: .fastjson)
        self.standard = route?.byteBuffer(for: .standard)
    }

    /// The remark a 4.9.8 NameServer sends with TOPIC_NOT_EXIST (`ClientRequestProcessor.getRouteInfoByTopic`).
    static func notExistRemark(topic: String) -> String {
        "No topic route info in name server for the topic: \(topic)\nSee http://rocketmq.apache.org/docs/faq/ for further details."
    }

    /// The response to `request` (a GET_ROUTEINFO_BY_TOPIC for `topic`) in the dialect it reads.
    func response(to request: RemotingCommand, topic: String) -> RemotingCommand {
        let dialect = TopicRouteData.dialect(
            forRequestVersion: Int32(clamping: request.version),
            acceptStandardJsonOnly: request.ext("acceptStandardJsonOnly") == "true")
        guard let body = dialect == .standard ? self.standard : self.fastjson else {
            return .response(to: request, code: .topicNotExist, remark: Self.notExistRemark(topic: topic))
        }
        return .response(to: request, code: .success, body: body)
    }
}

/// The answers the event loop serves from: topic → ``RouteAnswer``, plus when each was last asked for.
///
/// Written only by ``RouteModel`` (off the event loop); read by ``RouteFastPath`` under a short lock.
final class RouteAnswerCache: Sendable {
    private struct Entry {
        var answer: RouteAnswer
        var lastAskedMillis: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The answer for `topic`, noting that it was asked for at `nowMillis`; nil when none is cached.
    func answer(topic: String, nowMillis: Int64) -> RouteAnswer? {
        self.entries.withLock { entries in
            guard let entry = entries[topic] else { return nil }
            // Saves a dictionary write on most hits: the expiry works in minutes.
            if nowMillis &- entry.lastAskedMillis > 1000 { entries[topic]?.lastAskedMillis = nowMillis }
            return entry.answer
        }
    }

    /// Installs or replaces `topic`'s answer.
    func install(_ answer: RouteAnswer, topic: String, nowMillis: Int64) {
        self.entries.withLock { entries in
            let asked = entries[topic]?.lastAskedMillis ?? nowMillis
            entries[topic] = Entry(answer: answer, lastAskedMillis: asked)
        }
    }

    /// Installs many answers at once (after a rules change).
    func install(_ answers: [(String, RouteAnswer)], nowMillis: Int64) {
        self.entries.withLock { entries in
            for (topic, answer) in answers {
                entries[topic] = Entry(answer: answer, lastAskedMillis: entries[topic]?.lastAskedMillis ?? nowMillis)
            }
        }
    }

    /// Removes `topics`' answers.
    func remove(_ topics: some Sequence<String>) {
        self.entries.withLock { entries in
            for topic in topics { entries[topic] = nil }
        }
    }

    /// The topics among `candidates` not asked for since `cutoffMillis`.
    func unaskedSince(_ cutoffMillis: Int64, among candidates: [String]) -> [String] {
        self.entries.withLock { entries in
            candidates.filter { (entries[$0]?.lastAskedMillis ?? .min) < cutoffMillis }
        }
    }

    /// Answers cached.
    var count: Int { self.entries.withLock { $0.count } }
}
