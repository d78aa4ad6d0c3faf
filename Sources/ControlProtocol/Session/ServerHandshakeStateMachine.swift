/// The server's side of the handshake: greeted → authenticated, or refused.
///
/// Pure state: it never touches a channel. The session handler feeds it lines and runs the returned action.
/// Before authentication only `AUTH` (and `BYE`) is accepted; anything else, a wrong MAC, a bad version or a
/// malformed line refuses the connection with one `ERR` line.
struct ServerHandshakeStateMachine {
    /// Where the handshake stands.
    enum State: Equatable {
        /// `HELLO` sent with this nonce; waiting for `AUTH`.
        case greeted(serverNonce: String)
        /// The client proved the secret; lines now pass through.
        case authenticated(role: ControlRole, id: String)
        /// An `ERR` was sent and the connection is closing; every later line is ignored.
        case refused
    }

    /// What the handler does next.
    enum Action: Equatable {
        /// Write `reply` (the `OK` with the server's proof); the connection now belongs to `role`/`id`.
        case accept(role: ControlRole, id: String, reply: ControlLine)
        /// Write this `ERR` line, then close.
        case refuse(ControlLine)
        /// Write this line and stay open (the answer to a malformed line after authentication).
        case reply(ControlLine)
        /// Close without a word (the client said `BYE`).
        case close
        /// Authenticated: hand the line on.
        case deliver(ControlLine)
        /// Nothing (the connection is already refused).
        case ignore
    }

    private(set) var state: State
    private let secret: ControlSecret
    private let heartbeatSeconds: Int

    /// A server that greeted with `serverNonce`.
    init(serverNonce: String, secret: ControlSecret, heartbeatSeconds: Int) {
        self.state = .greeted(serverNonce: serverNonce)
        self.secret = secret
        self.heartbeatSeconds = heartbeatSeconds
    }

    /// The `HELLO` line that opens the connection.
    func greeting(serverName: String) -> ControlLine {
        guard case .greeted(let nonce) = self.state else { return ControlLine(.hello, id: ControlLine.noId) }
        let hello = Hello(
            protocol: ControlProtocolVersion.current, server: serverName, nonce: nonce, auth: [ControlAuth.scheme])
        return (try? ControlLine(.hello, id: ControlLine.noId, hello)) ?? ControlLine(.hello, id: ControlLine.noId)
    }

    /// A well-formed line arrived.
    mutating func lineReceived(_ line: ControlLine) -> Action {
        switch self.state {
        case .refused:
            return .ignore
        case .authenticated:
            return .deliver(line)
        case .greeted(let serverNonce):
            switch line.verb {
            case .auth:
                return self.authenticate(line, serverNonce: serverNonce)
            case .bye:
                self.state = .refused
                return .close
            default:
                return self.refuse(
                    id: line.id, ControlErrorBody(.unauthenticated, "authenticate first: only AUTH is accepted"))
            }
        }
    }

    /// A line that does not follow the grammar arrived: refused before authentication, answered after.
    mutating func malformedLineReceived(_ error: ControlErrorBody) -> Action {
        switch self.state {
        case .refused: return .ignore
        case .greeted: return self.refuse(id: ControlLine.noId, error)
        case .authenticated: return .reply(.error(id: ControlLine.noId, error))
        }
    }

    /// The authentication timeout fired.
    mutating func authTimedOut() -> Action {
        guard case .greeted = self.state else { return .ignore }
        return self.refuse(id: ControlLine.noId, ControlErrorBody(.unauthenticated, "authentication timed out"))
    }

    private mutating func authenticate(_ line: ControlLine, serverNonce: String) -> Action {
        let request: AuthRequest
        do {
            request = try line.decode(AuthRequest.self)
        } catch {
            return self.refuse(id: line.id, error)
        }
        guard request.protocol == ControlProtocolVersion.current else {
            return self.refuse(
                id: line.id,
                ControlErrorBody(
                    .unsupportedVersion,
                    "protocol \(request.protocol) is not supported; this server speaks \(ControlProtocolVersion.current)"
                ))
        }
        guard ControlLine.isValidId(request.id), ControlAuth.isValidNonce(request.nonce) else {
            return self.refuse(
                id: line.id, ControlErrorBody(.malformed, "AUTH needs an id like a line id and a 32-hex-digit nonce"))
        }
        guard
            ControlAuth.verifyClient(
                request.mac, secret: self.secret, serverNonce: serverNonce, clientNonce: request.nonce,
                role: request.role, id: request.id)
        else {
            return self.refuse(id: line.id, ControlErrorBody(.unauthenticated, "authentication failed"))
        }
        let proof = ControlAuth.serverMAC(
            secret: self.secret, serverNonce: serverNonce, clientNonce: request.nonce, role: request.role,
            id: request.id)
        let accepted = AuthAccepted(mac: proof, heartbeatSeconds: self.heartbeatSeconds)
        guard let reply = try? ControlLine(.ok, id: line.id, accepted) else {
            return self.refuse(id: line.id, ControlErrorBody(.failed, "cannot encode the answer"))
        }
        self.state = .authenticated(role: request.role, id: request.id)
        return .accept(role: request.role, id: request.id, reply: reply)
    }

    private mutating func refuse(id: String, _ error: ControlErrorBody) -> Action {
        self.state = .refused
        return .refuse(.error(id: id, error))
    }
}
