/// An error raised by ``RemotingClient``, ``RocketMQAdmin``, the producer or the push consumer.
///
/// Codes are extensible: compare ``code`` with the static constants of ``Code``. When a server answered
/// with a response code other than SUCCESS, ``responseCode`` and ``remark`` carry what it said.
public struct RocketMQClientError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case timeout
            case connectFailed
            case connectionClosed
            case shutdown
            case responseError
            case malformedResponse
            case noNameServerReachable
            case noRoute
            case invalidArgument
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No response arrived within the request's timeout.
        public static let timeout = Code(.timeout)
        /// The TCP connection to the address could not be established.
        public static let connectFailed = Code(.connectFailed)
        /// The connection closed (or failed) while the request was pending or being written.
        public static let connectionClosed = Code(.connectionClosed)
        /// The client was shut down.
        public static let shutdown = Code(.shutdown)
        /// The server answered with a response code other than SUCCESS; see ``RocketMQClientError/responseCode``.
        public static let responseError = Code(.responseError)
        /// The response (header field or body) could not be decoded.
        public static let malformedResponse = Code(.malformedResponse)
        /// None of the configured NameServers could be reached.
        public static let noNameServerReachable = Code(.noNameServerReachable)
        /// A topic has no usable route (no writable queue, no master, or no broker at all).
        public static let noRoute = Code(.noRoute)
        /// A caller-supplied argument is not valid (e.g. an address that is not `host:port`).
        public static let invalidArgument = Code(.invalidArgument)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// A human-readable reason.
    public var reason: String
    /// The RocketMQ response code, for ``Code/responseError``.
    public var responseCode: Int?
    /// The remark the server sent with a non-SUCCESS response, if any.
    public var remark: String?
    /// The request code that failed, when known.
    public var requestCode: Int?
    /// The remote address involved, when known.
    public var address: String?
    /// The lower-level error, when there is one.
    public var underlying: (any Error)?
    /// The source file that raised the error.
    public var file: String
    /// The source line that raised the error.
    public var line: Int

    /// Creates an error; `file` and `line` default to the call site.
    public init(
        _ code: Code,
        _ reason: String,
        responseCode: Int? = nil,
        remark: String? = nil,
        requestCode: Int? = nil,
        address: String? = nil,
        underlying: (any Error)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.responseCode = responseCode
        self.remark = remark
        self.requestCode = requestCode
        self.address = address
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// `RocketMQClientError(code): reason [request N] [response N: remark] [address] [underlying]`.
    public var description: String {
        var text = "RocketMQClientError(\(self.code)): \(self.reason)"
        if let requestCode = self.requestCode { text += " [request \(requestCode)]" }
        if let responseCode = self.responseCode { text += " [response \(responseCode): \(self.remark ?? "")]" }
        if let address = self.address { text += " [\(address)]" }
        if let underlying = self.underlying { text += " [\(underlying)]" }
        return text
    }
}
