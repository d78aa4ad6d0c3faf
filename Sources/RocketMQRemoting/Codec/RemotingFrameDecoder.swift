public import NIOCore

/// Splits a byte stream into RocketMQ frames and decodes each into a ``RemotingCommand``.
///
/// The same framing as RocketMQ's `NettyDecoder` (`LengthFieldBasedFrameDecoder(16 MiB, 0, 4, 0, 4)`): a
/// big-endian int32 length counting the bytes after itself. A partial frame leaves the buffer untouched
/// and waits for more. A bad frame throws a ``RemotingError`` whose `bytesHex` holds the frame's first bytes;
/// the decoder never reads outside the frame it is decoding. The body is a slice of the input, not a copy.
public struct RemotingFrameDecoder: NIOSingleStepByteToMessageDecoder {
    /// Decoded commands.
    public typealias InboundOut = RemotingCommand

    /// RocketMQ's default `com.rocketmq.remoting.frameMaxLength`: 16 MiB.
    public static let defaultMaxFrameLength = 16_777_216

    /// The largest frame accepted, counting its 4-byte length prefix (as Netty counts it).
    public let maxFrameLength: Int

    /// Creates a decoder that rejects frames longer than `maxFrameLength` bytes (16 MiB by default).
    public init(maxFrameLength: Int = RemotingFrameDecoder.defaultMaxFrameLength) {
        self.maxFrameLength = maxFrameLength
    }

    /// Decodes one frame, or returns nil (buffer untouched) when the frame is not complete yet.
    /// - Throws: ``RemotingError`` with code `frameTooLarge` (as soon as the length is read),
    ///   `invalidFrameLength`, `headerLengthExceedsFrame`, `unknownSerializeType` or `malformedHeader`.
    public mutating func decode(buffer: inout ByteBuffer) throws -> RemotingCommand? {
        try self.decodeFrame(&buffer)
    }

    /// Same as ``decode(buffer:)``; NIO reports bytes left at EOF as `leftoverDataWhenDone`.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> RemotingCommand? {
        try self.decodeFrame(&buffer)
    }

    /// ``decode(buffer:)`` with the typed error.
    mutating func decodeFrame(_ buffer: inout ByteBuffer) throws(RemotingError) -> RemotingCommand? {
        let start = buffer.readerIndex
        guard let length = buffer.getInteger(at: start, as: Int32.self) else { return nil }
        guard length >= 4 else {
            throw RemotingError(
                .invalidFrameLength,
                "frame length \(length) is below 4, the size of the header-length word",
                offset: 0,
                bytesHex: Self.hex(buffer, from: start, count: Int.max)
            )
        }
        guard Int(length) + 4 <= self.maxFrameLength else {
            throw RemotingError(
                .frameTooLarge,
                "frame of \(Int(length) + 4) bytes exceeds the maximum of \(self.maxFrameLength)",
                offset: 0,
                bytesHex: Self.hex(buffer, from: start, count: Int.max)
            )
        }
        guard buffer.readableBytes >= Int(length) + 4 else { return nil }
        let original = buffer  // shares storage; kept to quote the frame's bytes in an error
        buffer.moveReaderIndex(forwardBy: 4)
        let frame = buffer.readSlice(length: Int(length))!  // length checked just above
        do {
            return try RemotingCommand.decode(frameContent: frame)
        } catch {
            var error = error
            error.offset = error.offset.map { $0 + 4 }
            if error.bytesHex == nil { error.bytesHex = Self.hex(original, from: start, count: Int(length) + 4) }
            throw error
        }
    }

    private static func hex(_ buffer: ByteBuffer, from start: Int, count: Int) -> String {
        let available = buffer.writerIndex - start
        let bytes = buffer.getBytes(at: start, length: Swift.min(available, count, RemotingError.hexPrefixLimit + 1)) ?? []
        return RemotingError.hexPrefix(bytes)
    }
}
