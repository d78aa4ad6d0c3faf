/// Replaces every secret Ferry knows with ``AclAccount/secretMask`` in text about to leave the process:
/// a broker's refusal echoes the secret key it was sent (`The accessKey=… and secretKey=… cannot be null …`),
/// and that text reaches the terminal, the journal and logs unless it passes through here first.
public struct SecretRedactor: Sendable, Hashable {
    /// The secrets, longest first, so a secret that contains another is replaced whole.
    private let secrets: [String]

    /// A redactor for `secrets` (empty strings are ignored).
    public init(secrets: some Sequence<String>) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// A redactor for every secret key in `plan` plus `others` (the credentials Ferry signs with).
    public init(plan: MetadataPlan, others: [String] = []) {
        self.init(secrets: plan.items.compactMap(\.account?.secretKey) + others)
    }

    /// `text` with every occurrence of every secret replaced by ``AclAccount/secretMask``.
    public func redact(_ text: String) -> String {
        self.secrets.reduce(text) { $0.replacing($1, with: AclAccount.secretMask) }
    }
}
