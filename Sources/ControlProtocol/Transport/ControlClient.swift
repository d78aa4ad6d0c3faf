public import Logging
import NIOCore
import NIOPosix

/// The client side of the control protocol (agents, `ferry ctl`, the dashboard).
public enum ControlClient {
    /// Dials, reads `HELLO`, authenticates and checks the server's proof of the secret. Throws a
    /// ``ControlErrorBody`` when the server refuses (401, 426, 429) or cannot prove the secret (401), or the
    /// handshake times out (408).
    public static func connect(_ configuration: ControlClientConfiguration, logger: Logger) async throws
        -> ControlChannel
    {
        guard ControlLine.isValidId(configuration.id) else {
            throw ControlErrorBody(.malformed, "the client id must be 1-64 of A-Z a-z 0-9 - _ . :")
        }
        let tls = try configuration.tls.map { try $0.makeClientContext() }
        let machine = ClientHandshakeStateMachine(
            role: configuration.role, id: configuration.id, secret: configuration.secret,
            clientNonce: ControlAuth.makeNonce())
        let side = ControlSessionHandler.Side.client(machine, role: configuration.role, id: configuration.id)
        let hostname = configuration.tls?.serverHostname ?? configuration.host
        let (wrapper, authenticated) = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let authenticated = try ControlPipeline.configure(
                        channel, side: side, tls: tls, serverHostname: Self.sniName(hostname), isServer: false,
                        limits: configuration.limits, logger: logger)
                    let wrapper = try NIOAsyncChannel<ControlLine, ControlLine>(wrappingChannelSynchronously: channel)
                    return (wrapper, authenticated)
                }
            }
        let identity: ControlPeer
        do {
            identity = try await authenticated.get()
        } catch {
            try? await wrapper.executeThenClose { _, _ in }
            throw error
        }
        let peer = ControlPeer(
            role: identity.role, id: identity.id,
            remoteAddress: ControlSessionHandler.describe(wrapper.channel.remoteAddress))
        return await withCheckedContinuation { continuation in
            Task {
                do {
                    try await wrapper.executeThenClose { inbound, outbound in
                        continuation.resume(
                            returning: ControlChannel(
                                peer: peer, inbound: inbound, outbound: outbound, channel: wrapper.channel))
                        try await wrapper.channel.closeFuture.get()
                    }
                } catch {
                    logger.debug("control connection ended on error", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// SNI carries host names only, never IP addresses.
    private static func sniName(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }
}
