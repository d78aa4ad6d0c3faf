public import NIOCore

extension MessageExt {
    /// `MESSAGE_MAGIC_CODE` (v1: one-byte topic length), the format 4.x brokers store and serve.
    public static let magicCodeV1 = Int32(bitPattern: 0xDAA3_20A7)
    /// `MESSAGE_MAGIC_CODE_V2` (5.x, two-byte topic length); decoded, never written.
    public static let magicCodeV2 = Int32(bitPattern: 0xDAA3_20AB)

    /// The stored size of this message (`CommitLog.calMsgLength`).
    public var storeSize: Int {
        let hostLengths = (self.bornHost.address.count + 4) + (self.storeHost.address.count + 4)
        let topicLength = self.topic.utf8.count
        let propertiesLength = MessageProperties.encode(self.properties).utf8.count
        return 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 4 + 8 + hostLengths + 4 + self.body.count + 1 + topicLength + 2
            + propertiesLength
    }

    /// Writes the message in the v1 store format (`CommitLog.DefaultAppendMessageCallback`), big-endian.
    /// The IPv6 sysFlag bits follow the hosts; the body is written as it is (compressed or not).
    public func encode(into buffer: inout ByteBuffer) {
        var sysFlag = self.sysFlag
        if self.bornHost.isIPv6 { sysFlag.insert(.bornHostV6) } else { sysFlag.remove(.bornHostV6) }
        if self.storeHost.isIPv6 { sysFlag.insert(.storeHostV6) } else { sysFlag.remove(.storeHostV6) }
        let topic = Array(self.topic.utf8.prefix(Int(Int8.max)))
        let properties = Array(MessageProperties.encode(self.properties).utf8.prefix(Int(Int16.max)))
        let start = buffer.writerIndex
        buffer.writeInteger(Int32(0))  // total size, patched below
        buffer.writeInteger(Self.magicCodeV1)
        buffer.writeInteger(self.bodyCRC)
        buffer.writeInteger(self.queueId)
        buffer.writeInteger(self.flag)
        buffer.writeInteger(self.queueOffset)
        buffer.writeInteger(self.commitLogOffset)
        buffer.writeInteger(sysFlag.rawValue)
        buffer.writeInteger(self.bornTimestamp)
        buffer.writeBytes(self.bornHost.address)
        buffer.writeInteger(self.bornHost.port)
        buffer.writeInteger(self.storeTimestamp)
        buffer.writeBytes(self.storeHost.address)
        buffer.writeInteger(self.storeHost.port)
        buffer.writeInteger(self.reconsumeTimes)
        buffer.writeInteger(self.preparedTransactionOffset)
        buffer.writeInteger(Int32(self.body.count))
        buffer.writeBytes(self.body)
        buffer.writeInteger(UInt8(topic.count))
        buffer.writeBytes(topic)
        buffer.writeInteger(UInt16(properties.count))
        buffer.writeBytes(properties)
        buffer.setInteger(Int32(buffer.writerIndex - start), at: start)
    }

    /// Reads one stored message (`MessageDecoder.decode`) and moves the reader index past it.
    /// Returns `nil` when the buffer is empty; throws when the bytes are not a whole, valid message
    /// (the reader index is then left where it was).
    public static func decode(from buffer: inout ByteBuffer) throws(RemotingError) -> MessageExt? {
        guard buffer.readableBytes > 0 else { return nil }
        let start = buffer.readerIndex
        guard let totalSize = buffer.getInteger(at: start, as: Int32.self), totalSize >= 4,
            Int(totalSize) <= buffer.readableBytes
        else {
            throw RemotingError(
                .truncatedFrame, "stored message shorter than its size field",
                bytesHex: RemotingError.hexPrefix(buffer.readableBytesView))
        }
        var slice = buffer.getSlice(at: start, length: Int(totalSize))!
        guard let message = Self.decodeWhole(&slice) else {
            throw RemotingError(
                .invalidFieldValue, "malformed stored message",
                bytesHex: RemotingError.hexPrefix(buffer.readableBytesView))
        }
        buffer.moveReaderIndex(forwardBy: Int(totalSize))
        return message
    }

    /// Reads every stored message in `buffer` (a PULL_MESSAGE response body).
    public static func decodeAll(from buffer: ByteBuffer) throws(RemotingError) -> [MessageExt] {
        var buffer = buffer
        var messages: [MessageExt] = []
        while let message = try Self.decode(from: &buffer) { messages.append(message) }
        return messages
    }

    /// Decodes a slice that holds exactly one message; `nil` on any inconsistency.
    private static func decodeWhole(_ buffer: inout ByteBuffer) -> MessageExt? {
        guard buffer.readInteger(as: Int32.self) != nil,
            let magic = buffer.readInteger(as: Int32.self), magic == Self.magicCodeV1 || magic == Self.magicCodeV2,
            let bodyCRC = buffer.readInteger(as: Int32.self),
            let queueId = buffer.readInteger(as: Int32.self),
            let flag = buffer.readInteger(as: Int32.self),
            let queueOffset = buffer.readInteger(as: Int64.self),
            let commitLogOffset = buffer.readInteger(as: Int64.self),
            let rawSysFlag = buffer.readInteger(as: Int32.self)
        else { return nil }
        let sysFlag = MessageSysFlag(rawValue: rawSysFlag)
        guard let bornTimestamp = buffer.readInteger(as: Int64.self),
            let bornHost = Self.readHost(&buffer, ipv6: sysFlag.contains(.bornHostV6)),
            let storeTimestamp = buffer.readInteger(as: Int64.self),
            let storeHost = Self.readHost(&buffer, ipv6: sysFlag.contains(.storeHostV6)),
            let reconsumeTimes = buffer.readInteger(as: Int32.self),
            let preparedTransactionOffset = buffer.readInteger(as: Int64.self),
            let bodyLength = buffer.readInteger(as: Int32.self), bodyLength >= 0,
            let body = buffer.readBytes(length: Int(bodyLength))
        else { return nil }
        let topicLength: Int?
        if magic == Self.magicCodeV2 {
            topicLength = buffer.readInteger(as: UInt16.self).map(Int.init)
        } else {
            topicLength = buffer.readInteger(as: UInt8.self).map(Int.init)
        }
        guard let topicLength, let topic = buffer.readString(length: topicLength),
            let propertiesLength = buffer.readInteger(as: UInt16.self),
            let properties = buffer.readString(length: Int(propertiesLength)),
            buffer.readableBytes == 0
        else { return nil }
        return MessageExt(
            topic: topic, queueId: queueId, queueOffset: queueOffset, body: body, flag: flag,
            properties: MessageProperties.decode(properties), bornTimestamp: bornTimestamp, bornHost: bornHost,
            storeTimestamp: storeTimestamp, storeHost: storeHost, sysFlag: sysFlag, bodyCRC: bodyCRC,
            reconsumeTimes: reconsumeTimes, preparedTransactionOffset: preparedTransactionOffset,
            commitLogOffset: commitLogOffset)
    }

    private static func readHost(_ buffer: inout ByteBuffer, ipv6: Bool) -> MessageHost? {
        guard let address = buffer.readBytes(length: ipv6 ? 16 : 4), let port = buffer.readInteger(as: Int32.self)
        else { return nil }
        return MessageHost(address: address, port: port)
    }
}
