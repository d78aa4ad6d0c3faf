public import ControlProtocol
import Foundation

/// The agent's config file (`ferry-agent --config agent.yaml`, YAML). ``load(path:)`` reads and validates it;
/// every field is checked where it enters and an error names the field. The file holds no secret: ACL keys and
/// the coordinator's shared secret come from environment variables or files the config names.
public struct AgentConfiguration: Sendable, Codable, Equatable {
    /// The agent's id, unique per coordinator: 1–64 letters, digits, `-`, `_`, `.`, `:`.
    public var agentId: String
    /// Free-form labels for coordinator selectors (`env: prod`). Default none.
    public var labels: [String: String]
    /// The name of the source cluster the agent sits beside.
    public var cluster: String
    /// The migration task the agent's proxy serves and its commands default to. Default: ``cluster``.
    public var task: String
    /// The cluster traffic leaves.
    public var source: ClusterEndpoint
    /// The cluster traffic moves to.
    public var target: ClusterEndpoint
    /// The routing proxy.
    public var proxy: ProxySettings
    /// A directory (or one `.lua` file) of hook scripts; none when absent.
    public var hooks: String?
    /// The coordinator to dial; the agent runs alone (local CLI only) when absent.
    public var coordinator: CoordinatorEndpoint?
    /// Where the agent keeps its state database (`state.sqlite`) and metadata files; created 0700 when missing.
    public var stateDirectory: String
    /// The Prometheus endpoint, when wanted.
    public var metrics: MetricsSettings?
    /// How readiness facts are gathered.
    public var readiness: ReadinessSettings

    /// A configuration; ``validated()`` checks it.
    public init(
        agentId: String, labels: [String: String] = [:], cluster: String, task: String? = nil, source: ClusterEndpoint,
        target: ClusterEndpoint, proxy: ProxySettings = ProxySettings(), hooks: String? = nil,
        coordinator: CoordinatorEndpoint? = nil, stateDirectory: String, metrics: MetricsSettings? = nil,
        readiness: ReadinessSettings = ReadinessSettings()
    ) {
        self.agentId = agentId
        self.labels = labels
        self.cluster = cluster
        self.task = task ?? cluster
        self.source = source
        self.target = target
        self.proxy = proxy
        self.hooks = hooks
        self.coordinator = coordinator
        self.stateDirectory = stateDirectory
        self.metrics = metrics
        self.readiness = readiness
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let cluster = try container.decode(String.self, forKey: .cluster)
        self.init(
            agentId: try container.decode(String.self, forKey: .agentId),
            labels: try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:], cluster: cluster,
            task: try container.decodeIfPresent(String.self, forKey: .task),
            source: try container.decode(ClusterEndpoint.self, forKey: .source),
            target: try container.decode(ClusterEndpoint.self, forKey: .target),
            proxy: try container.decodeIfPresent(ProxySettings.self, forKey: .proxy) ?? ProxySettings(),
            hooks: try container.decodeIfPresent(String.self, forKey: .hooks),
            coordinator: try container.decodeIfPresent(CoordinatorEndpoint.self, forKey: .coordinator),
            stateDirectory: try container.decode(String.self, forKey: .stateDirectory),
            metrics: try container.decodeIfPresent(MetricsSettings.self, forKey: .metrics),
            readiness: try container.decodeIfPresent(ReadinessSettings.self, forKey: .readiness) ?? ReadinessSettings())
    }

    /// The state database's path inside ``stateDirectory``.
    public var statePath: String { (self.stateDirectory as NSString).appendingPathComponent("state.sqlite") }
}

/// One cluster's NameServers and where its ACL keys come from (when its brokers check ACL).
public struct ClusterEndpoint: Sendable, Codable, Equatable {
    /// `host:port` of each NameServer, tried in order (1–16).
    public var nameServers: [String]
    /// The environment variable holding the ACL access key.
    public var accessKeyEnv: String?
    /// The environment variable holding the ACL secret key.
    public var secretKeyEnv: String?
    /// A keys file in mqadmin's `conf/tools.yml` shape (`accessKey: …`, `secretKey: …`), not world-readable.
    public var credentialsFile: String?

    /// An endpoint; no credentials by default.
    public init(
        nameServers: [String], accessKeyEnv: String? = nil, secretKeyEnv: String? = nil, credentialsFile: String? = nil
    ) {
        self.nameServers = nameServers
        self.accessKeyEnv = accessKeyEnv
        self.secretKeyEnv = secretKeyEnv
        self.credentialsFile = credentialsFile
    }
}

/// The routing proxy's settings.
public struct ProxySettings: Sendable, Codable, Equatable {
    /// Where clients reach it, `host:port` (port 0: any free port, for tests). Default `0.0.0.0:9876`.
    public var listen: String

    /// Listens on `listen`.
    public init(listen: String = "0.0.0.0:9876") { self.listen = listen }
}

/// Where the coordinator is and how the agent proves who it is.
public struct CoordinatorEndpoint: Sendable, Codable, Equatable {
    /// `host:port` of the coordinator's agent listener.
    public var address: String
    /// A file holding the shared secret (at least 16 bytes; not world-readable).
    public var secretFile: String?
    /// The environment variable holding the shared secret (used when ``secretFile`` is absent).
    public var secretEnv: String?
    /// TLS to the coordinator; plain TCP when absent.
    public var tls: ControlTLSConfiguration?

    /// An endpoint.
    public init(address: String, secretFile: String? = nil, secretEnv: String? = nil, tls: ControlTLSConfiguration? = nil) {
        self.address = address
        self.secretFile = secretFile
        self.secretEnv = secretEnv
        self.tls = tls
    }
}

/// The Prometheus endpoint.
public struct MetricsSettings: Sendable, Codable, Equatable {
    /// `host:port` of `/metrics`. Default `127.0.0.1:9101`.
    public var listen: String

    /// Listens on `listen`.
    public init(listen: String = "127.0.0.1:9101") { self.listen = listen }
}

/// How readiness facts are gathered.
public struct ReadinessSettings: Sendable, Codable, Equatable {
    /// Seconds between fact refreshes (1–3600). Default 30.
    public var refreshSeconds: Int
    /// Quiet period of tasks the agent creates: seconds the source must see no write before a topic may
    /// complete (0–604800). Default 300.
    public var quietSeconds: Int
    /// Topic → producer groups writing it (the broker cannot tell which topics a producer writes). Default none.
    public var producerGroups: [String: [String]]

    /// Settings; the defaults above.
    public init(refreshSeconds: Int = 30, quietSeconds: Int = 300, producerGroups: [String: [String]] = [:]) {
        self.refreshSeconds = refreshSeconds
        self.quietSeconds = quietSeconds
        self.producerGroups = producerGroups
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            refreshSeconds: try container.decodeIfPresent(Int.self, forKey: .refreshSeconds) ?? 30,
            quietSeconds: try container.decodeIfPresent(Int.self, forKey: .quietSeconds) ?? 300,
            producerGroups: try container.decodeIfPresent([String: [String]].self, forKey: .producerGroups) ?? [:])
    }
}
