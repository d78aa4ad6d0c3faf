import Foundation
import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// GET_BROKER_RUNTIME_INFO carries every key of a real 4.9.8 broker in its format, with the sandbox's own
/// counts and rates; consume TPS and VIEW_BROKER_STATS_DATA carry real rates.
@Suite struct RuntimeInfoTests {
    private static func table(_ response: RemotingCommand?) throws -> [String: String] {
        let json = try #require(response?.jsonBody)
        return try KVTable(json: json).table.reduce(into: [:]) { $0[$1.key] = $1.value }
    }

    @Test func everyKeyOfTheCaptured498TableIsThereInItsFormat() throws {
        var broker = StateTest.broker()
        let captured = try Self.table(try Fixture("0028_GET_BROKER_RUNTIME_INFO__SUCCESS").response)
        let info = try Self.table(StateTest.call(&broker, .getBrokerRuntimeInfo, now: StateTest.start + 149_000).response)
        func general(_ key: String) -> String { key.hasPrefix("commitLogDiskRatio_") ? "commitLogDiskRatio_<path>" : key }
        #expect(Set(info.keys.map(general)) == Set(captured.keys.map(general)))
        for (key, value) in captured where !key.hasPrefix("commitLogDiskRatio_") {
            #expect(Self.shape(info[key] ?? "<missing>") == Self.shape(value), "\(key): \(info[key] ?? "") vs \(value)")
        }
        #expect(info["runtime"] == "[ 0 days, 0 hours, 2 minutes, 29 seconds ]")
        #expect(info["putTps"] == "0.0 0.0 ")
        #expect(info["getTotalTps"] == "0.0 0.0 0.0")
    }

    /// A value with every digit run replaced by `9` and byte units by `XiB`: `"0.0 0.449 "` → `"9.9 9.9 "`.
    private static func shape(_ value: String) -> String {
        value.replacingOccurrences(of: "[0-9]+", with: "9", options: .regularExpression)
            .replacingOccurrences(of: "[KMGTPE]iB", with: "XiB", options: .regularExpression)
    }

    @Test func countsAndRatesComeFromTheSandboxsOwnTraffic() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T", queues: 1)
        for second in 0..<15 {
            for _ in 0..<5 { StateTest.send(&broker, "T", now: StateTest.start + Int64(second) * 1000) }
        }
        let found = try #require(StateTest.pull(&broker, "T", offset: 0, now: StateTest.start + 14_500))
        #expect(found.responseCode == .success)
        let info = try Self.table(StateTest.call(&broker, .getBrokerRuntimeInfo, now: StateTest.start + 15_000).response)
        #expect(info["putTps"] == "5.0  ")
        #expect(info["msgPutTotalTodayNow"] == "75")
        #expect(info["msgGetTotalTodayNow"] == "32")
        #expect(info["putMessageTimesTotal"] == "75")
        #expect(info["commitLogMaxOffset"] == String(broker.store.commitLogMaxOffset))
        #expect(info["earliestMessageTimeStamp"] == String(StateTest.start))
        #expect(info["putMessageDistributeTime"]?.hasPrefix("[<=0ms]:75 [0~10ms]:0 ") == true)
        #expect(info["getFoundTps"] == "0.1  ")
    }

    @Test func consumeTpsAndTopicStatsCarryRealRates() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T", queues: 1)
        for step in 0..<7 {
            let now = StateTest.start + Int64(step) * 10_000
            for _ in 0..<10 { StateTest.send(&broker, "T", now: now) }
            #expect(StateTest.pull(&broker, "T", offset: Int64(step) * 10, now: now)?.responseCode == .success)
        }
        let end = StateTest.start + 60_000
        let stats = StateTest.call(&broker, .getConsumeStats, ["consumerGroup": "G", "topic": "T"], now: end).response
        #expect(try stats?.jsonBody?["consumeTps"]?.double() == 1.0)

        let view = StateTest.call(&broker, .viewBrokerStatsData, ["statsName": "TOPIC_PUT_NUMS", "statsKey": "T"], now: end)
        let minute = try #require(view.response?.jsonBody?["statsMinute"])
        #expect(try minute["sum"]?.int64() == 60)
        #expect(try minute["tps"]?.double() == 1.0)
        #expect(try minute["avgpt"]?.double() == 1.0)
        let missing = StateTest.call(&broker, .viewBrokerStatsData, ["statsName": "TOPIC_PUT_NUMS", "statsKey": "X"], now: end)
        #expect(missing.response?.responseCode == .systemError)
        #expect(missing.response?.remark == "The stats <TOPIC_PUT_NUMS> <X> not exist")
    }
}
