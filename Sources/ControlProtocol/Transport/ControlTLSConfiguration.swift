import NIOSSL

/// TLS for a control connection (optional; PEM files).
///
/// A server needs ``certificateChainFile`` and ``privateKeyFile``. A client verifies the server against
/// ``trustRootsFile`` (the system's roots when nil) and the host name it dials, or ``serverHostname``.
/// Codable as the agent config's `coordinator.tls` section, under these field names.
public struct ControlTLSConfiguration: Sendable, Codable, Equatable {
    /// The certificate chain, leaf first (server side).
    public var certificateChainFile: String?
    /// The private key of the leaf certificate (server side; keep it mode 600).
    public var privateKeyFile: String?
    /// The roots a client trusts for the server's certificate; nil = the system's.
    public var trustRootsFile: String?
    /// The name the server's certificate must carry, when it differs from the host dialled.
    public var serverHostname: String?

    /// A configuration; give the files the side needs.
    public init(
        certificateChainFile: String? = nil, privateKeyFile: String? = nil, trustRootsFile: String? = nil,
        serverHostname: String? = nil
    ) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.trustRootsFile = trustRootsFile
        self.serverHostname = serverHostname
    }

    /// The server context, or an error naming the missing or unreadable file.
    func makeServerContext() throws -> NIOSSLContext {
        guard let chainFile = self.certificateChainFile, let keyFile = self.privateKeyFile else {
            throw ControlErrorBody(.malformed, "TLS on a server needs a certificate chain file and a private key file")
        }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(chainFile)
        } catch {
            throw ControlErrorBody(.malformed, "cannot read the TLS certificate chain \(chainFile)")
        }
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw ControlErrorBody(.malformed, "cannot read the TLS private key \(keyFile)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        return try NIOSSLContext(configuration: configuration)
    }

    /// The client context.
    func makeClientContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let rootsFile = self.trustRootsFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootsFile))
            } catch {
                throw ControlErrorBody(.malformed, "cannot read the TLS trust roots \(rootsFile)")
            }
        }
        return try NIOSSLContext(configuration: configuration)
    }
}
