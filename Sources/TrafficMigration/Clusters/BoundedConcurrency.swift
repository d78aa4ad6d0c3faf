/// Runs `body` for every key, at most `limit` at once, and returns the results by key. The first error thrown
/// cancels the rest and is rethrown.
func boundedConcurrentMap<T: Sendable>(
    _ keys: [String], limit: Int, _ body: @escaping @Sendable (String) async throws -> T
) async throws -> [String: T] {
    try await withThrowingTaskGroup(of: (String, T).self) { group in
        var pending = keys.makeIterator()
        for _ in 0..<max(1, limit) {
            guard let key = pending.next() else { break }
            group.addTask { (key, try await body(key)) }
        }
        var results: [String: T] = [:]
        while let (key, value) = try await group.next() {
            results[key] = value
            if let next = pending.next() { group.addTask { (next, try await body(next)) } }
        }
        return results
    }
}
