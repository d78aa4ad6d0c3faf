/// The answer of the `gate` hooks. In Lua a gate returns `{allow=bool, reason=string?}`.
public struct GateDecision: Sendable, Hashable {
    /// Whether the stage change may go ahead.
    public var allow: Bool
    /// Why it was refused (or a note); empty when the script gave none.
    public var reason: String
    /// The script whose gate refused, when one did.
    public var refusedBy: String?

    /// Creates a decision.
    public init(allow: Bool, reason: String = "", refusedBy: String? = nil) {
        self.allow = allow
        self.reason = reason
        self.refusedBy = refusedBy
    }

    /// The decision when no script defines `gate`: allowed.
    public static let noGate = GateDecision(allow: true, reason: "no gate hook")
}
