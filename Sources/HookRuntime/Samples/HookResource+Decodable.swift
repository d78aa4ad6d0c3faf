extension HookResource: Decodable {
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
            queues: try container.decodeIfPresent(Int.self, forKey: .queues) ?? 8,
            perm: try container.decodeIfPresent(Int.self, forKey: .perm) ?? 6,
            order: try container.decodeIfPresent(Bool.self, forKey: .order) ?? false,
            cluster: try container.decodeIfPresent(String.self, forKey: .cluster) ?? ""
        )
    }
}

extension HookResource.Kind: Decodable {}
