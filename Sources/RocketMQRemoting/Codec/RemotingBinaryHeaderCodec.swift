import NIOCore

/// The binary `ROCKETMQ` header (`RocketMQSerializable.java`), big-endian:
/// `int16 code | int8 language | int16 version | int32 opaque | int32 flag | int32 remarkLen + remark |
/// int32 extLen + (int16 keyLen + key | int32 valLen + value)*`.
///
/// A nil or empty remark is written as length 0 and decodes as nil; nil or empty ext fields likewise.
enum RemotingBinaryHeaderCodec {
    static func encode(_ command: RemotingCommand, into buffer: inout ByteBuffer) throws(RemotingError) {
        guard let code = Int16(exactly: command.code) else {
            throw RemotingError(.valueOutOfRange, "code \(command.code) does not fit the binary header's int16")
        }
        guard let version = Int16(exactly: command.version) else {
            throw RemotingError(.valueOutOfRange, "version \(command.version) does not fit the binary header's int16")
        }
        buffer.writeInteger(code)
        buffer.writeInteger(command.language.code)
        buffer.writeInteger(version)
        buffer.writeInteger(command.opaque)
        buffer.writeInteger(command.flag)
        if let remark = command.remark, !remark.isEmpty {
            buffer.writeInteger(Int32(remark.utf8.count))
            buffer.writeString(remark)
        } else {
            buffer.writeInteger(Int32(0))
        }
        let extLengthIndex = buffer.writerIndex
        buffer.writeInteger(Int32(0))
        for entry in command.extFields ?? [:] {
            guard let keyLength = Int16(exactly: entry.key.utf8.count) else {
                throw RemotingError(.valueOutOfRange, "ext key of \(entry.key.utf8.count) bytes exceeds int16")
            }
            buffer.writeInteger(keyLength)
            buffer.writeString(entry.key)
            buffer.writeInteger(Int32(entry.value.utf8.count))
            buffer.writeString(entry.value)
        }
        buffer.setInteger(Int32(buffer.writerIndex - extLengthIndex - 4), at: extLengthIndex)
    }

    /// Decodes a header; the body is attached by the caller. Every length is checked against the header.
    static func decode(_ header: ByteBuffer) throws(RemotingError) -> RemotingCommand {
        var header = header
        let size = header.readableBytes
        guard let code = header.readInteger(as: Int16.self),
            let language = header.readInteger(as: UInt8.self),
            let version = header.readInteger(as: Int16.self),
            let opaque = header.readInteger(as: Int32.self),
            let flag = header.readInteger(as: Int32.self)
        else {
            throw RemotingError(.malformedHeader, "binary header of \(size) bytes is shorter than its 13 fixed bytes")
        }
        var command = RemotingCommand(
            code: Int(code),
            language: LanguageCode(code: language),
            version: Int(version),
            opaque: opaque,
            flag: flag,
            serializeType: .rocketmq
        )
        let remark = try Self.readLengthPrefixed(&header, Int32.self, what: "remark", endOffset: size)
        if remark.readableBytes > 0 { command.remark = String(buffer: remark) }
        var ext = try Self.readLengthPrefixed(&header, Int32.self, what: "extFields", endOffset: size)
        if ext.readableBytes > 0 {
            var fields = RemotingExtFields()
            let extEnd = size - header.readableBytes
            while ext.readableBytes > 0 {
                guard fields.count < RemotingExtFields.maxDecodedCount else {
                    throw RemotingError(
                        .malformedHeader,
                        "binary header has more than \(RemotingExtFields.maxDecodedCount) ext fields",
                        offset: extEnd - ext.readableBytes
                    )
                }
                let key = try Self.readLengthPrefixed(&ext, Int16.self, what: "ext key", endOffset: extEnd)
                let value = try Self.readLengthPrefixed(&ext, Int32.self, what: "ext value", endOffset: extEnd)
                fields[String(buffer: key)] = String(buffer: value)
            }
            command.extFields = fields
        }
        guard header.readableBytes == 0 else {
            throw RemotingError(
                .malformedHeader,
                "binary header has \(header.readableBytes) bytes after its ext fields",
                offset: size - header.readableBytes
            )
        }
        return command
    }

    private static func readLengthPrefixed<Length: FixedWidthInteger>(
        _ buffer: inout ByteBuffer,
        _: Length.Type,
        what: String,
        endOffset: Int
    ) throws(RemotingError) -> ByteBuffer {
        let offset = endOffset - buffer.readableBytes
        guard let length = buffer.readInteger(as: Length.self) else {
            throw RemotingError(.malformedHeader, "binary header ends before the \(what) length", offset: offset)
        }
        guard length >= 0, let slice = buffer.readSlice(length: Int(length)) else {
            throw RemotingError(
                .malformedHeader,
                "\(what) length \(length) exceeds the \(buffer.readableBytes) bytes left in the binary header",
                offset: offset
            )
        }
        return slice
    }
}
