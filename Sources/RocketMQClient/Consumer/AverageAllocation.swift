/// RocketMQ's `AllocateMessageQueueAveragely`: every consumer of a group computes the same split of the
/// sorted queue list over the sorted consumer-id list and takes its own contiguous slice.
///
/// With 8 queues and 3 consumers the slices are 3, 3 and 2 queues; with more consumers than queues the
/// extra consumers get nothing.
enum AverageAllocation {
    /// The queues `currentId` owns; empty when `currentId` is not in `consumerIds` or there is nothing to share.
    /// Both lists must already be sorted (queues by topic, broker name, queue id; ids as strings).
    static func allocate<Queue>(queues: [Queue], consumerIds: [String], currentId: String) -> [Queue] {
        guard !queues.isEmpty, let index = consumerIds.firstIndex(of: currentId) else { return [] }
        let queueCount = queues.count
        let consumerCount = consumerIds.count
        let remainder = queueCount % consumerCount
        let averageSize: Int
        if queueCount <= consumerCount {
            averageSize = 1
        } else if remainder > 0 && index < remainder {
            averageSize = queueCount / consumerCount + 1
        } else {
            averageSize = queueCount / consumerCount
        }
        let startIndex = (remainder > 0 && index < remainder) ? index * averageSize : index * averageSize + remainder
        let range = min(averageSize, queueCount - startIndex)
        guard range > 0 else { return [] }
        return (0..<range).map { queues[(startIndex + $0) % queueCount] }
    }
}
