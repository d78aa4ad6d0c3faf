public import RocketMQRemoting

/// Settings of a ``RemotingClient``.
public struct RemotingClientConfiguration: Sendable {
    /// The timeout of a request when the caller gives none. Default 3 s (Java's admin default).
    public var requestTimeout: Duration = .seconds(3)
    /// How long dialing an address may take. Default 3 s (Java's `connectTimeoutMillis`).
    public var connectTimeout: Duration = .seconds(3)
    /// The `version` put on every request. Default 409, what a 4.9.8 Java client sends (so a 4.9.4+
    /// NameServer answers routes in standard JSON).
    public var version: Int = RemotingCommand.defaultVersion
    /// The `language` put on every request. Default `JAVA`, like the Apache clients.
    public var language: LanguageCode = .java
    /// How request headers are serialized. Default JSON (RocketMQ's default).
    public var serializeType: RemotingSerializeType = .json
    /// ACL 1.0 credentials; when set, every request is signed like `AclClientRPCHook` does. Default none.
    public var credentials: AclCredentials?
    /// The largest frame accepted from a server. Default 16 MiB, RocketMQ's `FRAME_MAX_LENGTH`.
    public var maxFrameLength: Int = 16 * 1024 * 1024

    /// The defaults above.
    public init() {}
}
