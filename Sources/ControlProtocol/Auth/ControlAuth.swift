import Crypto

/// The HMAC-SHA256 challenge of the handshake (`docs/protocol.md`, "Authentication").
///
/// The client proves it knows the secret with a MAC over both nonces, its role and id; the server answers
/// with a MAC over a different string so a client can tell a real server from one replaying its own words.
/// A captured `AUTH` line is useless on another connection because every `HELLO` carries a fresh nonce.
enum ControlAuth {
    /// The authentication scheme `HELLO` offers.
    static let scheme = "hmac-sha256"
    /// Bytes of randomness in a nonce (128 bits).
    static let nonceBytes = 16

    /// A fresh nonce: 32 lowercase hex digits from the system CSPRNG (`getrandom` on Linux).
    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<Self.nonceBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Self.hex(bytes)
    }

    /// Whether `nonce` has the nonce's form (32 lowercase hex digits).
    static func isValidNonce(_ nonce: String) -> Bool {
        nonce.utf8.count == Self.nonceBytes * 2 && Self.bytes(fromHex: nonce) != nil
    }

    /// The client's proof: `HMAC(secret, "ferry-auth-v1|client|" + serverNonce + "|" + clientNonce + "|" + role + "|" + id)`.
    static func clientMAC(
        secret: ControlSecret, serverNonce: String, clientNonce: String, role: ControlRole, id: String
    ) -> String {
        Self.hex(Array(Self.mac(secret, Self.message("client", serverNonce, clientNonce, role, id))))
    }

    /// The server's proof: the same with `server` in place of `client`.
    static func serverMAC(
        secret: ControlSecret, serverNonce: String, clientNonce: String, role: ControlRole, id: String
    ) -> String {
        Self.hex(Array(Self.mac(secret, Self.message("server", serverNonce, clientNonce, role, id))))
    }

    /// Checks a client's `mac` in constant time.
    static func verifyClient(
        _ mac: String, secret: ControlSecret, serverNonce: String, clientNonce: String, role: ControlRole, id: String
    ) -> Bool {
        Self.verify(mac, secret: secret, message: Self.message("client", serverNonce, clientNonce, role, id))
    }

    /// Checks a server's `mac` in constant time.
    static func verifyServer(
        _ mac: String, secret: ControlSecret, serverNonce: String, clientNonce: String, role: ControlRole, id: String
    ) -> Bool {
        Self.verify(mac, secret: secret, message: Self.message("server", serverNonce, clientNonce, role, id))
    }

    private static func message(
        _ side: String, _ serverNonce: String, _ clientNonce: String, _ role: ControlRole, _ id: String
    ) -> [UInt8] {
        Array("ferry-auth-v1|\(side)|\(serverNonce)|\(clientNonce)|\(role.rawValue)|\(id)".utf8)
    }

    private static func mac(_ secret: ControlSecret, _ message: [UInt8]) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: message, using: secret.key)
    }

    /// Constant time in the MAC's content (swift-crypto's comparison); only a malformed MAC returns early.
    private static func verify(_ mac: String, secret: ControlSecret, message: [UInt8]) -> Bool {
        guard mac.utf8.count == SHA256.byteCount * 2, let bytes = Self.bytes(fromHex: mac) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: message, using: secret.key)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase hex only (the form this protocol writes).
    static func bytes(fromHex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}
