/// What a running ``NameServerProxy`` reports about itself.
public struct NameServerProxyStatus: Sendable, Equatable, Codable {
    /// False while no source NameServer answers (cached routes are served).
    public var sourceReachable: Bool
    /// False while no target NameServer answers (cached routes are served).
    public var targetReachable: Bool
    /// Topic answers precomputed in the cache.
    public var cachedTopics: Int
    /// Topics with client accesses recorded.
    public var trackedTopics: Int

    /// A one-line warning for operators, empty when both clusters are reachable.
    public var warning: String {
        switch (self.sourceReachable, self.targetReachable) {
        case (true, true): ""
        case (false, true): "source NameServers unreachable: serving cached routes"
        case (true, false): "target NameServers unreachable: serving cached routes"
        case (false, false): "source and target NameServers unreachable: serving cached routes"
        }
    }
}
