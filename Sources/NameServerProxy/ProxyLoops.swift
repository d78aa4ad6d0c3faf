import Logging
import MigrationStore

/// The proxy's background work, each a loop in its own task: route refresh and expiry, rules reload when
/// the change token moves, and writing accesses and health to the store.
struct ProxyLoops: Sendable {
    let taskName: String
    let listen: String
    let configuration: NameServerProxyConfiguration
    let proxy: NameServerProxy
    let refresher: RouteRefresher
    let rulesSource: any ProxyRulesSource
    let store: ProxyAccessStore?
    let logger: Logger

    /// Starts the loops; `token` is the change token the current rules were loaded at.
    func start(token: Int64) -> [Task<Void, Never>] {
        [
            Task { await self.refreshLoop() },
            Task { await self.rulesLoop(token: token) },
            Task { await self.persistLoop() },
        ]
    }

    private func refreshLoop() async {
        while (try? await Task.sleep(for: self.configuration.refreshInterval)) != nil {
            let now = epochMillis()
            await self.refresher.model.expire(
                unaskedSince: now.subtractingReportingOverflow(self.configuration.cachedTopicExpiry.milliseconds).partialValue)
            self.proxy.accesses.expire(nowMillis: now)
            await self.proxy.refreshClusters()
            await self.refresher.refresh(await self.refresher.model.cachedTopics)
        }
    }

    private func rulesLoop(token initial: Int64) async {
        var token = initial
        while (try? await Task.sleep(for: self.configuration.rulesPollInterval)) != nil {
            do {
                let current = try await self.rulesSource.changeToken()
                guard current != token else { continue }
                let rules = try await self.rulesSource.loadRules()
                let missing = await self.refresher.model.replaceRules(rules, nowMillis: epochMillis())
                token = current
                self.logger.info(
                    "routing proxy rules reloaded",
                    metadata: ["proxy.task": "\(self.taskName)", "proxy.changeToken": "\(current)"])
                await self.refresher.refresh(missing)
            } catch {
                self.logger.info(
                    "routing proxy cannot reload its rules, keeping the current ones",
                    metadata: ["proxy.task": "\(self.taskName)", "error": "\(error)"])
            }
        }
    }

    private func persistLoop() async {
        guard let store = self.store else { return }
        while (try? await Task.sleep(for: self.configuration.persistInterval)) != nil {
            await self.persist(to: store)
        }
        // The loop ends because shutdown cancelled it: the last write runs in a task of its own, which does not
        // inherit that cancellation (the store would refuse a write from a cancelled task).
        await Task { await self.persist(to: store) }.value
    }

    private func persist(to store: ProxyAccessStore) async {
        let now = epochMillis()
        let status = self.proxy.status
        let records = self.proxy.accesses.drainChanges(task: self.taskName)
        let limits = self.configuration.access
        let health = ProxyHealthRecord(
            task: self.taskName, listen: self.listen, updatedMillis: now, sourceReachable: status.sourceReachable,
            targetReachable: status.targetReachable, cachedTopics: status.cachedTopics, warning: status.warning)
        do {
            try await store.record(
                records, health: health,
                olderThan: now.subtractingReportingOverflow(limits.expiry.milliseconds).partialValue,
                maxRows: limits.maxTopics.multipliedReportingOverflow(by: limits.maxHostsPerTopic).partialValue)
        } catch {
            self.logger.info(
                "routing proxy cannot write its accesses", metadata: ["proxy.task": "\(self.taskName)", "error": "\(error)"])
        }
    }
}
