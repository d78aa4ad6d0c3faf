/// A topic or consumer group as the `map` hook sees it.
///
/// In Lua it is the table `{kind="topic"|"group", name=, namespace=, queues=, perm=, order=, cluster=}`
/// (`queues` and `perm` integers, `order` a boolean).
public struct HookResource: Sendable, Hashable {
    /// Whether the resource is a topic or a consumer group.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A topic.
        case topic
        /// A consumer (subscription) group.
        case group
    }

    /// Topic or group.
    public var kind: Kind
    /// The name on the source cluster, e.g. `mro_order_created`.
    public var name: String
    /// The namespace the plan puts it in (the default mapping: the part before `%`, else `default`).
    public var namespace: String
    /// The queue count (read + write queues of a topic; 0 for a group).
    public var queues: Int
    /// RocketMQ permission bits (2 write, 4 read, 6 read/write).
    public var perm: Int
    /// Whether the topic is ordered.
    public var order: Bool
    /// The source cluster's name.
    public var cluster: String

    /// Creates a resource.
    /// - Parameters:
    ///   - kind: topic or group.
    ///   - name: the source name.
    ///   - namespace: the planned namespace (default `"default"`).
    ///   - queues: the queue count (default 8; use 0 for a group).
    ///   - perm: permission bits (default 6, read/write).
    ///   - order: whether the topic is ordered (default `false`).
    ///   - cluster: the source cluster name (default `""`).
    public init(
        kind: Kind,
        name: String,
        namespace: String = "default",
        queues: Int = 8,
        perm: Int = 6,
        order: Bool = false,
        cluster: String = ""
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.queues = queues
        self.perm = perm
        self.order = order
        self.cluster = cluster
    }

}
