import Foundation
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

/// Issue 12 item 4: `metadata import --json` prints data with camelCase names and typed values.
@Suite struct ImportResultJSONTests {
    @Test func theReportIsTypedData() throws {
        let result = ImportResult(items: [
            ImportItemResult(key: "topic:mro%orders", outcome: .created),
            ImportItemResult(key: "aclAccount:reader", outcome: .failed("UPDATE_AND_CREATE_ACL_CONFIG_FAILED(209)")),
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: result.json()) as? [String: Any])
        #expect(object["status"] as? String == "Some failed")
        #expect(object["exitCode"] as? Int == 1)
        #expect((object["counts"] as? [String: Int]) == ["created": 1, "updated": 0, "unchanged": 0, "failed": 1])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["key"] as? String } == ["aclAccount:reader", "topic:mro%orders"])
        #expect(items[0]["kind"] as? String == "aclAccount" && items[0]["name"] as? String == "reader")
        #expect(items[0]["reason"] as? String == "UPDATE_AND_CREATE_ACL_CONFIG_FAILED(209)")
        #expect(items[1]["outcome"] as? String == "created" && items[1]["reason"] == nil)
    }
}
