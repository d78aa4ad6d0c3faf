import RocketMQRemoting

/// The upstream routes of every cached topic and the rules that turn them into answers.
///
/// An actor so route updates and rule changes are applied one at a time: an answer is always computed from
/// the latest rules and the latest routes, then installed in the ``RouteAnswerCache`` the event loop reads.
actor RouteModel {
    private struct Upstream {
        var source: UpstreamRoute
        var target: UpstreamRoute
    }

    private var rules: any ProxyRoutingRules
    private var routes: [String: Upstream] = [:]
    private let answers: RouteAnswerCache
    private let maxCachedTopics: Int
    private var taskTopics: Set<String>

    init(rules: any ProxyRoutingRules, answers: RouteAnswerCache, maxCachedTopics: Int) {
        self.rules = rules
        self.answers = answers
        self.maxCachedTopics = max(maxCachedTopics, 0)
        self.taskTopics = Set(rules.taskTopics)
    }

    /// The current rules.
    var currentRules: any ProxyRoutingRules { self.rules }

    /// Every cached topic, task topics first.
    var cachedTopics: [String] {
        Array(self.taskTopics) + self.routes.keys.filter { !self.taskTopics.contains($0) }
    }

    /// Whether `topic`'s answer needs the target's route.
    func usesTarget(_ topic: String) -> Bool { self.rules.usesTarget(topic) }

    /// Records what the clusters said about `topic` (nil: that cluster did not answer, keep what is known),
    /// recomputes its answer and installs it. Returns the answer, or nil when the source's route of a topic
    /// it owns was never learned (the caller answers an error rather than a guess).
    @discardableResult
    func update(topic: String, source: UpstreamRoute?, target: UpstreamRoute?, nowMillis: Int64) -> RouteAnswer? {
        var upstream = self.routes[topic] ?? Upstream(source: .unknown, target: .unknown)
        if let source { upstream.source = source }
        if let target { upstream.target = target }
        let answer = self.answer(topic: topic, upstream)
        let keep = self.taskTopics.contains(topic) || self.routes[topic] != nil || self.routes.count < self.maxCachedTopics
        if keep {
            self.routes[topic] = upstream
            if let answer { self.answers.install(answer, topic: topic, nowMillis: nowMillis) }
        }
        return answer
    }

    /// Replaces the rules and recomputes every cached answer with them. Returns the topics to fetch now: task
    /// topics not cached yet, and cached topics whose answer now needs a target route that was never fetched (a
    /// topic cached at Initial has no target route; without this it would wait for the next refresh).
    func replaceRules(_ rules: any ProxyRoutingRules, nowMillis: Int64) -> [String] {
        self.rules = rules
        self.taskTopics = Set(rules.taskTopics)
        var installed: [(String, RouteAnswer)] = []
        var unfetched: [String] = []
        for (topic, upstream) in self.routes {
            if let answer = self.answer(topic: topic, upstream) { installed.append((topic, answer)) }
            if case .unknown = upstream.target, rules.usesTarget(topic) { unfetched.append(topic) }
        }
        self.answers.install(installed, nowMillis: nowMillis)
        return (self.taskTopics.filter { self.routes[$0] == nil } + unfetched).sorted()
    }

    /// Drops topics outside the task that nobody asked for since `cutoffMillis`.
    func expire(unaskedSince cutoffMillis: Int64) {
        let candidates = self.routes.keys.filter { !self.taskTopics.contains($0) }
        let stale = self.answers.unaskedSince(cutoffMillis, among: Array(candidates))
        for topic in stale { self.routes[topic] = nil }
        self.answers.remove(stale)
    }

    private func answer(topic: String, _ upstream: Upstream) -> RouteAnswer? {
        if self.rules.usesTarget(topic) {
            if case .unknown = upstream.source, case .unknown = upstream.target { return nil }
            return RouteAnswer(route: self.rules.clientRoute(topic: topic, source: upstream.source.route, target: upstream.target.route))
        }
        if case .unknown = upstream.source { return nil }
        return RouteAnswer(route: self.rules.clientRoute(topic: topic, source: upstream.source.route, target: nil))
    }
}
