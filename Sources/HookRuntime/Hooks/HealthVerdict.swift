/// The answer of the `health` hooks: a readiness verdict with a reason, not an error.
///
/// In Lua the hook returns `{ok=bool, reason=string?, checks=…?}` where `checks` is either a list of
/// `{name=string, ok=bool, reason=string?}` or a map `name → bool` / `name → {ok=bool, reason=string?}`
/// (a map reads in name order).
public struct HealthVerdict: Sendable, Hashable {
    /// Whether the topic may advance as far as the health policy is concerned.
    public var ok: Bool
    /// Why not (or a note); empty when the script gave none.
    public var reason: String
    /// The individual checks the scripts reported, in script order.
    public var checks: [HealthCheck]

    /// Creates a verdict.
    public init(ok: Bool, reason: String = "", checks: [HealthCheck] = []) {
        self.ok = ok
        self.reason = reason
        self.checks = checks
    }

    /// The verdict when no script defines `health`: ok, with no checks.
    public static let noPolicy = HealthVerdict(ok: true, reason: "no health hook")

    /// This verdict and a later script's, ANDed: ok only if both are; the reasons of the failing
    /// verdicts joined by "; " (or of all, when both pass); checks concatenated.
    func and(_ later: HealthVerdict) -> HealthVerdict {
        let reasons: [String] =
            switch (ok, later.ok) {
            case (true, true), (false, false): [reason, later.reason]
            case (false, true): [reason]
            case (true, false): [later.reason]
            }
        return HealthVerdict(
            ok: ok && later.ok,
            reason: reasons.filter { !$0.isEmpty }.joined(separator: "; "),
            checks: checks + later.checks
        )
    }
}
