import Logging
import RocketMQClient
import RocketMQRemoting
import Synchronization

/// What one cluster's NameServers said about a topic.
enum UpstreamRoute: Sendable, Equatable {
    /// The cluster's route.
    case found(TopicRouteData)
    /// The cluster answered TOPIC_NOT_EXIST.
    case notFound
    /// Never learned: the cluster was unreachable whenever asked.
    case unknown

    /// The route, or nil when the cluster has none (or never answered).
    var route: TopicRouteData? {
        if case .found(let route) = self { return route }
        return nil
    }
}

/// One cluster's NameServers seen from the proxy: failover and timeouts come from ``RocketMQAdmin``; this adds
/// whether the cluster is reachable, logged once per change.
final class UpstreamCluster: Sendable {
    /// `source` or `target`, for logs and status.
    let role: String
    let admin: RocketMQAdmin
    private let reachable = Atomic<Bool>(true)
    private let logger: Logger

    init(role: String, admin: RocketMQAdmin, logger: Logger) {
        self.role = role
        self.admin = admin
        self.logger = logger
    }

    /// False while the last call found none of the cluster's NameServers reachable.
    var isReachable: Bool { self.reachable.load(ordering: .relaxed) }

    /// The cluster's route of `topic`; nil when no NameServer answered (the caller keeps what it cached).
    func route(_ topic: String) async -> UpstreamRoute? {
        do {
            let route = try await self.admin.topicRoute(topic)
            self.markReachable(true, error: nil)
            return .found(route)
        } catch let error as RocketMQClientError where error.responseCode == ResponseCode.topicNotExist.rawValue {
            self.markReachable(true, error: nil)
            return .notFound
        } catch {
            self.noteFailure(error)
            return nil
        }
    }

    /// Runs a NameServer call, noting reachability; nil when no NameServer answered.
    func call<T: Sendable>(_ body: (RocketMQAdmin) async throws -> T) async -> T? {
        do {
            let value = try await body(self.admin)
            self.markReachable(true, error: nil)
            return value
        } catch {
            self.noteFailure(error)
            return nil
        }
    }

    private func noteFailure(_ error: any Error) {
        if let error = error as? RocketMQClientError, error.code == .noNameServerReachable {
            self.markReachable(false, error: error)
        } else {
            self.logger.debug(
                "proxy upstream call failed", metadata: ["proxy.cluster": "\(self.role)", "error": "\(error)"])
        }
    }

    private func markReachable(_ value: Bool, error: (any Error)?) {
        guard self.reachable.exchange(value, ordering: .relaxed) != value else { return }
        if value {
            self.logger.info("proxy upstream cluster reachable again", metadata: ["proxy.cluster": "\(self.role)"])
        } else {
            self.logger.warning(
                "proxy upstream cluster unreachable, serving cached routes",
                metadata: ["proxy.cluster": "\(self.role)", "error": "\(error.map { "\($0)" } ?? "")"])
        }
    }
}
