import RocketMQRemoting

extension BrokerState {
    /// Where the runtime info says the commit log lives (the `commitLogDiskRatio_<storePath>` key).
    static let commitLogStorePath = "/sandbox/store/commitlog"

    /// The GET_BROKER_RUNTIME_INFO table with every key of a 4.9.8 broker, in its formats
    /// (`AdminBrokerProcessor.prepareRuntimeInfo`, `DefaultMessageStore.getRuntimeInfo`,
    /// `StoreStatsService.getRuntimeInfo`). Message counts, offsets and rates are the sandbox's own; the
    /// store's fill ratio stands for the disk ratios; thread pools, which the sandbox has none of, are idle
    /// with 4.9.8's default capacities.
    func runtimeInfo(now: Int64) -> [String: String] {
        var storeStats = self.store.stats
        storeStats.advance(to: now)
        let puts = storeStats.putTimes
        let mornings = self.stats.mornings(now: now)
        let fill = Double(self.store.storedBytes) / Double(self.store.capacity)
        let ratio = JavaFormat.double((fill * 100).rounded() / 100)
        let capacity = Int64(self.store.capacity)
        var info = [
            "bootTimestamp": String(self.bootTimestamp), "brokerVersion": "409", "brokerVersionDesc": "V4_9_8",
            "runtime": Self.formatRuntime(millis: max(now - self.bootTimestamp, 0)),
            "commitLogDirCapacity":
                "Total : \(JavaFormat.byteCount(capacity)), Free : \(JavaFormat.byteCount(capacity - Int64(self.store.storedBytes))).",
            "commitLogDiskRatio": ratio, "commitLogDiskRatio_\(Self.commitLogStorePath)": ratio,
            "consumeQueueDiskRatio": ratio,
            "commitLogMinOffset": String(self.store.commitLogMinOffset),
            "commitLogMaxOffset": String(self.store.commitLogMaxOffset),
            "earliestMessageTimeStamp": String(self.store.earliestStoreTimestamp),
            "dispatchBehindBytes": "0", "dispatchMaxBuffer": "0", "pageCacheLockTimeMills": "0",
            "remainHowManyDataToFlush": JavaFormat.byteCount(0), "remainTransientStoreBufferNumbs": String(Int32.max),
            "putMessageTimesTotal": String(max(puts, 1)), "putMessageSizeTotal": String(storeStats.putBytes),
            "putMessageAverageSize": JavaFormat.double(Double(storeStats.putBytes) / Double(max(puts, 1))),
            "putMessageEntireTimeMax": "0", "getMessageEntireTimeMax": "0", "putMessageFailedTimes": "0",
            "putMessageDistributeTime": Self.distributeTime(puts: puts),
            "putLatency99": storeStats.putLatency(percentile: 0.99),
            "putLatency999": storeStats.putLatency(percentile: 0.999),
            "putTps": storeStats.tpsTriple(\.put), "getFoundTps": storeStats.tpsTriple(\.getFound),
            "getMissTps": storeStats.tpsTriple(\.getMiss), "getTransferedTps": storeStats.tpsTriple(\.transferred),
            "getTotalTps": storeStats.totalTpsTriple,
            "msgPutTotalTodayNow": String(self.stats.putTotal), "msgGetTotalTodayNow": String(self.stats.getTotal),
            "msgPutTotalTodayMorning": String(mornings.put), "msgPutTotalYesterdayMorning": String(mornings.putYesterday),
            "msgGetTotalTodayMorning": String(mornings.get), "msgGetTotalYesterdayMorning": String(mornings.getYesterday),
            "startAcceptSendRequestTimeStamp": "0",
        ]
        for (pool, capacity) in [("send", 10_000), ("pull", 100_000), ("query", 20_000)] {
            info["\(pool)ThreadPoolQueueSize"] = "0"
            info["\(pool)ThreadPoolQueueCapacity"] = String(capacity)
            info["\(pool)ThreadPoolQueueHeadWaitTimeMills"] = "0"
        }
        info["EndTransactionQueueSize"] = "0"
        info["EndTransactionThreadPoolQueueCapacity"] = "100000"
        // `ScheduleMessageService.buildRunningStats`: "delivered offset,max offset" per level with progress.
        for (level, offset) in self.delayOffsets {
            let max = self.store.maxOffset(topic: BrokerConfiguration.scheduleTopic, queueId: Int32(level - 1))
            info["scheduleMessageOffset_\(level)"] = "\(offset),\(max)"
        }
        return info
    }

    /// `"[ 0 days, 0 hours, 2 minutes, 29 seconds ]"`.
    static func formatRuntime(millis: Int64) -> String {
        let seconds = millis / 1000
        return "[ \(seconds / 86_400) days, \(seconds / 3600 % 24) hours, \(seconds / 60 % 60) minutes, \(seconds % 60) seconds ]"
    }

    /// `putMessageDistributeTime`: every sandbox put takes under a millisecond (the `[<=0ms]` bucket).
    static func distributeTime(puts: Int64) -> String {
        let buckets = [
            "[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]", "[100~200ms]", "[200~500ms]", "[500ms~1s]", "[1~2s]",
            "[2~3s]", "[3~4s]", "[4~5s]", "[5~10s]", "[10s~]",
        ]
        return buckets.enumerated().map { "\($0.element):\($0.offset == 0 ? puts : 0) " }.joined()
    }
}
