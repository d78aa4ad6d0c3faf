import Foundation
import Testing

@testable import ControlProtocol

/// TLS with a certificate made at test time by the `openssl` CLI (skipped, saying so, when it is missing).
@Suite(.timeLimit(.minutes(2))) struct ControlTLSTests {
    /// A self-signed certificate for `localhost` and its key, in a fresh directory.
    static func makeCertificate() throws -> (certificate: String, key: String)? {
        guard
            let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? (certificate, key) : nil
    }

    @Test func aClientTrustingTheCertificateConnectsAndOneThatDoesNotFails() async throws {
        guard let (certificate, key) = try Self.makeCertificate() else {
            print("ControlTLSTests: skipped, no working openssl CLI to make a test certificate")
            return
        }
        let serverTLS = ControlTLSConfiguration(certificateChainFile: certificate, privateKeyFile: key)
        try await withControlServer(tls: serverTLS, handle: answerEveryLine) { server in
            let trusting = ControlTLSConfiguration(trustRootsFile: certificate, serverHostname: "localhost")
            let channel = try await ControlClient.connect(
                try clientConfiguration(port: server.port, tls: trusting), logger: quietLogger)
            var lines = channel.inbound.makeAsyncIterator()
            try await channel.send(ControlLine(.state, id: "s1", payload: "{}"))
            #expect(try await lines.next() == ControlLine(.ok, id: "s1"))
            await channel.close()

            let wrongName = ControlTLSConfiguration(trustRootsFile: certificate, serverHostname: "elsewhere")
            await #expect(throws: (any Error).self) {
                _ = try await ControlClient.connect(
                    try clientConfiguration(port: server.port, tls: wrongName), logger: quietLogger)
            }
            var plain = try clientConfiguration(port: server.port)
            plain.limits.authTimeout = .seconds(1)
            await #expect(throws: (any Error).self) { _ = try await ControlClient.connect(plain, logger: quietLogger) }
        }
    }

    @Test func aServerWithoutItsKeyFileSaysWhich() {
        let tls = ControlTLSConfiguration(
            certificateChainFile: "/nonexistent/cert.pem", privateKeyFile: "/nonexistent/key.pem")
        #expect(throws: ControlErrorBody(.malformed, "cannot read the TLS certificate chain /nonexistent/cert.pem")) {
            _ = try tls.makeServerContext()
        }
    }
}
