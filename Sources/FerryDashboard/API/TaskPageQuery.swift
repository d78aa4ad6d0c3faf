import Foundation

/// Which rows of a task's topic table `GET /api/task` answers with: `offset`, `limit` and an optional `filter`
/// (query parameters of the same names), so a page of 10,000 topics is read a few hundred rows at a time.
public struct TaskPageQuery: Sendable, Equatable {
    /// Rows per page when the request names none.
    public static let defaultLimit = 500
    /// The most rows one page may hold.
    public static let maxLimit = 2_000
    /// The largest offset accepted.
    public static let maxOffset = 10_000_000

    /// Matching rows skipped before the page's first one.
    public var offset: Int
    /// Rows in the page at most (1…``maxLimit``).
    public var limit: Int
    /// Lowercased text a row's topic or agent id must contain; nil = every row.
    public var filter: String?

    /// A query; `offset` and `limit` are clamped into their ranges, an empty filter means none.
    public init(offset: Int = 0, limit: Int = TaskPageQuery.defaultLimit, filter: String? = nil) {
        self.offset = min(max(0, offset), Self.maxOffset)
        self.limit = min(max(1, limit), Self.maxLimit)
        let trimmed = filter?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        self.filter = trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a row of `agentId` for `topic` passes the filter.
    func matches(agentId: String, topic: String) -> Bool {
        guard let filter else { return true }
        return topic.lowercased().contains(filter) || agentId.lowercased().contains(filter)
    }

    /// Whether the `index`th matching row (0-based) falls in the page.
    func includes(_ index: Int) -> Bool {
        index >= offset && index - offset < limit
    }
}
