import MigrationEngine
import RocketMQRemoting
import Testing

@testable import MetadataMigration

/// Issue 14 item 8: `MetadataTypes+RocketMQ` trapped converting counts outside a Java int.
@Suite struct WireConversionTests {
    @Test func countsOutsideAJavaIntAreErrorsNamingTheField() {
        let topic = MetadataTopic(topicName: "huge", readQueueNums: 1 << 40, writeQueueNums: 4)
        let error = #expect(throws: MetadataMigrationError.self) { try TopicConfig(topic) }
        #expect(error?.code == .valueOutOfRange)
        #expect(error?.reason.contains("topic huge readQueueNums") == true)
        var group = MetadataGroup(groupName: "G")
        group.retryMaxTimes = Int(Int32.min) - 1
        #expect(throws: MetadataMigrationError.self) { try SubscriptionGroupConfig(group) }
    }

    @Test func countsInsideConvert() throws {
        let config = try TopicConfig(MetadataTopic(topicName: "T", readQueueNums: 8, writeQueueNums: 4, perm: 6))
        #expect(config.readQueueNums == 8 && config.writeQueueNums == 4)
    }

    /// Issue 12 item 5: empty perm lists are not sent (a 4.9.8 broker refuses an empty resource).
    @Test func emptyPermListsAreLeftOut() {
        let config = PlainAccessConfig(AclAccount(accessKey: "adminAccount", secretKey: "admin-secret", admin: true))
        #expect(config.topicPerms == nil && config.groupPerms == nil)
    }
}
