import RocketMQRemoting

extension BrokerState {
    /// LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) (`AdminBrokerProcessor.lockBatchMQ`/`unlockBatchMQ`):
    /// a lock answers the queues the client now holds; an unlock answers success with no body.
    mutating func handleQueueLocks(_ request: RemotingCommand, now: Int64) -> RemotingCommand {
        guard let json = request.jsonBody else {
            return .reply(request, .systemError, remark: "LockBatchRequestBody is not valid: the body is not JSON")
        }
        let body: LockBatchRequestBody
        do {
            body = try LockBatchRequestBody(json: json)
        } catch {
            return .reply(request, .systemError, remark: "LockBatchRequestBody is not valid: \(error.reason)")
        }
        guard request.requestCode == .lockBatchMQ else {
            self.queueLocks.unlock(group: body.consumerGroup, queues: body.mqSet, clientId: body.clientId)
            return .reply(request)
        }
        let locked = self.queueLocks.tryLock(
            group: body.consumerGroup, queues: body.mqSet, clientId: body.clientId, now: now)
        return .reply(request, body: LockBatchResponseBody(lockOKMQSet: locked).json.body())
    }
}
