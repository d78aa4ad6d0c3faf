/// A config file that cannot be used: which field, and why. The text never quotes a secret (credentials are
/// never in the file; the file's own text is not quoted either, see ``AgentConfiguration/load(path:)``).
public struct AgentConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's path in the file (`source.nameServers[1]`), or `file` for the file as a whole.
    public var field: String
    /// What is wrong with it.
    public var reason: String

    /// An error about `field`.
    public init(field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `field: reason`.
    public var description: String { "\(self.field): \(self.reason)" }
}
