public import Logging
internal import NIOCore
internal import RocketMQRemoting

/// A RocketMQ 4.x producer: it fetches each topic's route from the NameServer, round-robins over the
/// writable queues whose broker has a master (or over `orderTopicConf`'s queues), sends with
/// SEND_MESSAGE_V2 and, when a send fails on a connection problem or a response code Java retries,
/// retries on another broker. A background task heartbeats the producer group to every master it sends to.
///
/// Routes are cached like Java's `topicPublishInfoTable`: a route is kept until it is ``RocketMQProducerConfiguration/routeRefreshInterval``
/// old, whatever the brokers answer meanwhile, and kept after that too when the NameServer cannot be asked;
/// a route without a writable queue is fetched again on every send (`tryToFindTopicPublishInfo`).
///
/// Call ``start()`` before sending and ``shutdown()`` at the end (it unregisters the group).
public actor RocketMQProducer {
    /// The producer's settings.
    public let configuration: RocketMQProducerConfiguration
    /// The id brokers know this client by (`ip@pid#nanos`).
    public nonisolated let clientId: String
    let client: RemotingClient
    private let admin: RocketMQAdmin
    private let logger: Logger
    private let messageIds = MessageIdGenerator()
    private var routes: [String: (queues: [MessageQueue], route: TopicRouteData, fetched: ContinuousClock.Instant)] = [:]
    private var sendIndex = Int.random(in: 0..<1024)
    private var heartbeatTask: Task<Void, Never>?
    /// Where the producer is in its life; a heartbeat suspended across ``shutdown()`` checks it before each request.
    private(set) var lifecycle = Lifecycle.idle

    /// The producer's life. ``shutdown()``, heartbeats and a send's first route fetch suspend, so each can run
    /// while another is suspended. ``start()`` does not suspend, so unlike the push consumer there is no
    /// `starting` state.
    enum Lifecycle {
        /// Created, not started: sends work and heartbeat the brokers of new routes; no periodic heartbeat.
        case idle
        /// Started: the periodic heartbeat runs.
        case running
        /// ``shutdown()`` began: no heartbeat is sent any more, and ``start()`` does nothing.
        case shutDown
    }

    /// Creates a producer over `client` (whose configuration carries the ACL credentials, if any).
    public init(configuration: RocketMQProducerConfiguration, client: RemotingClient, logger: Logger) {
        self.init(configuration: configuration, client: client, clientId: ClientIdentity.makeClientId(), logger: logger)
    }

    /// Creates a producer that shows brokers `clientId` (a push consumer's inner producer shares its id).
    init(configuration: RocketMQProducerConfiguration, client: RemotingClient, clientId: String, logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        self.clientId = clientId
        self.admin = RocketMQAdmin(client: client, nameServers: configuration.nameServers, timeout: configuration.sendTimeout)
    }

    /// Starts the periodic heartbeat; does nothing once started or shut down.
    public func start() {
        guard self.lifecycle == .idle else { return }
        self.lifecycle = .running
        let interval = self.configuration.heartbeatInterval
        self.heartbeatTask = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                // A producer released without shutdown() ends the loop instead of leaving it to sleep forever.
                guard let self, !Task.isCancelled else { return }
                await self.heartbeat()
            }
        }
    }

    /// Sends `message` and returns where it was stored.
    /// - Throws: ``RocketMQClientError``: `noRoute` when the topic has no writable queue, or the last
    ///   attempt's error after `1 + retryTimesWhenSendFailed` attempts.
    public func send(_ message: RocketMQMessage) async throws -> RocketMQSendResult {
        var message = message
        let retryCounts = Self.takeRetryCounts(from: &message)
        let (queues, route) = try await self.publishInfo(topic: message.topic)
        guard !queues.isEmpty else {
            throw RocketMQClientError(.noRoute, "topic \(message.topic) has no writable queue with a master")
        }
        // Like Java's `MessageClientIDSetter.setUniqID`, a message that already has an id keeps it.
        let messageId = message.properties[MessageProperties.uniqueClientMessageIdKey] ?? self.messageIds.next()
        let properties = self.wireProperties(of: message, messageId: messageId)
        var lastBroker: String?
        var lastError: (any Error)?
        for attempt in 0...self.configuration.retryTimesWhenSendFailed {
            let queue = self.selectQueue(queues, avoiding: lastBroker)
            lastBroker = queue.brokerName
            guard let address = route.masterAddress(of: queue.brokerName) else { continue }
            do {
                return try await self.send(
                    message, id: messageId, properties: properties, retryCounts: retryCounts, to: queue, address: address)
            } catch let error as RocketMQClientError where Self.isRetriable(error) {
                self.logger.debug(
                    "producer.send.retry",
                    metadata: ["broker.addr": "\(address)", "producer.attempt": "\(attempt)", "error": "\(error)"]
                )
                // The route stays cached until its poll, as in Java (without `sendLatencyFaultEnable`).
                lastError = error
            }
        }
        throw lastError ?? RocketMQClientError(.noRoute, "no master for the selected queues of \(message.topic)")
    }

    /// Stops the heartbeat and unregisters the producer group from every broker it talked to. Later calls
    /// do nothing.
    public func shutdown() async {
        guard self.lifecycle != .shutDown else { return }
        self.lifecycle = .shutDown
        self.heartbeatTask?.cancel()
        self.heartbeatTask = nil
        for address in Set(self.routes.values.flatMap { $0.route.brokerDatas.compactMap(\.masterAddress) }) {
            let request = RemotingCommand.request(
                code: .unregisterClient,
                ext: ["clientID": self.clientId, "producerGroup": self.configuration.group]
            )
            _ = try? await self.client.invoke(request, address: address)
        }
    }

    /// Sends one heartbeat (the producer group) to every master of every topic sent to (none once shut down:
    /// a late heartbeat would register the group again after its UNREGISTER_CLIENT).
    func heartbeat() async {
        let body = HeartbeatData(clientID: self.clientId, producerDataSet: [ProducerData(groupName: self.configuration.group)])
            .byteBuffer()
        for address in Set(self.routes.values.flatMap { $0.route.brokerDatas.compactMap(\.masterAddress) })
        where self.lifecycle != .shutDown {
            do {
                let response = try await self.client.invoke(.request(code: .heartBeat, body: body), address: address)
                _ = try response.requireSuccess(request: .heartBeat, address: address)
            } catch {
                self.logger.debug("producer.heartbeat.failed", metadata: ["broker.addr": "\(address)", "error": "\(error)"])
            }
        }
    }

    /// The topic's queues and route: the cached ones while they are fresh and have a writable queue, else
    /// fetched again; when the fetch fails, a cached route is used (and kept for another interval).
    private func publishInfo(topic: String) async throws -> ([MessageQueue], TopicRouteData) {
        let cached = self.routes[topic]
        if let cached, !cached.queues.isEmpty,
            cached.fetched.duration(to: .now) < self.configuration.routeRefreshInterval
        {
            return (cached.queues, cached.route)
        }
        let route: TopicRouteData
        do {
            route = try await self.admin.topicRoute(topic)
        } catch {
            guard let cached else { throw error }
            self.logger.debug("producer.route.failed", metadata: ["producer.topic": "\(topic)", "error": "\(error)"])
            self.routes[topic]?.fetched = .now
            return (cached.queues, cached.route)
        }
        let queues = route.publishQueues(topic: topic)
        let isNew = self.routes[topic] == nil
        self.routes[topic] = (queues, route, .now)
        if isNew { await self.heartbeat() }
        return (queues, route)
    }

    /// Java's `TopicPublishInfo.selectOneMessageQueue(lastBrokerName)`: the next queue round-robin,
    /// skipping the broker that just failed when another one exists.
    private func selectQueue(_ queues: [MessageQueue], avoiding brokerName: String?) -> MessageQueue {
        for _ in 0..<queues.count {
            self.sendIndex &+= 1
            let queue = queues[abs(self.sendIndex % queues.count)]
            if queue.brokerName != brokerName { return queue }
        }
        self.sendIndex &+= 1
        return queues[abs(self.sendIndex % queues.count)]
    }

    /// A retry message's delivery counts, sent as header fields.
    struct RetryCounts {
        var reconsumeTimes: Int32 = 0
        var maxReconsumeTimes: Int32?
    }

    /// Java's `sendKernelImpl` moves a `%RETRY%` message's RECONSUME_TIME and MAX_RECONSUME_TIMES properties into
    /// the header's `reconsumeTimes` / `maxReconsumeTimes`, where the broker reads them; values that are not
    /// numbers are dropped.
    static func takeRetryCounts(from message: inout RocketMQMessage) -> RetryCounts {
        var counts = RetryCounts()
        guard message.topic.hasPrefix("%RETRY%") else { return counts }
        if let text = message.properties.removeValue(forKey: MessageProperties.reconsumeTime) {
            counts.reconsumeTimes = Int32(text) ?? 0
        }
        if let text = message.properties.removeValue(forKey: MessageProperties.maxReconsumeTimes) {
            counts.maxReconsumeTimes = Int32(text)
        }
        return counts
    }

    private func wireProperties(of message: RocketMQMessage, messageId: String) -> String {
        var properties = message.properties
        properties[MessageProperties.uniqueClientMessageIdKey] = messageId
        properties[MessageProperties.waitStoreMessageOK] = "true"
        if let tags = message.tags { properties[MessageProperties.tags] = tags }
        if !message.keys.isEmpty { properties[MessageProperties.keys] = message.keys.joined(separator: " ") }
        if message.delayLevel > 0 { properties[MessageProperties.delayTimeLevel] = "\(message.delayLevel)" }
        return MessageProperties.encode(properties)
    }

    private func send(
        _ message: RocketMQMessage,
        id messageId: String,
        properties: String,
        retryCounts: RetryCounts,
        to queue: MessageQueue,
        address: String
    ) async throws -> RocketMQSendResult {
        let bornTimestamp = WallClock.nowMillis()
        let header = SendMessageRequestHeader(
            producerGroup: self.configuration.group,
            topic: message.topic,
            queueId: queue.queueId,
            bornTimestamp: bornTimestamp,
            properties: properties,
            reconsumeTimes: retryCounts.reconsumeTimes,
            maxReconsumeTimes: retryCounts.maxReconsumeTimes,
            brokerName: queue.brokerName
        )
        // SEND_MESSAGE_V2: the header under its one-letter field names `a`…`n`.
        let request = RemotingCommand.request(code: .sendMessageV2, ext: header.extFields(v2: true), body: message.body)
        let response = try await self.client.invoke(request, address: address, timeout: self.configuration.sendTimeout)
        let status: RocketMQSendResult.Status
        switch response.responseCode {
        case .success: status = .ok
        case .flushDiskTimeout: status = .flushDiskTimeout
        case .flushSlaveTimeout: status = .flushSlaveTimeout
        case .slaveNotAvailable: status = .slaveNotAvailable
        default: _ = try response.requireSuccess(request: .sendMessageV2, address: address); status = .ok
        }
        return RocketMQSendResult(
            status: status,
            messageId: messageId,
            offsetMessageId: response.ext("msgId") ?? "",
            queue: queue,
            queueOffset: try response.requireInt64Ext("queueOffset", request: .sendMessageV2, address: address)
        )
    }

    /// The broker answers Java 4.9.8 retries a send on (`DefaultMQProducer.retryResponseCodes`): TOPIC_NOT_EXIST,
    /// SERVICE_NOT_AVAILABLE, SYSTEM_ERROR, NO_PERMISSION, NO_BUYER_ID and NOT_IN_CURRENT_UNIT. SYSTEM_BUSY is
    /// not among them before 5.x.
    static let retryResponseCodes: Set<ResponseCode> = [
        .topicNotExist, .serviceNotAvailable, .systemError, .noPermission, .noBuyerID, .notInCurrentUnit,
    ]

    /// Java retries a send on connection errors and on ``retryResponseCodes`` (`DefaultMQProducerImpl.sendDefaultImpl`).
    static func isRetriable(_ error: RocketMQClientError) -> Bool {
        if error.isConnectionProblem { return true }
        guard error.code == .responseError, let code = error.responseCode else { return false }
        return Self.retryResponseCodes.contains(ResponseCode(code))
    }
}
