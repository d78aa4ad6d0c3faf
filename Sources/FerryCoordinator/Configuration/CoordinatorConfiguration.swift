import Foundation

/// `ferry-coordinator`'s configuration file (YAML, `--config coordinator.yaml`); see `docs/coordinator.md`.
///
/// Every field is checked where the file is read (``load(path:)``), so a running coordinator never meets a
/// port out of range or a timeout of zero. The shared secret itself is not in the file: it comes from
/// ``secretFile`` (mode 0600) or the environment variable ``secretEnv``.
public struct CoordinatorConfiguration: Sendable, Codable, Equatable {
    /// Where agents and operators connect, `host:port` (default `0.0.0.0:7900`; port 0 picks a free one).
    public var listen: String
    /// A file holding the shared secret (at least 16 bytes; not readable by group or others).
    public var secretFile: String?
    /// An environment variable holding the shared secret, when there is no ``secretFile``.
    public var secretEnv: String?
    /// TLS for the control port; plain TCP (with the HMAC handshake) when nil.
    public var tls: TLS?
    /// The directory of the coordinator's state file (`coordinator.sqlite`), created 0700 when missing.
    public var stateDirectory: String
    /// How long a dispatch waits for each agent's ack unless the request says otherwise (default 30, 1–3600).
    public var commandTimeoutSeconds: Int
    /// Bounds on what peers can make the coordinator hold.
    public var limits: Limits
    /// The web dashboard, when served.
    public var dashboard: Dashboard?

    /// TLS files (PEM).
    public struct TLS: Sendable, Codable, Equatable {
        /// The server's certificate chain.
        public var certificateChainFile: String
        /// The server's private key.
        public var privateKeyFile: String
        /// CA certificates clients must be signed by (mutual TLS), or nil to accept any client certificate-less.
        public var trustRootsFile: String?

        /// Makes a TLS section.
        public init(certificateChainFile: String, privateKeyFile: String, trustRootsFile: String? = nil) {
            self.certificateChainFile = certificateChainFile
            self.privateKeyFile = privateKeyFile
            self.trustRootsFile = trustRootsFile
        }
    }

    /// Bounds on everything a peer can make grow; each has a default and an allowed range.
    public struct Limits: Sendable, Codable, Equatable {
        /// Distinct agent ids kept in the registry (default 10,000; 1–100,000); a new id past it is refused.
        public var maxAgents: Int
        /// Agent events kept in memory for new watchers (default 1,000; 0–100,000).
        public var maxEventsKept: Int
        /// Commands kept in the state file with their outcomes (default 10,000; 10–1,000,000); the oldest go.
        public var maxCommandsKept: Int
        /// Dispatches in flight at once, over every operator (default 64; 1–10,000); more are refused with 429.
        public var maxPendingCommands: Int
        /// Unfinished commands re-sent to one agent when it connects (default 100; 1–10,000).
        public var maxResentPerAgent: Int
        /// Lines queued for one watcher (default 1,024; 16–100,000); a watcher that falls further behind is dropped.
        public var watcherQueue: Int
        /// The longest line accepted after authentication, in bytes (default 4 MiB; 4 KiB–64 MiB).
        public var maxLineBytes: Int
        /// Heartbeat interval in seconds (default 10; 1–300); a peer silent for 3 intervals is dropped.
        public var heartbeatSeconds: Int

        /// The defaults.
        public init() {
            self.maxAgents = 10_000
            self.maxEventsKept = 1_000
            self.maxCommandsKept = 10_000
            self.maxPendingCommands = 64
            self.maxResentPerAgent = 100
            self.watcherQueue = 1_024
            self.maxLineBytes = 4 << 20
            self.heartbeatSeconds = 10
        }
    }

    /// The web dashboard's section.
    public struct Dashboard: Sendable, Codable, Equatable {
        /// Where the dashboard listens, `host:port` (default `127.0.0.1:7901`).
        public var listen: String
        /// Operator name → token for logging in (tokens at least 16 characters); never logged.
        public var operatorTokens: [String: String]?
        /// A YAML file of operator name → token (mode 0600), merged over ``operatorTokens``.
        public var operatorTokensFile: String?

        /// Makes a dashboard section.
        public init(listen: String = "127.0.0.1:7901", operatorTokens: [String: String]? = nil, operatorTokensFile: String? = nil) {
            self.listen = listen
            self.operatorTokens = operatorTokens
            self.operatorTokensFile = operatorTokensFile
        }
    }

    /// A configuration with the defaults for everything but the state directory and the secret's source.
    public init(
        listen: String = "0.0.0.0:7900", secretFile: String? = nil, secretEnv: String? = nil, tls: TLS? = nil,
        stateDirectory: String, commandTimeoutSeconds: Int = 30, limits: Limits = Limits(), dashboard: Dashboard? = nil
    ) {
        self.listen = listen
        self.secretFile = secretFile
        self.secretEnv = secretEnv
        self.tls = tls
        self.stateDirectory = stateDirectory
        self.commandTimeoutSeconds = commandTimeoutSeconds
        self.limits = limits
        self.dashboard = dashboard
    }

    /// The state file inside ``stateDirectory``.
    public var databasePath: String {
        URL(fileURLWithPath: self.stateDirectory).appendingPathComponent("coordinator.sqlite").path
    }
}

extension CoordinatorConfiguration {
    enum CodingKeys: String, CodingKey {
        case listen, secretFile, secretEnv, tls, stateDirectory, commandTimeoutSeconds, limits, dashboard
    }

    /// Reads a configuration; absent fields take their defaults (``validate()`` checks the values).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.listen = try container.decodeIfPresent(String.self, forKey: .listen) ?? "0.0.0.0:7900"
        self.secretFile = try container.decodeIfPresent(String.self, forKey: .secretFile)
        self.secretEnv = try container.decodeIfPresent(String.self, forKey: .secretEnv)
        self.tls = try container.decodeIfPresent(TLS.self, forKey: .tls)
        self.stateDirectory = try container.decode(String.self, forKey: .stateDirectory)
        self.commandTimeoutSeconds = try container.decodeIfPresent(Int.self, forKey: .commandTimeoutSeconds) ?? 30
        self.limits = try container.decodeIfPresent(Limits.self, forKey: .limits) ?? Limits()
        self.dashboard = try container.decodeIfPresent(Dashboard.self, forKey: .dashboard)
    }
}

extension CoordinatorConfiguration.Limits {
    enum CodingKeys: String, CodingKey {
        case maxAgents, maxEventsKept, maxCommandsKept, maxPendingCommands, maxResentPerAgent, watcherQueue
        case maxLineBytes, heartbeatSeconds
    }

    /// Reads the limits; absent ones take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        self.maxAgents = try container.decodeIfPresent(Int.self, forKey: .maxAgents) ?? defaults.maxAgents
        self.maxEventsKept = try container.decodeIfPresent(Int.self, forKey: .maxEventsKept) ?? defaults.maxEventsKept
        self.maxCommandsKept =
            try container.decodeIfPresent(Int.self, forKey: .maxCommandsKept) ?? defaults.maxCommandsKept
        self.maxPendingCommands =
            try container.decodeIfPresent(Int.self, forKey: .maxPendingCommands) ?? defaults.maxPendingCommands
        self.maxResentPerAgent =
            try container.decodeIfPresent(Int.self, forKey: .maxResentPerAgent) ?? defaults.maxResentPerAgent
        self.watcherQueue = try container.decodeIfPresent(Int.self, forKey: .watcherQueue) ?? defaults.watcherQueue
        self.maxLineBytes = try container.decodeIfPresent(Int.self, forKey: .maxLineBytes) ?? defaults.maxLineBytes
        self.heartbeatSeconds =
            try container.decodeIfPresent(Int.self, forKey: .heartbeatSeconds) ?? defaults.heartbeatSeconds
    }
}

extension CoordinatorConfiguration.Dashboard {
    enum CodingKeys: String, CodingKey {
        case listen, operatorTokens, operatorTokensFile
    }

    /// Reads the dashboard section; `listen` defaults to `127.0.0.1:7901`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.listen = try container.decodeIfPresent(String.self, forKey: .listen) ?? "127.0.0.1:7901"
        self.operatorTokens = try container.decodeIfPresent([String: String].self, forKey: .operatorTokens)
        self.operatorTokensFile = try container.decodeIfPresent(String.self, forKey: .operatorTokensFile)
    }
}
