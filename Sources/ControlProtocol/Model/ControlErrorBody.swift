/// The payload of an `ERR` line: a code from ``ControlErrorCode`` and a message a person can act on.
public struct ControlErrorBody: Sendable, Codable, Equatable, Error {
    /// One of ``ControlErrorCode``'s raw values (unknown codes from a newer peer are kept as they are).
    public var code: Int
    /// What went wrong; never carries a secret.
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public init(_ code: ControlErrorCode, _ message: String) {
        self.init(code: code.rawValue, message: message)
    }
}

/// The error codes of `ERR` lines (HTTP-like, so a person reading `nc` output knows them).
public enum ControlErrorCode: Int, Sendable, CaseIterable {
    /// The line does not follow the grammar (verb, id, JSON payload).
    case malformed = 400
    /// Not authenticated yet, or the HMAC answer was wrong.
    case unauthenticated = 401
    /// The authenticated role may not send this verb or request.
    case forbidden = 403
    /// No such agent, command or task.
    case notFound = 404
    /// An agent did not answer a command in time.
    case timeout = 408
    /// The command id was already used for a different command.
    case conflict = 409
    /// The line is longer than the limit; the connection is closed after this error.
    case lineTooLong = 413
    /// The peer speaks a protocol version this side does not.
    case unsupportedVersion = 426
    /// Too many lines in flight or too many connections.
    case busy = 429
    /// The command was accepted but failed on the agent.
    case failed = 500
    /// The agent is not connected.
    case unavailable = 503
}
