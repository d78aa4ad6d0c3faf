import MigrationEngine
import Testing

@Suite struct ImportResultTests {
    @Test func statusFollowsFailures() {
        let ok = ImportItemResult(key: "topic:a", outcome: .created)
        let same = ImportItemResult(key: "topic:b", outcome: .unchanged)
        let bad = ImportItemResult(key: "topic:c", outcome: .failed("NO_PERMISSION"))
        #expect(ImportResult(items: [ok, same]).status == .succeeded)
        #expect(ImportResult(items: [ok, bad]).status == .someFailed)
        #expect(ImportResult(items: [bad]).status == .allFailed)
        #expect(ImportResult(items: []).status == .succeeded)
        #expect(ImportTaskStatus.someFailed.exitCode == 1)
        #expect(ImportTaskStatus.allFailed.rawValue == "All failed")
        #expect(ImportResult(items: [bad, ok, same]).counts == ["created": 1, "unchanged": 1, "failed": 1])
        #expect(ImportResult(items: [bad, ok]).items.map(\.key) == ["topic:a", "topic:c"])
    }
}
