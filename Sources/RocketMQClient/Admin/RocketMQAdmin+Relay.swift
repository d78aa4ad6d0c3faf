public import RocketMQRemoting

extension RocketMQAdmin {
    /// Sends `request` to the first reachable NameServer (failing over like every NameServer call) and
    /// returns its response whatever the response code, with the address that answered: what a proxy
    /// needs to relay a request it does not interpret.
    /// - Throws: ``RocketMQClientError/Code/noNameServerReachable`` when no NameServer answered.
    public func relayToNameServer(_ request: RemotingCommand) async throws -> (response: RemotingCommand, address: String) {
        var lastError: (any Error)?
        for address in self.nameServers {
            do {
                return (try await self.client.invoke(request, address: address, timeout: self.timeout), address)
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
}
