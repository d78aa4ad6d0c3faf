public import NIOCore

/// The body of SEND_BATCH_MESSAGE (320): messages one after another in the client's batch format
/// (`MessageDecoder.encodeMessage`/`decodeMessage`): total size, magic 0, body CRC 0, flag, body length,
/// body, properties length (Int16) and properties text. Topic, queue and batch-wide properties travel in the
/// request header.
public struct MessageBatch: Sendable, Hashable {
    /// One message of a batch.
    public struct Entry: Sendable, Hashable {
        /// The message flag.
        public var flag: Int32
        /// The body.
        public var body: [UInt8]
        /// Its own properties (`UNIQ_KEY`, `TAGS`, `KEYS`, …).
        public var properties: [String: String]

        /// Makes an entry.
        public init(flag: Int32 = 0, body: [UInt8], properties: [String: String] = [:]) {
            self.flag = flag
            self.body = body
            self.properties = properties
        }
    }

    /// The messages, in order.
    public var entries: [Entry]

    /// Makes a batch.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads every message of a batch body.
    /// - Throws: ``RemotingError`` `truncatedFrame` when a message runs past the end or its sizes disagree.
    public init(decoding buffer: ByteBuffer) throws(RemotingError) {
        var buffer = buffer
        var entries: [Entry] = []
        while buffer.readableBytes > 0 {
            let start = buffer.readerIndex
            guard let totalSize = buffer.readInteger(as: Int32.self), totalSize >= 22,
                Int(totalSize) - 4 <= buffer.readableBytes,
                buffer.readInteger(as: Int32.self) != nil, buffer.readInteger(as: Int32.self) != nil,
                let flag = buffer.readInteger(as: Int32.self), let bodyLength = buffer.readInteger(as: Int32.self),
                bodyLength >= 0, let body = buffer.readBytes(length: Int(bodyLength)),
                let propertiesLength = buffer.readInteger(as: Int16.self), propertiesLength >= 0,
                let properties = buffer.readString(length: Int(propertiesLength)),
                buffer.readerIndex - start == Int(totalSize)
            else {
                throw RemotingError(
                    .truncatedFrame, "batch message \(entries.count) at byte \(start) is truncated or inconsistent")
            }
            entries.append(Entry(flag: flag, body: body, properties: MessageProperties.decode(properties)))
        }
        self.entries = entries
    }

    /// The batch body as the Java client writes it.
    public func encode(into buffer: inout ByteBuffer) {
        for entry in self.entries {
            let properties = Array(MessageProperties.encode(entry.properties).utf8)
            buffer.writeInteger(Int32(truncatingIfNeeded: 22 + entry.body.count + properties.count))
            buffer.writeInteger(Int32(0))
            buffer.writeInteger(Int32(0))
            buffer.writeInteger(entry.flag)
            buffer.writeInteger(Int32(truncatingIfNeeded: entry.body.count))
            buffer.writeBytes(entry.body)
            buffer.writeInteger(Int16(truncatingIfNeeded: properties.count))
            buffer.writeBytes(properties)
        }
    }
}
