internal import RocketMQRemoting

extension RocketMQAdmin {
    /// The NameServer KV namespace of ordered topics' configs (`NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG`):
    /// topic → `brokerName:queues;…`.
    public static let orderTopicConfigNamespace = "ORDER_TOPIC_CONFIG"

    /// GET_KVLIST_BY_NAMESPACE (219): every key and value of `namespace` on the first reachable NameServer;
    /// empty when the NameServer has none (QUERY_NOT_FOUND, 22).
    public func kvList(namespace: String) async throws -> [String: String] {
        let request = RemotingCommand.request(code: .getKVListByNamespace, ext: ["namespace": namespace])
        let response: RemotingCommand
        let address: String
        do {
            (response, address) = try await self.invokeNameServer(request)
        } catch let error as RocketMQClientError where error.responseCode == ResponseCode.queryNotFound.rawValue {
            return [:]
        }
        let table = try response.decodeBody(KVTable.self, request: .getKVListByNamespace, address: address)
        return Dictionary(table.table.map { ($0.key, $0.value) }) { first, _ in first }
    }

    /// PUT_KV_CONFIG (100) on every NameServer, as mqadmin's `updateOrderConf` does.
    public func putKVConfig(namespace: String, key: String, value: String) async throws {
        let request = RemotingCommand.request(
            code: .putKVConfig, ext: ["namespace": namespace, "key": key, "value": value])
        for address in self.nameServers {
            _ = try await self.invokeBroker(request, address: address)
        }
    }
}
