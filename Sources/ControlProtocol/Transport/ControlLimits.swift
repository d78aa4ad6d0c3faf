/// The bounds of one connection. Defaults: 4 MiB lines after authentication, 4 KiB before, heartbeats every
/// 10 s (a peer silent for 3 intervals is dropped), 10,000 connections per server, 10 s to authenticate.
public struct ControlLimits: Sendable, Equatable {
    /// The longest line after authentication, in bytes without the LF (default 4 MiB).
    public var maxLineBytes: Int
    /// The longest line before authentication (default 4 KiB).
    public var maxPreAuthLineBytes: Int
    /// Seconds between heartbeats; the server announces its value in `OK` to `AUTH` (default 10).
    public var heartbeatSeconds: Int
    /// Connections a server holds at once; the next one gets `ERR 429` and is closed (default 10,000).
    public var maxConnections: Int
    /// Time from connecting to an authenticated connection (default 10 s).
    public var authTimeout: Duration

    /// Limits; every argument defaults to the value above.
    public init(
        maxLineBytes: Int = 4 << 20, maxPreAuthLineBytes: Int = 4096, heartbeatSeconds: Int = 10,
        maxConnections: Int = 10_000, authTimeout: Duration = .seconds(10)
    ) {
        self.maxLineBytes = maxLineBytes
        self.maxPreAuthLineBytes = maxPreAuthLineBytes
        self.heartbeatSeconds = heartbeatSeconds
        self.maxConnections = maxConnections
        self.authTimeout = authTimeout
    }
}
