import Foundation
import NIOCore
import RocketMQRemoting

extension BrokerState {
    /// PULL_MESSAGE (`PullMessageProcessor.processRequest`). With `allowSuspend` and the suspend flag, an empty
    /// queue yields no response and a ``BrokerOutcome/suspendUntil`` deadline (long polling); the caller retries
    /// until messages arrive (`storeOffset` false: only the first call stores the commit offset), then calls
    /// once more with `allowSuspend` false at the deadline.
    mutating func handlePull(
        _ request: RemotingCommand, now: Int64, allowSuspend: Bool, storeOffset: Bool = true
    ) -> BrokerOutcome {
        func fail(_ code: ResponseCode, _ remark: String) -> BrokerOutcome {
            BrokerOutcome(request, .reply(request, code, remark: remark, ext: [:]))
        }
        let header: PullMessageRequestHeader
        do {
            header = try PullMessageRequestHeader(extFields: request.extFields)
        } catch {
            return fail(.systemError, error.reason)
        }
        guard self.brokerPermission.isReadable else {
            return fail(.noPermission, "the broker[\(self.brokerIP)] pulling message is forbidden")
        }
        guard self.autoCreateGroup(header.consumerGroup, now: now) else {
            return fail(.subscriptionGroupNotExist, Self.groupNotExistRemark(header.consumerGroup))
        }
        guard self.groups[header.consumerGroup]?.consumeEnable == true else {
            return fail(.noPermission, "subscription group no permission, \(header.consumerGroup)")
        }
        guard let topicConfig = self.topics[header.topic] else {
            return fail(
                .topicNotExist, "topic[\(header.topic)] not exist, apply first please! \(NameServerState.faqSuffix)")
        }
        guard topicConfig.perm.isReadable else {
            return fail(.noPermission, "the topic[\(header.topic)] pulling message is forbidden")
        }
        guard header.queueId >= 0, header.queueId < topicConfig.readQueueNums else {
            return fail(
                .systemError,
                "queueId[\(header.queueId)] is illegal, topic:[\(header.topic)] topicConfig.readQueueNums:[\(topicConfig.readQueueNums)] consumer:[\(header.consumerGroup)]"
            )
        }
        let codes: Set<Int64>?
        if header.sysFlag.contains(.subscription) {
            codes = Self.tagCodes(expression: header.subscription ?? "*")
        } else {
            guard let group = self.clients.consumers[header.consumerGroup] else {
                return fail(.subscriptionNotExist, "the consumer's group info not exist\(NameServerState.faqSuffix)")
            }
            guard let subscription = group.subscriptions[header.topic] else {
                return fail(.subscriptionNotExist, "the consumer's subscription not exist\(NameServerState.faqSuffix)")
            }
            let subVersion = subscription["subVersion"].flatMap { try? $0.int64() } ?? 0
            guard subVersion >= header.subVersion else {
                return fail(.subscriptionNotLatest, "the consumer's subscription not latest")
            }
            codes = Self.tagCodes(expression: subscription["subString"].flatMap { try? $0.string() } ?? "*")
        }

        let result = self.store.read(
            topic: header.topic, queueId: header.queueId, offset: header.queueOffset,
            maxCount: Int(min(max(header.maxMsgNums, 1), 1024)), codes: codes)  // bounds the scan
        if storeOffset, allowSuspend, header.sysFlag.contains(.commitOffset) {
            self.storeConsumerOffset(header.commitOffset, key: "\(header.topic)@\(header.consumerGroup)", queueId: header.queueId)
        }
        let code: ResponseCode
        switch result.status {
        case "FOUND": code = .success
        case "NO_MATCHED_MESSAGE": code = .pullRetryImmediately
        case "NO_MESSAGE_IN_QUEUE": code = header.queueOffset != 0 ? .pullOffsetMoved : .pullNotFound
        case "OFFSET_OVERFLOW_ONE": code = .pullNotFound
        default: code = .pullOffsetMoved
        }
        if code == .pullNotFound, allowSuspend, header.sysFlag.contains(.suspend) {
            var outcome = BrokerOutcome(request, nil)
            let (deadline, overflow) = now.addingReportingOverflow(header.suspendTimeoutMillis)
            outcome.suspendUntil = overflow ? .max : deadline
            return outcome
        }
        self.store.recordRead(messages: result.messages.count, now: now)
        if code == .success {
            self.stats.recordGet(
                topic: header.topic, group: header.consumerGroup, messages: result.messages.count,
                bytes: result.messages.reduce(0) { $0 + $1.readableBytes }, now: now)
        }
        let responseHeader = PullMessageResponseHeader(
            nextBeginOffset: result.nextBeginOffset, minOffset: result.minOffset, maxOffset: result.maxOffset)
        var body: ByteBuffer?
        if code == .success {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(result.messages.reduce(0) { $0 + $1.readableBytes })
            for var message in result.messages { buffer.writeBuffer(&message) }
            body = buffer
        }
        return BrokerOutcome(request, .reply(request, code, remark: result.status, ext: responseHeader.extFields, body: body))
    }

    /// The tags codes of a TAG expression (`"*"` or `"a || b"`); `nil` means every message.
    static func tagCodes(expression: String) -> Set<Int64>? {
        let tags = expression.split(separator: "||").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if tags.isEmpty || tags.contains("*") { return nil }
        return Set(tags.map { Int64($0.javaHashCode) })
    }

    /// Offset requests: QUERY/UPDATE_CONSUMER_OFFSET, GET_MAX/MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP,
    /// GET_ALL_CONSUMER_OFFSET, GET_ALL_DELAY_OFFSET.
    mutating func handleOffsets(_ request: RemotingCommand) -> RemotingCommand {
        let topic = request.ext("topic") ?? ""
        let queueId = Int32(request.ext("queueId") ?? "") ?? 0
        let key = "\(topic)@\(request.ext("consumerGroup") ?? "")"
        switch request.requestCode {
        case .queryConsumerOffset:
            do {
                _ = try QueryConsumerOffsetRequestHeader(ext: request.extFields ?? [:])
            } catch {
                return .reply(request, .systemError, remark: error.reason)
            }
            if let offset = self.consumerOffsets[key]?[queueId] {
                return .reply(request, ext: ["offset": String(offset)])
            }
            if self.store.minOffset(topic: topic, queueId: queueId) <= 0 {
                return .reply(request, ext: ["offset": "0"])
            }
            return .reply(request, .queryNotFound, remark: "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first", ext: [:])
        case .updateConsumerOffset:
            do {
                let header = try UpdateConsumerOffsetRequestHeader(ext: request.extFields ?? [:])
                self.storeConsumerOffset(header.commitOffset, key: key, queueId: header.queueId)
            } catch {
                return .reply(request, .systemError, remark: error.reason)
            }
            return .reply(request, ext: [:])
        case .getMaxOffset, .getMinOffset, .searchOffsetByTimestamp:
            let header: QueueOffsetRequestHeader
            do {
                let ext = request.extFields ?? [:]
                header = request.requestCode == .searchOffsetByTimestamp
                    ? try QueueOffsetRequestHeader(searchExt: ext) : try QueueOffsetRequestHeader(ext: ext)
            } catch {
                return NameServerState.headerError(request, error)
            }
            let offset =
                switch request.requestCode {
                case .getMaxOffset: self.store.maxOffset(topic: header.topic, queueId: header.queueId)
                case .getMinOffset: self.store.minOffset(topic: header.topic, queueId: header.queueId)
                default: self.store.offset(topic: header.topic, queueId: header.queueId, storedAt: header.timestamp ?? 0)
                }
            return .reply(request, ext: ["offset": String(offset)])
        case .getAllDelayOffset:
            let table = self.delayOffsets.filter { $0.value > 0 }
            let json = RemotingJSON.fields([
                "offsetTable": .map(table, key: { .integer(Int64($0)) }, value: { .integer(table[$0]!) })
            ])
            return .reply(request, body: json.body())
        default:
            let json = RemotingJSON.fields([
                "offsetTable": .map(self.consumerOffsets, key: { .string($0) }) { key in
                    let queues = self.consumerOffsets[key]!
                    return .map(queues, key: { .integer(Int64($0)) }, value: { .integer(queues[$0]!) })
                }
            ])
            return .reply(request, body: json.body())
        }
    }
}
