internal import NIOCore
public import RocketMQRemoting

/// mqadmin's calls over a ``RemotingClient``: NameServer queries (sent to one NameServer chosen at random
/// and kept while it answers, like the Java client; on a connection problem the next ones are tried) and
/// broker queries and updates (to the broker address given). Copies of an admin share the choice.
///
/// Every call maps a non-SUCCESS response to ``RocketMQClientError/Code/responseError`` with the code
/// and the remark, and returns the body types of `RocketMQRemoting`.
public struct RocketMQAdmin: Sendable {
    /// The transport (and its ACL credentials).
    public let client: RemotingClient
    /// NameServer addresses, `host:port`.
    public let nameServers: [String]
    /// The timeout of each call. Default 5 s.
    public var timeout: Duration
    private let nameServerChoice: NameServerChoice

    /// Creates an admin over `client` for the cluster behind `nameServers`.
    public init(client: RemotingClient, nameServers: [String], timeout: Duration = .seconds(5)) {
        self.client = client
        self.nameServers = nameServers
        self.timeout = timeout
        self.nameServerChoice = NameServerChoice(count: nameServers.count)
    }

    // MARK: NameServer

    /// GET_BROKER_CLUSTER_INFO (106): brokers by name and broker names by cluster.
    public func clusterInfo() async throws -> ClusterInfo {
        let request = RemotingCommand.request(code: .getBrokerClusterInfo)
        let (response, address) = try await self.invokeNameServer(request)
        return try response.decodeBody(ClusterInfo.self, request: .getBrokerClusterInfo, address: address)
    }

    /// GET_ROUTEINFO_BY_TOPIC (105): the topic's queue and broker data (either JSON dialect is accepted).
    /// - Throws: `responseError` with response code TOPIC_NOT_EXIST (17) for an unknown topic.
    public func topicRoute(_ topic: String) async throws -> TopicRouteData {
        let request = RemotingCommand.request(code: .getRouteInfoByTopic, ext: GetRouteInfoRequestHeader(topic: topic).ext)
        let (response, address) = try await self.invokeNameServer(request)
        return try response.decodeBody(TopicRouteData.self, request: .getRouteInfoByTopic, address: address)
    }

    /// GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206): every topic any broker registered.
    public func topicList() async throws -> TopicList {
        let request = RemotingCommand.request(code: .getAllTopicListFromNameserver)
        let (response, address) = try await self.invokeNameServer(request)
        return try response.decodeBody(TopicList.self, request: .getAllTopicListFromNameserver, address: address)
    }

    /// WIPE_WRITE_PERM_OF_BROKER (205) on **every** NameServer: clears the WRITE bit of the broker's queue
    /// routes. Returns the `wipeTopicCount` each NameServer reported, by address.
    public func wipeWritePerm(brokerName: String) async throws -> [String: Int] {
        try await self.onEveryNameServer(.wipeWritePermOfBroker, brokerName: brokerName, countField: "wipeTopicCount")
    }

    /// ADD_WRITE_PERM_OF_BROKER (327, since 4.9.2) on **every** NameServer: sets the broker's queue routes
    /// back to read-write. Returns the `addTopicCount` each NameServer reported, by address.
    public func addWritePerm(brokerName: String) async throws -> [String: Int] {
        try await self.onEveryNameServer(.addWritePermOfBroker, brokerName: brokerName, countField: "addTopicCount")
    }

    /// The master (broker id 0) address of each broker of `cluster`, by broker name; brokers without a
    /// master are left out.
    /// - Throws: `invalidArgument` when the NameServer knows no such cluster.
    public func masterAddresses(cluster: String) async throws -> [String: String] {
        let info = try await self.clusterInfo()
        guard let brokerNames = info.clusterAddrTable[cluster] else {
            throw RocketMQClientError(.invalidArgument, "no cluster named \(cluster)")
        }
        var masters: [String: String] = [:]
        for brokerName in brokerNames {
            if let address = info.brokerAddrTable[brokerName]?.masterAddress {
                masters[brokerName] = address
            }
        }
        return masters
    }

    // MARK: Plumbing

    /// Sends `request` to the chosen NameServer; a connection failure moves on to the next one, which is
    /// kept from then on when it answers.
    func invokeNameServer(_ request: RemotingCommand) async throws -> (RemotingCommand, String) {
        var lastError: (any Error)?
        for index in self.nameServerChoice.order {
            let address = self.nameServers[index]
            do {
                let response = try await self.client.invoke(request, address: address, timeout: self.timeout)
                self.nameServerChoice.stick(to: index)
                return (try response.requireSuccess(request: request.requestCode, address: address), address)
            } catch let error as RocketMQClientError where error.isConnectionProblem {
                lastError = error
            }
        }
        throw RocketMQClientError(
            .noNameServerReachable,
            "no NameServer answered (\(self.nameServers.joined(separator: ";")))",
            requestCode: request.code,
            underlying: lastError
        )
    }

    /// Sends `request` to the broker at `address` and requires SUCCESS.
    func invokeBroker(_ request: RemotingCommand, address: String) async throws -> RemotingCommand {
        let response = try await self.client.invoke(request, address: address, timeout: self.timeout)
        return try response.requireSuccess(request: request.requestCode, address: address)
    }

    private func onEveryNameServer(_ code: RequestCode, brokerName: String, countField: String) async throws
        -> [String: Int]
    {
        var counts: [String: Int] = [:]
        for address in self.nameServers {
            let request = RemotingCommand.request(code: code, ext: ["brokerName": brokerName])
            let response = try await self.invokeBroker(request, address: address)
            counts[address] = Int(response.ext(countField) ?? "") ?? 0
        }
        return counts
    }
}

extension RocketMQClientError {
    /// True for errors after which another address may work (connect failure, dropped connection, timeout).
    var isConnectionProblem: Bool {
        self.code == .connectFailed || self.code == .connectionClosed || self.code == .timeout
    }
}
