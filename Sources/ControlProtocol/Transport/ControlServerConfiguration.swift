/// How a ``ControlServer`` listens and whom it lets in.
public struct ControlServerConfiguration: Sendable {
    /// The address to bind (default `0.0.0.0`).
    public var host: String
    /// The port to bind; 0 picks a free one (read it from ``ControlServer/port``).
    public var port: Int
    /// The name `HELLO` carries, e.g. `ferry-coordinator 0.3.0`.
    public var serverName: String
    /// The shared secret clients must prove.
    public var secret: ControlSecret
    /// TLS, or nil for plain TCP.
    public var tls: ControlTLSConfiguration?
    /// Line lengths, heartbeats, connection count, authentication time.
    public var limits: ControlLimits

    /// A configuration; TLS off and default ``ControlLimits`` unless given.
    public init(
        host: String = "0.0.0.0", port: Int, serverName: String, secret: ControlSecret,
        tls: ControlTLSConfiguration? = nil, limits: ControlLimits = ControlLimits()
    ) {
        self.host = host
        self.port = port
        self.serverName = serverName
        self.secret = secret
        self.tls = tls
        self.limits = limits
    }
}

/// How ``ControlClient`` dials and who it says it is.
public struct ControlClientConfiguration: Sendable {
    /// The server's host.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to authenticate as.
    public var role: ControlRole
    /// The agent id or operator name (1–64 of `A-Z a-z 0-9 - _ . :`).
    public var id: String
    /// The shared secret.
    public var secret: ControlSecret
    /// TLS, or nil for plain TCP.
    public var tls: ControlTLSConfiguration?
    /// Line lengths and the authentication time (the server sets the heartbeat interval).
    public var limits: ControlLimits
    /// Time to establish the TCP (and TLS) connection (default 5 s).
    public var connectTimeout: Duration

    /// A configuration; TLS off, default ``ControlLimits`` and a 5 s connect timeout unless given.
    public init(
        host: String, port: Int, role: ControlRole, id: String, secret: ControlSecret,
        tls: ControlTLSConfiguration? = nil, limits: ControlLimits = ControlLimits(),
        connectTimeout: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.role = role
        self.id = id
        self.secret = secret
        self.tls = tls
        self.limits = limits
        self.connectTimeout = connectTimeout
    }
}
