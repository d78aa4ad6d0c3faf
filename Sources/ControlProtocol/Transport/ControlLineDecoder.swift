import NIOCore

/// What the line decoder produces.
enum ControlFrame: Equatable {
    /// One line, without its LF.
    case line(ByteBuffer)
    /// A line grew past `limit` bytes; its bytes (and everything after) are discarded, and the session closes.
    case tooLong(limit: Int)
}

/// Splits a byte stream into lines at LF, holding at most the current limit of bytes of an unfinished line.
///
/// A line longer than ``ControlLineLimit/bytes`` is never buffered: as soon as the limit is passed without an
/// LF the decoder reports ``ControlFrame/tooLong(limit:)`` once and from then on consumes (drops) every byte
/// as it arrives, so a peer streaming a never-ending line costs no memory. It remembers how far it searched,
/// so a long line arriving in small pieces is scanned once.
struct ControlLineDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = ControlFrame

    private let limit: ControlLineLimit
    /// Bytes at the front of the buffer already searched for an LF.
    private var scanned = 0
    /// Past an oversize line: everything is dropped.
    private var discarding = false

    init(limit: ControlLineLimit) {
        self.limit = limit
    }

    mutating func decode(buffer: inout ByteBuffer) throws -> ControlFrame? {
        if self.discarding {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return nil
        }
        let maximum = self.limit.bytes
        let view = buffer.readableBytesView
        let searchStart = view.startIndex + min(self.scanned, view.count)
        let searchEnd = view.startIndex + (maximum < view.count ? maximum + 1 : view.count)
        if searchStart < searchEnd, let newline = view[searchStart..<searchEnd].firstIndex(of: UInt8(ascii: "\n")) {
            self.scanned = 0
            guard let line = buffer.readSlice(length: newline - view.startIndex) else { return nil }
            buffer.moveReaderIndex(forwardBy: 1)
            return .line(line)
        }
        if buffer.readableBytes > maximum {
            self.discarding = true
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .tooLong(limit: maximum)
        }
        self.scanned = buffer.readableBytes
        return nil
    }

    /// At end of input an unfinished line is dropped (a line ends with LF).
    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ControlFrame? {
        if let frame = try self.decode(buffer: &buffer) { return frame }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return nil
    }
}

@available(*, unavailable)
extension ControlLineDecoder: Sendable {}

/// Writes a line and its LF; refuses a line that would break the framing.
struct ControlLineEncoder: MessageToByteEncoder {
    typealias OutboundIn = ControlLine

    func encode(data: ControlLine, out: inout ByteBuffer) throws {
        let text = data.serialised
        guard !text.utf8.contains(UInt8(ascii: "\n")) else {
            throw ControlErrorBody(.malformed, "a line must not contain a line feed")
        }
        out.writeString(text)
        out.writeInteger(UInt8(ascii: "\n"))
    }
}
