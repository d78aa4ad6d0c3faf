import Crypto
import Foundation

/// The shared secret both ends of a connection prove they know (HMAC-SHA256 key).
///
/// It prints as `<redacted>` everywhere (`description`, `debugDescription`, `dump`), and no error text of this
/// module carries it.
public struct ControlSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fewest bytes a secret may have.
    public static let minimumBytes = 16

    /// The secret's bytes (kept as bytes: `SymmetricKey` is not `Sendable` on every platform).
    private let bytes: [UInt8]

    /// The HMAC key.
    var key: SymmetricKey { SymmetricKey(data: self.bytes) }

    /// A secret from its bytes (at least ``minimumBytes``).
    public init(bytes: [UInt8]) throws(ControlErrorBody) {
        guard bytes.count >= Self.minimumBytes else {
            throw ControlErrorBody(
                .malformed, "the shared secret has \(bytes.count) bytes; at least \(Self.minimumBytes) are needed")
        }
        self.bytes = bytes
    }

    /// Loads the secret from `file` (which must not be readable by group or others) or, when no file is given,
    /// from the environment variable named `environment`. One trailing newline (LF or CRLF) is dropped.
    public static func load(file: String?, environment: String?) throws(ControlErrorBody) -> ControlSecret {
        if let file {
            return try Self.load(file: file)
        }
        if let environment {
            guard let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty else {
                throw ControlErrorBody(.unauthenticated, "the environment variable \(environment) is not set")
            }
            return try Self.trimmed(Array(value.utf8), source: "the environment variable \(environment)")
        }
        throw ControlErrorBody(.unauthenticated, "no shared secret: give a secret file or an environment variable")
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// No children, so `dump` shows nothing of the secret.
    public var customMirror: Mirror { Mirror(self, children: EmptyCollection<Mirror.Child>(), displayStyle: .struct) }

    private static func load(file: String) throws(ControlErrorBody) -> ControlSecret {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: file)
        } catch {
            throw ControlErrorBody(.unauthenticated, "cannot read the secret file \(file)")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw ControlErrorBody(
                .unauthenticated,
                "the secret file \(file) is readable by group or others (mode \(String(mode, radix: 8))); "
                    + "chmod 600 it")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ControlErrorBody(.unauthenticated, "cannot read the secret file \(file)")
        }
        return try Self.trimmed(Array(data), source: "the secret file \(file)")
    }

    private static func trimmed(_ bytes: [UInt8], source: String) throws(ControlErrorBody) -> ControlSecret {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        do {
            return try ControlSecret(bytes: bytes)
        } catch {
            throw ControlErrorBody(
                .unauthenticated, "\(source) holds \(bytes.count) bytes; at least \(Self.minimumBytes) are needed")
        }
    }
}
