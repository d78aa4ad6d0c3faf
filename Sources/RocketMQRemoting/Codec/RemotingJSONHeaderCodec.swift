import NIOCore

/// The JSON header: the fastjson encoding of `RemotingCommand` (FACTS §1.3).
///
/// Written exactly as Java writes it: keys in alphabetical order (`code`, `extFields` unless nil, `flag`,
/// `language`, `opaque`, `remark` unless nil, `serializeTypeCurrentRPC`, `version`), ext fields in
/// their stored order. Read in any key order; unknown keys are ignored.
enum RemotingJSONHeaderCodec {
    static func encode(_ command: RemotingCommand, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"code\":")
        RemotingJSONWriter.writeInteger(Int64(command.code), into: &buffer)
        if let extFields = command.extFields {
            buffer.writeStaticString(",\"extFields\":{")
            for (position, entry) in extFields.enumerated() {
                if position > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                RemotingJSONWriter.writeString(entry.key, dialect: .fastjson, into: &buffer)
                buffer.writeInteger(UInt8(ascii: ":"))
                RemotingJSONWriter.writeString(entry.value, dialect: .fastjson, into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "}"))
        }
        buffer.writeStaticString(",\"flag\":")
        RemotingJSONWriter.writeInteger(Int64(command.flag), into: &buffer)
        buffer.writeStaticString(",\"language\":")
        RemotingJSONWriter.writeString(command.language.name, dialect: .fastjson, into: &buffer)
        buffer.writeStaticString(",\"opaque\":")
        RemotingJSONWriter.writeInteger(Int64(command.opaque), into: &buffer)
        if let remark = command.remark {
            buffer.writeStaticString(",\"remark\":")
            RemotingJSONWriter.writeString(remark, dialect: .fastjson, into: &buffer)
        }
        buffer.writeStaticString(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":")
        RemotingJSONWriter.writeInteger(Int64(command.version), into: &buffer)
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    /// Decodes a header; the body is attached by the caller.
    static func decode(_ header: ByteBuffer) throws(RemotingError) -> RemotingCommand {
        let json: RemotingJSON
        do {
            json = try RemotingJSON(parsing: header, maxDepth: 8)
        } catch {
            throw RemotingError(.malformedHeader, "JSON header: \(error.reason)", offset: error.offset)
        }
        guard case .object(let object) = json else {
            throw RemotingError(.malformedHeader, "JSON header is \(json.typeName), not an object")
        }
        var command = RemotingCommand(code: 0, version: 0, serializeType: .json)
        var sawCode = false
        for member in object.members {
            guard case .string(let key) = member.key else { continue }
            let value = member.value
            switch key {
            case "code":
                command.code = Int(try Self.int32(value, key))
                sawCode = true
            case "flag": command.flag = try Self.int32(value, key)
            case "opaque": command.opaque = try Self.int32(value, key)
            case "version": command.version = Int(try Self.int32(value, key))
            case "language":
                if case .string(let name) = value { command.language = LanguageCode(name: name) }
                else if value != .null { throw Self.invalid(key, value) }
            case "remark":
                if case .string(let remark) = value { command.remark = remark }
                else if value != .null { throw Self.invalid(key, value) }
            case "extFields":
                command.extFields = try Self.extFields(value)
            default:
                continue  // serializeTypeCurrentRPC, and anything newer
            }
        }
        guard sawCode else { throw RemotingError(.malformedHeader, "JSON header has no \"code\"") }
        return command
    }

    private static func int32(_ value: RemotingJSON, _ key: String) throws(RemotingError) -> Int32 {
        guard case .integer(let integer) = value, let result = Int32(exactly: integer) else {
            throw Self.invalid(key, value)
        }
        return result
    }

    private static func extFields(_ value: RemotingJSON) throws(RemotingError) -> RemotingExtFields? {
        switch value {
        case .null: return nil
        case .object(let object):
            guard object.members.count <= RemotingExtFields.maxDecodedCount else {
                throw RemotingError(
                    .malformedHeader,
                    "JSON header has \(object.members.count) ext fields, more than \(RemotingExtFields.maxDecodedCount)")
            }
            var fields = RemotingExtFields()
            for member in object.members {
                switch member.value {
                case .string(let string): fields[member.key.keyText] = string
                case .integer, .bool, .double: fields[member.key.keyText] = member.value.text(dialect: .fastjson)
                case .null: continue  // Java's map would hold null, which no encoder writes
                case .array, .object: throw Self.invalid("extFields." + member.key.keyText, member.value)
                }
            }
            return fields
        default: throw Self.invalid("extFields", value)
        }
    }

    private static func invalid(_ key: String, _ value: RemotingJSON) -> RemotingError {
        RemotingError(.malformedHeader, "JSON header field \"\(key)\" has an invalid \(value.typeName) value")
    }
}
