import LiveDemo
import Testing

@Suite struct DeliveryCounterTests {
    @Test func countsSendsAndDeliveriesFromManyTasksAtOnce() async {
        let counter = DeliveryCounter()
        await withTaskGroup(of: Void.self) { tasks in
            for index in 0..<200 {
                tasks.addTask {
                    let id = "orders#\(index)"
                    counter.sent(id: id, topic: "orders")
                    counter.delivered(id: id, group: "billing")
                    if index.isMultiple(of: 10) { counter.delivered(id: id, group: "billing") }
                    if index < 150 { counter.delivered(id: id, group: "audit") }
                }
            }
        }
        counter.sendFailed(id: "orders#200")
        let verdict = counter.verdict(subscriptions: ["billing": ["orders"], "audit": ["orders"]])
        #expect(counter.sentCount == 200)
        #expect(verdict.sent == 200)
        #expect(verdict.groups.map(\.received) == [150, 200])
        #expect(verdict.lost == 50)
        #expect(verdict.duplicates == 20)
        #expect(verdict.unacknowledged == 1)
    }
}
