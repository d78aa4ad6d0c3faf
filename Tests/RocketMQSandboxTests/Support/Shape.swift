import NIOCore
import RocketMQRemoting

/// The shape of a body: field names and nesting, with map fields (data keys) reduced to their key style
/// (`s` quoted string, `i` bare integer, `{…}` object key) and the set of their value shapes.
enum Shape {
    /// Fields whose keys are data, not field names.
    static let mapFields: Set<String> = [
        "topicConfigTable", "subscriptionGroupTable", "brokerAddrs", "brokerAddrTable", "clusterAddrTable",
        "offsetTable", "subscriptionTable", "table", "filterServerTable",
    ]

    static func of(_ json: RemotingJSON, field: String? = nil) -> String {
        switch json {
        case .null: return "null"
        case .bool: return "b"
        case .integer: return "i"
        case .double: return "d"
        case .string: return "s"
        case .array(let items):
            return "[" + Set(items.map { of($0) }).sorted().joined(separator: "|") + "]"
        case .object(let object):
            if field.map(mapFields.contains) == true || object.members.contains(where: { keyStyle($0.key) != "s" }) {
                let keys = Set(object.members.map { keyStyle($0.key) }).sorted().joined(separator: "|")
                let values = Set(object.members.map { of($0.value) }).sorted().joined(separator: "|")
                return "map<\(keys),\(values)>"
            }
            let members = object.members.map { member -> String in
                let name = (try? member.key.string()) ?? "?"
                return "\(name):\(of(member.value, field: name))"
            }
            return "{" + members.sorted().joined(separator: ",") + "}"
        }
    }

    static func keyStyle(_ key: RemotingJSON) -> String {
        switch key {
        case .integer: "i"
        case .string: "s"
        default: of(key)
        }
    }

    /// The shape of a command's body: JSON shape, or the sorted key set of a properties text.
    static func body(_ command: RemotingCommand) -> String {
        guard let body = command.body, body.readableBytes > 0 else { return "none" }
        if let json = try? RemotingJSON(parsing: body) { return of(json) }
        if command.requestCode == .pullMessage || command.responseCode == .success,
            let messages = try? MessageExt.decodeAll(from: body), !messages.isEmpty
        {
            return "messages:" + messages.map { $0.properties.keys.sorted().joined(separator: ",") }.joined(separator: ";")
        }
        let text = body.getString(at: body.readerIndex, length: body.readableBytes) ?? ""
        return "properties:" + text.split(separator: "\n").map { String($0.prefix { $0 != "=" }) }.sorted().joined(separator: ",")
    }
}
