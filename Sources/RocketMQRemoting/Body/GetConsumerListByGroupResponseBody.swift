/// The client ids of a consumer group: the body of the GET_CONSUMER_LIST_BY_GROUP (38) answer
/// (`remoting/…/header/GetConsumerListByGroupResponseBody.java`).
public struct GetConsumerListByGroupResponseBody: RemotingJSONBody, Hashable {
    /// The client ids, in the broker's order.
    public var consumerIdList: [String]

    /// Makes a consumer list.
    public init(consumerIdList: [String] = []) {
        self.consumerIdList = consumerIdList
    }

    /// Reads the body.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "GetConsumerListByGroupResponseBody")
        self.consumerIdList = try reader.strings("consumerIdList") ?? []
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("consumerIdList", BodyWriter.strings(consumerIdList))
        return writer.json
    }
}
