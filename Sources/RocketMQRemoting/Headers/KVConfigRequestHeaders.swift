/// PUT_KV_CONFIG (100) request header (`PutKVConfigRequestHeader.java`): every field is required.
public struct PutKVConfigRequestHeader: CommandCustomHeader, Hashable {
    /// The KV namespace, e.g. `ORDER_TOPIC_CONFIG`.
    public var namespace: String
    /// The key, e.g. a topic name.
    public var key: String
    /// The value, e.g. `"broker-a:4;broker-b:4"`.
    public var value: String

    /// Creates a header.
    public init(namespace: String, key: String, value: String) {
        self.namespace = namespace
        self.key = key
        self.value = value
    }

    /// Reads `namespace`, `key` and `value`, all required.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.namespace = try ext.required("namespace")
        self.key = try ext.required("key")
        self.value = try ext.required("value")
    }

    /// `namespace`, `key`, `value`.
    public var ext: RemotingExtFields { ["namespace": self.namespace, "key": self.key, "value": self.value] }
}

/// DELETE_TOPIC_IN_NAMESRV (216) request header (`DeleteTopicFromNamesrvRequestHeader.java`).
public struct DeleteTopicFromNamesrvRequestHeader: CommandCustomHeader, Hashable {
    /// The topic.
    public var topic: String
    /// When set, only this cluster's brokers drop the topic; nil drops it everywhere.
    public var clusterName: String?

    /// Creates a header.
    public init(topic: String, clusterName: String? = nil) {
        self.topic = topic
        self.clusterName = clusterName
    }

    /// Reads `topic` (required) and `clusterName`.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.topic = try ext.required("topic")
        self.clusterName = ext["clusterName"]
    }

    /// `topic`, then `clusterName` when set.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = ["topic": self.topic]
        fields.set("clusterName", self.clusterName)
        return fields
    }
}
