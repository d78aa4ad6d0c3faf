/// Why the live demo stopped before its verdict.
public struct LiveDemoError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for a person.
    public var description: String

    init(_ description: String) { self.description = description }
}
