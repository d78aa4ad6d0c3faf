public import Foundation

extension ImportResult {
    /// The result as data for `ferry metadata import --json`: `{"status", "exitCode", "counts", "items"}`,
    /// each item `{"key", "kind", "name", "outcome"}` plus `"reason"` when it failed; sorted keys, so equal
    /// results give equal bytes.
    public func json() -> Data {
        JSONFile.encode(
            Report(
                status: self.status.rawValue, exitCode: Int(self.status.exitCode),
                counts: ["created", "updated", "unchanged", "failed"].reduce(into: [:]) { $0[$1] = self.counts[$1] ?? 0 },
                items: self.items.map(Report.Item.init)))
    }

    private struct Report: Encodable {
        var status: String
        var exitCode: Int
        var counts: [String: Int]
        var items: [Item]

        struct Item: Encodable {
            var key: String
            var kind: String
            var name: String
            var outcome: String
            var reason: String?

            init(_ result: ImportItemResult) {
                self.key = result.key
                let cut = result.key.firstIndex(of: ":")
                self.kind = cut.map { String(result.key[..<$0]) } ?? ""
                self.name = cut.map { String(result.key[result.key.index(after: $0)...]) } ?? result.key
                self.outcome = result.outcome.word
                if case .failed(let reason) = result.outcome { self.reason = reason }
            }
        }
    }
}
