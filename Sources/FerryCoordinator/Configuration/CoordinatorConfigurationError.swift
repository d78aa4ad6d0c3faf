/// A configuration that cannot be used: unreadable, not YAML of the right shape, or a value out of range.
/// The text names the file and the field, never a value (the file holds operator tokens).
public struct CoordinatorConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the field.
    public var message: String

    /// Makes an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { self.message }
}
