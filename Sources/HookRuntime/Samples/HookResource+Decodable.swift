extension HookResource: Decodable {
    /// The most queues a sample resource may have (RocketMQ allows far fewer per broker).
    static let maximumQueues = 65_536

    private enum CodingKeys: String, CodingKey {
        case kind, name, namespace, queues, perm, order, cluster
    }

    /// Decodes `{"kind": "topic"|"group", "name": …, "namespace"?, "queues"?, "perm"?, "order"?, "cluster"?}`;
    /// missing fields take the defaults of ``init(kind:name:namespace:queues:perm:order:cluster:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind),
            name: try container.decode(String.self, forKey: .name),
            namespace: try container.decodeIfPresent(String.self, forKey: .namespace) ?? "default",
            queues: try container.decodeIfPresent(Int.self, forKey: .queues, in: 0...Self.maximumQueues) ?? 8,
            perm: try container.decodeIfPresent(Int.self, forKey: .perm, in: 0...15) ?? 6,
            order: try container.decodeIfPresent(Bool.self, forKey: .order) ?? false,
            cluster: try container.decodeIfPresent(String.self, forKey: .cluster) ?? ""
        )
    }
}

extension HookResource.Kind: Decodable {}
