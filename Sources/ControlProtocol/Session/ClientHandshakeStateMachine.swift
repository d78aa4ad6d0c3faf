/// The client's side of the handshake: awaiting `HELLO` → awaiting `OK` → authenticated, or failed.
///
/// Pure state: it never touches a channel. The client accepts the server only when the server's `OK`
/// carries a valid proof of the same secret, so a server with another secret is refused too.
struct ClientHandshakeStateMachine {
    /// Where the handshake stands.
    enum State: Equatable {
        /// Connected; the server's greeting has not come yet.
        case awaitingHello
        /// `AUTH` sent in answer to a greeting with this nonce.
        case awaitingOK(serverNonce: String)
        /// Both sides proved the secret; lines now pass through.
        case authenticated
        /// The handshake failed; the connection is closing.
        case failed
    }

    /// What the handler does next.
    enum Action: Equatable {
        /// Write this line (the `AUTH`, or the answer to a malformed line after authentication).
        case send(ControlLine)
        /// The server is proven; heartbeats run every `heartbeatSeconds`.
        case authenticated(heartbeatSeconds: Int)
        /// Give up with this error and close.
        case fail(ControlErrorBody)
        /// Authenticated: hand the line on.
        case deliver(ControlLine)
        /// Nothing (the handshake already failed).
        case ignore
    }

    /// The id of the `AUTH` line (and of the server's answer).
    static let authId = "auth"
    /// The heartbeat intervals a server may ask for.
    static let heartbeatRange = 1...3600

    private(set) var state: State = .awaitingHello
    private let role: ControlRole
    private let id: String
    private let secret: ControlSecret
    private let clientNonce: String

    init(role: ControlRole, id: String, secret: ControlSecret, clientNonce: String) {
        self.role = role
        self.id = id
        self.secret = secret
        self.clientNonce = clientNonce
    }

    /// A well-formed line arrived.
    mutating func lineReceived(_ line: ControlLine) -> Action {
        switch self.state {
        case .failed:
            return .ignore
        case .authenticated:
            return .deliver(line)
        case .awaitingHello:
            return self.greeted(line)
        case .awaitingOK(let serverNonce):
            return self.answered(line, serverNonce: serverNonce)
        }
    }

    /// A line that does not follow the grammar arrived.
    mutating func malformedLineReceived(_ error: ControlErrorBody) -> Action {
        switch self.state {
        case .failed: return .ignore
        case .authenticated: return .send(.error(id: ControlLine.noId, error))
        case .awaitingHello, .awaitingOK: return self.fail(error)
        }
    }

    /// The authentication timeout fired.
    mutating func authTimedOut() -> Action {
        switch self.state {
        case .awaitingHello, .awaitingOK:
            return self.fail(ControlErrorBody(.timeout, "the server did not complete the handshake in time"))
        case .authenticated, .failed:
            return .ignore
        }
    }

    private mutating func greeted(_ line: ControlLine) -> Action {
        if line.verb == .err { return self.fail(Self.errorBody(of: line)) }
        guard line.verb == .hello else {
            return self.fail(ControlErrorBody(.malformed, "expected HELLO, got \(line.verb.rawValue)"))
        }
        let hello: Hello
        do {
            hello = try line.decode(Hello.self)
        } catch {
            return self.fail(error)
        }
        guard hello.protocol == ControlProtocolVersion.current else {
            return self.fail(
                ControlErrorBody(
                    .unsupportedVersion,
                    "the server speaks protocol \(hello.protocol); this client speaks \(ControlProtocolVersion.current)"
                ))
        }
        guard hello.auth.contains(ControlAuth.scheme), ControlAuth.isValidNonce(hello.nonce) else {
            return self.fail(ControlErrorBody(.unauthenticated, "the server offers no usable authentication"))
        }
        let mac = ControlAuth.clientMAC(
            secret: self.secret, serverNonce: hello.nonce, clientNonce: self.clientNonce, role: self.role, id: self.id)
        let request = AuthRequest(
            protocol: ControlProtocolVersion.current, role: self.role, id: self.id, nonce: self.clientNonce, mac: mac)
        guard let auth = try? ControlLine(.auth, id: Self.authId, request) else {
            return self.fail(ControlErrorBody(.failed, "cannot encode AUTH"))
        }
        self.state = .awaitingOK(serverNonce: hello.nonce)
        return .send(auth)
    }

    private mutating func answered(_ line: ControlLine, serverNonce: String) -> Action {
        if line.verb == .err { return self.fail(Self.errorBody(of: line)) }
        guard line.verb == .ok, line.id == Self.authId else {
            return self.fail(ControlErrorBody(.malformed, "expected OK \(Self.authId), got \(line.verb.rawValue)"))
        }
        let accepted: AuthAccepted
        do {
            accepted = try line.decode(AuthAccepted.self)
        } catch {
            return self.fail(error)
        }
        guard
            ControlAuth.verifyServer(
                accepted.mac, secret: self.secret, serverNonce: serverNonce, clientNonce: self.clientNonce,
                role: self.role, id: self.id)
        else {
            return self.fail(ControlErrorBody(.unauthenticated, "the server could not prove the shared secret"))
        }
        guard Self.heartbeatRange.contains(accepted.heartbeatSeconds) else {
            return self.fail(
                ControlErrorBody(.malformed, "the server asked for heartbeats every \(accepted.heartbeatSeconds) s"))
        }
        self.state = .authenticated
        return .authenticated(heartbeatSeconds: accepted.heartbeatSeconds)
    }

    private mutating func fail(_ error: ControlErrorBody) -> Action {
        self.state = .failed
        return .fail(error)
    }

    /// The body of a server's `ERR` line (a 400 when it has none).
    private static func errorBody(of line: ControlLine) -> ControlErrorBody {
        (try? line.decode(ControlErrorBody.self)) ?? ControlErrorBody(.malformed, "the server refused without a reason")
    }
}
