/// One named check inside a ``HealthVerdict``.
public struct HealthCheck: Sendable, Hashable {
    /// The check's name, e.g. `backlog`.
    public var name: String
    /// Whether it passed.
    public var ok: Bool
    /// Why it failed (or a note when it passed); empty when the script gave none.
    public var reason: String

    /// Creates a check.
    public init(name: String, ok: Bool, reason: String = "") {
        self.name = name
        self.ok = ok
        self.reason = reason
    }
}
