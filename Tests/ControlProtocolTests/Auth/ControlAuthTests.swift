import Testing

@testable import ControlProtocol

/// ``ControlAuth`` computes the two MACs of `docs/protocol.md` and checks them.
@Suite struct ControlAuthTests {
    static let serverNonce = "00112233445566778899aabbccddeeff"
    static let clientNonce = "ffeeddccbbaa99887766554433221100"

    /// The expected values come from `printf '<string>' | openssl dgst -sha256 -hmac '<secret>'`, the manual way
    /// `docs/protocol.md` describes.
    @Test func macsMatchOpenSSL() throws {
        let secret = try testSecret()
        let client = ControlAuth.clientMAC(
            secret: secret, serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: .agent, id: "agent-hz-1"
        )
        let server = ControlAuth.serverMAC(
            secret: secret, serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: .agent, id: "agent-hz-1"
        )
        #expect(client == "0c334509f6e5ce832cab85ed1d062bd8b7a02b92d54dd5444339af65811cb85b")
        #expect(server == "88eaf5746cd17d6fe005f054c4bc3827eda1c017f4a6dc4e77ad31c99319db1f")
    }

    @Test func verifiesOnlyTheExactMAC() throws {
        let secret = try testSecret()
        let mac = ControlAuth.clientMAC(
            secret: secret, serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: .agent, id: "a")
        func check(_ candidate: String, role: ControlRole = .agent, id: String = "a") -> Bool {
            ControlAuth.verifyClient(
                candidate, secret: secret, serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: role,
                id: id)
        }
        #expect(check(mac))
        #expect(!check(mac.uppercased()))
        #expect(!check(String(mac.dropLast())))
        #expect(!check(String(mac.dropLast()) + (mac.hasSuffix("0") ? "1" : "0")))
        #expect(!check(mac, role: .operator))
        #expect(!check(mac, id: "b"))
        #expect(!check(""))
        #expect(
            !ControlAuth.verifyServer(
                mac, secret: secret, serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: .agent, id: "a"
            ))
        #expect(
            !ControlAuth.verifyClient(
                mac, secret: try otherSecret(), serverNonce: Self.serverNonce, clientNonce: Self.clientNonce,
                role: .agent, id: "a"))
    }

    @Test func noncesAreFreshHex() {
        let nonces = (0..<1000).map { _ in ControlAuth.makeNonce() }
        #expect(Set(nonces).count == 1000)
        #expect(nonces.allSatisfy(ControlAuth.isValidNonce))
        #expect(!ControlAuth.isValidNonce("00112233445566778899AABBCCDDEEFF"))
        #expect(!ControlAuth.isValidNonce("0011"))
    }
}
