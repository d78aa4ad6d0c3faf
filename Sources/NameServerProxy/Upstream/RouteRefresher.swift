/// Fetches topics' routes from the cluster(s) each needs and hands them to the ``RouteModel``, a bounded
/// number of topics at a time so a task of 10,000 topics does not open 20,000 requests at once.
struct RouteRefresher: Sendable {
    let source: UpstreamCluster
    let target: UpstreamCluster
    let model: RouteModel
    /// Topics fetched at once.
    var concurrency = 16

    /// Refreshes `topics`. A cluster that does not answer leaves that side's cached route as it was.
    func refresh(_ topics: [String]) async {
        await withTaskGroup(of: Void.self) { group in
            var pending = topics.makeIterator()
            var running = 0
            while let topic = pending.next() {
                if running >= self.concurrency {
                    _ = await group.next()
                    running -= 1
                }
                group.addTask { await self.refresh(topic) }
                running += 1
            }
        }
    }

    private func refresh(_ topic: String) async {
        let usesTarget = await self.model.usesTarget(topic)
        async let fromSource = self.source.route(topic)
        async let fromTarget = usesTarget ? self.target.route(topic) : nil
        let (sourceRoute, targetRoute) = await (fromSource, fromTarget)
        await self.model.update(topic: topic, source: sourceRoute, target: targetRoute, nowMillis: epochMillis())
    }
}
