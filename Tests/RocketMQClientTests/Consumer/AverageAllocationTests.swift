@testable import RocketMQClient
import Testing

@Suite struct AverageAllocationTests {
    @Test func splitsEightQueuesOverThreeConsumersAsJavaDoes() {
        let queues = Array(0..<8)
        let ids = ["c1", "c2", "c3"]
        #expect(AverageAllocation.allocate(queues: queues, consumerIds: ids, currentId: "c1") == [0, 1, 2])
        #expect(AverageAllocation.allocate(queues: queues, consumerIds: ids, currentId: "c2") == [3, 4, 5])
        #expect(AverageAllocation.allocate(queues: queues, consumerIds: ids, currentId: "c3") == [6, 7])
    }

    @Test func everyQueueIsOwnedExactlyOnce() {
        for queueCount in 0..<20 {
            for consumerCount in 1..<7 {
                let queues = Array(0..<queueCount)
                let ids = (0..<consumerCount).map { "id\($0)" }
                let owned = ids.flatMap { AverageAllocation.allocate(queues: queues, consumerIds: ids, currentId: $0) }
                #expect(owned.sorted() == queues, "\(queueCount) queues, \(consumerCount) consumers")
            }
        }
    }

    @Test func moreConsumersThanQueuesLeavesSomeIdle() {
        let ids = ["a", "b", "c"]
        #expect(AverageAllocation.allocate(queues: [10, 11], consumerIds: ids, currentId: "a") == [10])
        #expect(AverageAllocation.allocate(queues: [10, 11], consumerIds: ids, currentId: "b") == [11])
        #expect(AverageAllocation.allocate(queues: [10, 11], consumerIds: ids, currentId: "c") == [])
        #expect(AverageAllocation.allocate(queues: [10, 11], consumerIds: ids, currentId: "unknown") == [])
    }
}
