import Foundation
import MigrationEngine
import RocketMQRemoting
import Testing

@testable import MetadataMigration

/// Issue 14: a property test per file reader. Mutated export files, plan files and `plain_acl.yml`s either
/// read into values every later step can use, or fail with an error — never a trap, never a secret in the
/// error. `FERRY_FUZZ_ITERATIONS=100000 swift test --filter FileReaderFuzzTests` runs a long session by hand.
@Suite struct FileReaderFuzzTests {
    static let secrets = ["ferrySecret123", "ferryUserSecret456", "fuzz-account-secret"]

    static func seedExport() -> MetadataExport {
        let a = BrokerReference(brokerName: "broker-a", addr: "127.0.0.1:10911")
        let b = BrokerReference(brokerName: "broker-b", addr: "127.0.0.1:10921")
        var group = MetadataGroup(groupName: "GID_orders", retryQueueNums: 2)
        group.consumeTimeoutMinute = 15
        let snapshots = [
            BrokerMetadata(
                broker: a, topics: [MetadataTopic(topicName: "orders", readQueueNums: 8, writeQueueNums: 8, order: true)],
                groups: [group], offsets: ["orders@GID_orders": [0: 10, 7: 99]]),
            BrokerMetadata(
                broker: b, topics: [MetadataTopic(topicName: "orders", readQueueNums: 4, writeQueueNums: 4)],
                groups: [group], offsets: ["orders@GID_orders": [1: 5]]),
        ]
        let account = AclAccount(
            accessKey: "fuzzAccount", secretKey: "fuzz-account-secret", topicPerms: ["orders=PUB|SUB"])
        return MetadataExport.build(cluster: "Src", exportTime: 1, brokers: snapshots, aclAccounts: [account])
    }

    static let target = TargetMetadata(
        cluster: "Dst",
        brokers: [BrokerReference(brokerName: "t-a", addr: "127.0.0.1:1"), BrokerReference(brokerName: "t-b", addr: "127.0.0.1:2")],
        aclEnabled: true)

    @Test func exportFiles() async throws {
        let seed = Array(Self.seedExport().encoded())
        var fuzzer = FileFuzzer()
        let iterations = FileFuzzer.iterations(ciDefault: 300)
        var read = 0
        for _ in 0..<iterations {
            let input = fuzzer.mutate(seed)
            guard let export = try? MetadataExport.read(Data(input), source: "fuzz.json") else { continue }
            read += 1
            for topic in export.topics.values {
                #expect(Int32(exactly: topic.readQueueNums) != nil && topic.readQueueNums >= 0)
                #expect(Int32(exactly: topic.writeQueueNums) != nil && topic.writeQueueNums >= 0)
            }
            let brokers = export.ferry?.brokers.map(\.brokerName) ?? []
            #expect(Set(brokers).count == brokers.count)
            // Planning what was read never traps, whatever the numbers.
            _ = await MetadataPlanner().plan(sources: [.init(label: "fuzz", export: export)], target: Self.target)
        }
        print("FileReaderFuzzTests.exportFiles: ran \(iterations) inputs, \(read) read, \(iterations - read) refused")
    }

    @Test func planFiles() async throws {
        let plan = await MetadataPlanner().plan(sources: [.init(label: "Src", export: Self.seedExport())], target: Self.target)
        let seed = Array(plan.encoded())
        var fuzzer = FileFuzzer()
        let iterations = FileFuzzer.iterations(ciDefault: 300)
        var read = 0
        for _ in 0..<iterations {
            let input = fuzzer.mutate(seed)
            guard let plan = try? MetadataPlan.read(Data(input), source: "fuzz-plan.json") else { continue }
            read += 1
            // Every item import runs has its body, and the body converts to the wire without error.
            for item in plan.items where item.action.writes || item.action == .unchanged {
                switch item.kind {
                case .topic: #expect(throws: Never.self) { _ = try TopicConfig(#require(item.topic)) }
                case .group: #expect(throws: Never.self) { _ = try SubscriptionGroupConfig(#require(item.group)) }
                case .aclAccount: #expect(item.account != nil)
                case .consumerOffsets: #expect(item.offsets != nil)
                }
            }
            #expect(try MetadataPlan.read(plan.encoded(), source: "again") == plan)
        }
        print("FileReaderFuzzTests.planFiles: ran \(iterations) inputs, \(read) read, \(iterations - read) refused")
    }

    @Test func plainAclFiles() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/plain_acl.yml", withExtension: nil))
        let seed = Array(try Data(contentsOf: url))
        var fuzzer = FileFuzzer()
        let iterations = FileFuzzer.iterations(ciDefault: 300)
        var read = 0
        for _ in 0..<iterations {
            let input = String(decoding: fuzzer.mutate(seed), as: UTF8.self)
            do {
                _ = try PlainAclFile.parse(input, source: "plain_acl.yml")
                read += 1
            } catch {
                let text = "\(error)"
                for secret in Self.secrets { #expect(!text.contains(secret), "the error quotes a secret: \(text)") }
            }
        }
        print("FileReaderFuzzTests.plainAclFiles: ran \(iterations) inputs, \(read) read, \(iterations - read) refused")
    }
}
