import NIOCore
import RocketMQRemoting

extension RemotingJSON {
    /// An object with string keys, in the given order (callers pass fastjson's alphabetical order).
    static func fields(_ pairs: KeyValuePairs<String, RemotingJSON>) -> RemotingJSON {
        .object(RemotingJSONObject(pairs.map { (RemotingJSON.string($0.key), $0.value) }))
    }

    /// An object keyed by `keys` (sorted), each value made by `value`.
    static func map<Key: Comparable>(
        _ dictionary: [Key: some Any], key: (Key) -> RemotingJSON, value: (Key) -> RemotingJSON
    ) -> RemotingJSON {
        .object(RemotingJSONObject(dictionary.keys.sorted().map { (key($0), value($0)) }))
    }

    /// A JSON array of strings.
    static func strings(_ values: some Sequence<String>) -> RemotingJSON {
        .array(values.map { .string($0) })
    }

    /// The body bytes, in fastjson's dialect unless told otherwise.
    func body(_ dialect: RemotingJSONDialect = .fastjson) -> ByteBuffer {
        self.byteBuffer(dialect: dialect)
    }
}

extension RemotingCommand {
    /// The request body parsed as JSON (either dialect); `nil` when there is no body or it is not JSON.
    var jsonBody: RemotingJSON? {
        guard let body = self.body, body.readableBytes > 0 else { return nil }
        return try? RemotingJSON(parsing: body)
    }

    /// The request body as UTF-8 text (empty when none).
    var textBody: String {
        guard let body = self.body else { return "" }
        return body.getString(at: body.readerIndex, length: body.readableBytes) ?? ""
    }

    /// The response to `request` with `code`, `remark`, ext fields and body, in the request's serialize type.
    static func reply(
        _ request: RemotingCommand, _ code: ResponseCode = .success, remark: String? = nil,
        ext: RemotingExtFields? = nil, body: ByteBuffer? = nil
    ) -> RemotingCommand {
        .response(to: request, code: code, remark: remark, ext: ext, body: body)
    }
}
