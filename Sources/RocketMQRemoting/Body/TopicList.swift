/// A list of topic names: the body of GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206),
/// GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305) and others (`remoting/…/body/TopicList.java`).
public struct TopicList: RemotingJSONBody, Hashable {
    /// The topic names (a Java `Set`, order as received).
    public var topicList: [String]
    /// The broker's address, when the sender sets it; `nil` otherwise.
    public var brokerAddr: String?

    /// Makes a topic list.
    public init(topicList: [String] = [], brokerAddr: String? = nil) {
        self.topicList = topicList
        self.brokerAddr = brokerAddr
    }

    /// Reads a TopicList object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "TopicList")
        self.topicList = try reader.strings("topicList") ?? []
        self.brokerAddr = try reader.string("brokerAddr")
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerAddr", brokerAddr.map { .string($0) })
        writer.set("topicList", BodyWriter.strings(topicList))
        return writer.json
    }
}
