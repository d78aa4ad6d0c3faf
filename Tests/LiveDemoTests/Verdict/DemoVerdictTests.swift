import LiveDemo
import Testing

@Suite struct DemoVerdictTests {
    private let subscriptions: [String: Set<String>] = ["billing": ["orders", "payments"], "audit": ["orders"]]

    @Test func everySentIdReceivedOnceIsClean() {
        let verdict = DemoVerdict(
            sent: ["orders#1": "orders", "payments#1": "payments"], failed: [],
            deliveries: ["billing": ["orders#1": 1, "payments#1": 1], "audit": ["orders#1": 1]],
            subscriptions: self.subscriptions)
        #expect(verdict.sent == 2)
        #expect(verdict.groups.map(\.group) == ["audit", "billing"])
        #expect(verdict.groups.map(\.received) == [1, 2])
        #expect(verdict.lost == 0)
        #expect(verdict.duplicates == 0)
        #expect(verdict.passed)
        #expect(verdict.line == "sent 2, received 1 (audit), 2 (billing), duplicates 0, lost 0")
    }

    @Test func aSentIdAGroupNeverReceivedIsLostForThatGroupOnly() {
        let verdict = DemoVerdict(
            sent: ["orders#1": "orders", "orders#2": "orders"], failed: [],
            deliveries: ["billing": ["orders#1": 1, "orders#2": 1], "audit": ["orders#1": 1]],
            subscriptions: self.subscriptions)
        #expect(verdict.groups.first { $0.group == "audit" }?.lost == 1)
        #expect(verdict.groups.first { $0.group == "billing" }?.lost == 0)
        #expect(verdict.lost == 1)
        #expect(!verdict.passed)
        #expect(verdict.line.hasSuffix("lost 1"))
    }

    @Test func aGroupWithNoDeliveriesLosesEveryIdOfItsTopics() {
        let verdict = DemoVerdict(
            sent: ["orders#1": "orders", "payments#1": "payments"], failed: [], deliveries: [:],
            subscriptions: self.subscriptions)
        #expect(verdict.groups.map(\.lost) == [1, 2])
        #expect(verdict.lost == 3)
    }

    @Test func repeatedDeliveriesAreDuplicatesNotExtraReceipts() {
        let verdict = DemoVerdict(
            sent: ["orders#1": "orders"], failed: [],
            deliveries: ["billing": ["orders#1": 3], "audit": ["orders#1": 2]], subscriptions: self.subscriptions)
        #expect(verdict.groups.map(\.received) == [1, 1])
        #expect(verdict.duplicates == 3)
        #expect(verdict.passed)
    }

    @Test func aFailedSendThatArrivesAnywayIsNeitherLostNorUnexpected() {
        let verdict = DemoVerdict(
            sent: ["orders#1": "orders"], failed: ["orders#2", "orders#3"],
            deliveries: ["billing": ["orders#1": 1, "orders#2": 1], "audit": ["orders#1": 1]],
            subscriptions: self.subscriptions)
        #expect(verdict.sent == 1)
        #expect(verdict.unacknowledged == 2)
        #expect(verdict.unexpected == 0)
        #expect(verdict.lost == 0)
        #expect(verdict.line.hasSuffix("lost 0; 2 sends unacknowledged"))
    }

    @Test func anIdNoSendAttemptedFailsTheVerdict() {
        let verdict = DemoVerdict(
            sent: ["orders#1": "orders"], failed: [],
            deliveries: ["billing": ["orders#1": 1, "ghost#9": 1], "audit": ["orders#1": 1, "ghost#9": 1]],
            subscriptions: self.subscriptions)
        #expect(verdict.lost == 0)
        #expect(verdict.unexpected == 1)
        #expect(!verdict.passed)
        #expect(verdict.line.hasSuffix("; 1 unexpected ids delivered"))
    }
}
