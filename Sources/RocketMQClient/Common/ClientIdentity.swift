internal import NIOCore
internal import NIOPosix
internal import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The identity a RocketMQ client shows brokers: `ip@pid#nanos`, like Java's `ClientConfig.buildMQClientId`
/// (`clientIP@instanceName`, where the instance name becomes `pid#System.nanoTime()`).
enum ClientIdentity {
    private static let sequence = Atomic<UInt64>(0)

    /// The first non-loopback IPv4 address of this host, else `127.0.0.1` (Java's `RemotingUtil.getLocalAddress`).
    static let localAddress: String = {
        let devices = (try? System.enumerateDevices()) ?? []
        for device in devices {
            guard let address = device.address, case .v4 = address, let ip = address.ipAddress,
                !ip.hasPrefix("127.")
            else { continue }
            return ip
        }
        return "127.0.0.1"
    }()

    /// The process id.
    static var processId: Int32 { getpid() }

    /// A new client id, unique within this process even when two are made in the same nanosecond.
    static func makeClientId(ip: String = Self.localAddress) -> String {
        let nanos = NIODeadline.now().uptimeNanoseconds &+ Self.sequence.add(1, ordering: .relaxed).newValue
        return "\(ip)@\(Self.processId)#\(nanos)"
    }
}
