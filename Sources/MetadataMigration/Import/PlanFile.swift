public import Foundation
import Crypto
public import MigrationEngine

/// A plan file as import reads it: the plan and the hash that identifies it in the journal.
public struct PlanFile: Sendable {
    /// The plan.
    public var plan: MetadataPlan
    /// Hex SHA-256 of the file's bytes: an edited plan is a new plan with a journal of its own.
    public var hash: String

    /// Parses plan bytes.
    public init(data: Data, source: String) throws(MetadataFormatError) {
        self.plan = try MetadataPlan.read(data, source: source)
        self.hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
