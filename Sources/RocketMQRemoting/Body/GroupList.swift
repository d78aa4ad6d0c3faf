/// A set of consumer group names: the body of QUERY_TOPIC_CONSUME_BY_WHO (300) (`remoting/…/body/GroupList.java`).
public struct GroupList: RemotingJSONBody, Hashable {
    /// The group names (a Java `HashSet`, order as received).
    public var groupList: [String]

    /// Makes a group list.
    public init(groupList: [String] = []) {
        self.groupList = groupList
    }

    /// Reads a GroupList object; an absent list is empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "GroupList")
        self.groupList = try reader.strings("groupList") ?? []
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("groupList", BodyWriter.strings(groupList))
        return writer.json
    }
}
