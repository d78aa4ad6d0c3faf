public import NIOCore

extension RemotingCommand {
    /// Appends this command as one whole frame:
    /// `int32 length | int32 (serializeType << 24 | headerLength) | header | body`.
    ///
    /// The header is serialized as ``serializeType`` says. On error nothing is left appended.
    /// - Throws: ``RemotingError`` `valueOutOfRange` when the header exceeds 16 MiB - 1 (24 bits), the frame
    ///   exceeds Int32, or (binary header) the code, version or an ext key length do not fit int16.
    public func encodeFrame(into buffer: inout ByteBuffer) throws(RemotingError) {
        let start = buffer.writerIndex
        buffer.writeInteger(UInt64(0))  // length and header-length placeholders
        let headerStart = buffer.writerIndex
        do throws(RemotingError) {
            switch self.serializeType {
            case .json: RemotingJSONHeaderCodec.encode(self, into: &buffer)
            case .rocketmq: try RemotingBinaryHeaderCodec.encode(self, into: &buffer)
            }
            let headerLength = buffer.writerIndex - headerStart
            guard headerLength <= 0x00FF_FFFF else {
                throw RemotingError(.valueOutOfRange, "header of \(headerLength) bytes exceeds 24 bits")
            }
            if let body = self.body { buffer.writeImmutableBuffer(body) }
            let length = buffer.writerIndex - start - 4
            guard let length32 = Int32(exactly: length) else {
                throw RemotingError(.valueOutOfRange, "frame of \(length) bytes exceeds Int32")
            }
            buffer.setInteger(length32, at: start)
            buffer.setInteger(UInt32(self.serializeType.rawValue) << 24 | UInt32(headerLength), at: start + 4)
        } catch {
            buffer.moveWriterIndex(to: start)
            throw error
        }
    }

    /// This command as one frame in a new buffer.
    public func encodedFrame() throws(RemotingError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try self.encodeFrame(into: &buffer)
        return buffer
    }

    /// Decodes exactly one whole frame, length prefix included (for tests, proxies and tools; streams go
    /// through ``RemotingFrameDecoder``).
    /// - Throws: ``RemotingError``: `truncatedFrame` when `frame` is shorter than its length says,
    ///   `invalidFrameLength` when it is longer, and every error the decoder raises.
    public static func decodeFrame(
        _ frame: ByteBuffer,
        maxFrameLength: Int = RemotingFrameDecoder.defaultMaxFrameLength
    ) throws(RemotingError) -> RemotingCommand {
        var buffer = frame
        var decoder = RemotingFrameDecoder(maxFrameLength: maxFrameLength)
        guard let command = try decoder.decodeFrame(&buffer) else {
            throw RemotingError(
                .truncatedFrame,
                "\(frame.readableBytes) bytes do not hold a whole frame",
                bytesHex: RemotingError.hexPrefix(frame.readableBytesView)
            )
        }
        guard buffer.readableBytes == 0 else {
            throw RemotingError(
                .invalidFrameLength,
                "\(buffer.readableBytes) bytes follow the frame",
                bytesHex: RemotingError.hexPrefix(frame.readableBytesView)
            )
        }
        return command
    }

    /// Decodes the part of a frame after the length prefix: header-length word, header, body.
    static func decode(frameContent frame: ByteBuffer) throws(RemotingError) -> RemotingCommand {
        var frame = frame
        guard let word = frame.readInteger(as: UInt32.self) else {
            throw RemotingError(.invalidFrameLength, "frame of \(frame.readableBytes) bytes has no header-length word")
        }
        let headerLength = Int(word & 0x00FF_FFFF)
        guard let type = RemotingSerializeType(rawValue: UInt8(word >> 24)) else {
            throw RemotingError(.unknownSerializeType, "serialize type \(word >> 24) is neither JSON (0) nor ROCKETMQ (1)", offset: 4)
        }
        guard let header = frame.readSlice(length: headerLength) else {
            throw RemotingError(
                .headerLengthExceedsFrame,
                "header length \(headerLength) exceeds the \(frame.readableBytes) bytes left in the frame",
                offset: 4
            )
        }
        var command: RemotingCommand
        switch type {
        case .json: command = try RemotingJSONHeaderCodec.decode(header)
        case .rocketmq: command = try RemotingBinaryHeaderCodec.decode(header)
        }
        if frame.readableBytes > 0 { command.body = frame }
        return command
    }
}
