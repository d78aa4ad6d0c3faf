import RocketMQRemoting

extension BrokerState {
    /// Where a 4.9.8 broker records that a half message was committed or rolled back.
    static let transactionOpHalfTopic = "RMQ_SYS_TRANS_OP_HALF_TOPIC"

    /// `TransactionalMessageBridge.addRemoveTagInTransactionOp`: an op message with tag `d` whose body is the
    /// half message's queue offset, in `RMQ_SYS_TRANS_OP_HALF_TOPIC` queue `half.queueId` (created on first use,
    /// one queue, as `TransactionalMessageUtil.buildOpTopic` does). Readers tell pending half messages by it.
    mutating func putTransactionOp(for half: MessageExt, now: Int64) {
        _ = self.createTopicIfAbsent(Self.transactionOpHalfTopic, queueNums: 1, now: now)
        let op = MessageExt(
            topic: Self.transactionOpHalfTopic, queueId: half.queueId, body: Array(String(half.queueOffset).utf8),
            properties: [MessageProperties.tags: "d", MessageProperties.waitStoreMessageOK: "false"],
            bornTimestamp: now, storeTimestamp: now)
        _ = self.store.put(op)
    }
}
