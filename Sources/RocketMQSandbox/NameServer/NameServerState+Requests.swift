import NIOCore
import RocketMQRemoting

extension NameServerState {
    /// The `FAQUrl.suggestTodo` suffix the Java servers append to some remarks.
    static let faqSuffix = "\nSee http://rocketmq.apache.org/docs/faq/ for further details."

    /// How many KV entries there are over all namespaces.
    var kvCount: Int { self.kvTable.values.reduce(0) { $0 + $1.count } }

    /// Answers one request as a 4.9.8 NameServer does (`DefaultRequestProcessor`, `ClientRequestProcessor`).
    /// Returns `nil` for oneway requests and for unknown codes, which the 4.9.8 NameServer never answers.
    /// `connectionID` names the connection the request came on (a registration's closing drops the broker).
    mutating func handle(_ request: RemotingCommand, now: Int64, connectionID: Int? = nil) -> RemotingCommand? {
        let response: RemotingCommand?
        switch request.requestCode {
        case .putKVConfig:
            do {
                let header = try PutKVConfigRequestHeader(ext: request.extFields ?? [:])
                guard self.kvTable[header.namespace]?[header.key] != nil || self.kvCount < self.maxKVEntries else {
                    response = .reply(request, .systemError, remark: "the KV config holds \(self.maxKVEntries) entries, no more")
                    break
                }
                self.kvTable[header.namespace, default: [:]][header.key] = header.value
                response = .reply(request)
            } catch {
                response = Self.headerError(request, error)
            }
        case .getKVConfig:
            let namespace = request.ext("namespace") ?? "", key = request.ext("key") ?? ""
            if let value = self.kvTable[namespace]?[key] {
                response = .reply(request, ext: ["value": value])
            } else {
                response = .reply(
                    request, .queryNotFound, remark: "No config item, Namespace: \(namespace) Key: \(key)", ext: [:])
            }
        case .deleteKVConfig:
            if let namespace = request.ext("namespace"), let key = request.ext("key") {
                // An emptied namespace stays and lists as `{"table":{}}` (`KVConfigManager.deleteKVConfig`).
                self.kvTable[namespace]?[key] = nil
            }
            response = .reply(request)
        case .getKVListByNamespace:
            let namespace = request.ext("namespace") ?? ""
            if let table = self.kvTable[namespace] {
                response = .reply(request, body: Self.kvTableJSON(table).body())
            } else {
                response = .reply(request, .queryNotFound, remark: "No config item, Namespace: \(namespace)")
            }
        case .registerBroker:
            response = self.handleRegisterBroker(request, now: now, connectionID: connectionID)
        case .unregisterBroker:
            self.unregisterBroker(
                clusterName: request.ext("clusterName") ?? "", brokerAddr: request.ext("brokerAddr") ?? "",
                brokerName: request.ext("brokerName") ?? "", brokerId: Int64(request.ext("brokerId") ?? "") ?? 0)
            response = .reply(request)
        case .getRouteInfoByTopic:
            response = self.handleGetRoute(request)
        case .getBrokerClusterInfo:
            response = .reply(request, body: self.clusterInfoJSON.body())
        case .wipeWritePermOfBroker:
            let count = self.operateWritePerm(brokerName: request.ext("brokerName") ?? "", add: false)
            response = .reply(request, ext: ["wipeTopicCount": String(count)])
        case .addWritePermOfBroker:
            let count = self.operateWritePerm(brokerName: request.ext("brokerName") ?? "", add: true)
            response = .reply(request, ext: ["addTopicCount": String(count)])
        case .getAllTopicListFromNameserver:
            response = .reply(request, body: Self.topicListJSON(self.topicQueueTable.keys.sorted()).body())
        case .deleteTopicInNamesrv:
            do {
                let header = try DeleteTopicFromNamesrvRequestHeader(ext: request.extFields ?? [:])
                self.deleteTopic(header.topic, clusterName: header.clusterName)
                response = .reply(request)
            } catch {
                response = Self.headerError(request, error)
            }
        case .getTopicsByCluster:
            let brokerNames = self.clusterAddrTable[request.ext("cluster") ?? ""] ?? []
            let topics = self.topicQueueTable.filter { !brokerNames.isDisjoint(with: $0.value.keys) }.keys.sorted()
            response = .reply(request, body: Self.topicListJSON(topics).body())
        case .getSystemTopicListFromNS:
            let names = self.clusterAddrTable.keys.sorted() + self.clusterAddrTable.values.flatMap { $0 }.sorted()
            let brokerAddr = self.brokerAddrTable.keys.sorted().first.flatMap { self.brokerAddrTable[$0]?.brokerAddrs[0] }
            response = .reply(request, body: Self.topicListJSON(names, brokerAddr: brokerAddr).body())
        case .updateNamesrvConfig:
            if let properties = try? BrokerProperties(text: request.textBody),
                let value = properties["orderMessageEnable"]
            {
                self.orderMessageEnable = value == "true"
            }
            response = .reply(request)
        case .getNamesrvConfig:
            var properties = BrokerProperties()
            properties["orderMessageEnable"] = String(self.orderMessageEnable)
            response = .reply(request, body: ByteBuffer(string: properties.text))
        default:
            return nil
        }
        return request.isOneway ? nil : response
    }

    /// The SYSTEM_ERROR a Java server answers when a request's header does not decode
    /// (`RemotingCommandException` from `decodeCommandCustomHeader`, `RemotingHelper.exceptionSimpleDesc`).
    static func headerError(_ request: RemotingCommand, _ error: RemotingError) -> RemotingCommand {
        .reply(
            request, .systemError,
            remark: "org.apache.rocketmq.remoting.exception.RemotingCommandException: \(error.reason)", ext: [:])
    }

    private mutating func handleRegisterBroker(_ request: RemotingCommand, now: Int64, connectionID: Int?) -> RemotingCommand {
        var topicConfigs: TopicConfigSerializeWrapper?
        if let body = request.body, body.readableBytes > 0 {
            if let crc = request.ext("bodyCrc32").flatMap(Int32.init), crc != 0,
                crc != CRC32.rocketMQ(body.readableBytesView)
            {
                return .reply(request, .systemError, remark: "crc32 not match")
            }
            // `RegisterBrokerBody.decode` throws on a body it cannot read; the exception becomes SYSTEM_ERROR.
            guard let json = request.jsonBody else {
                return .reply(request, .systemError, remark: "com.alibaba.fastjson.JSONException: the register body is not JSON")
            }
            if let wrapper = json["topicConfigSerializeWrapper"] {
                do {
                    topicConfigs = try TopicConfigSerializeWrapper(json: wrapper)
                } catch {
                    return .reply(request, .systemError, remark: "com.alibaba.fastjson.JSONException: \(error.reason)")
                }
            }
        }
        let brokerName = request.ext("brokerName") ?? ""
        if let refusal = self.registrationRefusal(brokerName: brokerName, topicConfigs: topicConfigs) {
            return .reply(request, .systemError, remark: refusal)
        }
        let orderTopicConfig = self.registerBroker(
            clusterName: request.ext("clusterName") ?? "", brokerAddr: request.ext("brokerAddr") ?? "",
            brokerName: brokerName, brokerId: Int64(request.ext("brokerId") ?? "") ?? 0,
            haServerAddr: request.ext("haServerAddr") ?? "", topicConfigs: topicConfigs, now: now,
            connectionID: connectionID)
        let body = orderTopicConfig.map { Self.kvTableJSON($0).body() }
        return .reply(request, ext: [:], body: body)
    }

    private func handleGetRoute(_ request: RemotingCommand) -> RemotingCommand {
        let topic = request.ext("topic") ?? ""
        guard var route = self.routeJSON(topic: topic) else {
            return .reply(
                request, .topicNotExist, remark: "No topic route info in name server for the topic: \(topic)\(Self.faqSuffix)")
        }
        if self.orderMessageEnable, let conf = self.kvTable[Self.orderTopicConfigNamespace]?[topic],
            case .object(var object) = route
        {
            let index = object.members.firstIndex { $0.key == .string("queueDatas") } ?? object.members.endIndex
            object.members.insert(.init(key: .string("orderTopicConf"), value: .string(conf)), at: index)
            route = .object(object)
        }
        let standard = request.version >= 401 || request.ext("acceptStandardJsonOnly") == "true"
        return .reply(request, body: route.body(standard ? .standard : .fastjson))
    }
}
