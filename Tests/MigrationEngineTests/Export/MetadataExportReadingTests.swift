import Foundation
import MigrationEngine
import Testing

@Suite struct MetadataExportReadingTests {
    @Test func realMqadminClusterExportReads() throws {
        let export = try MetadataExport.read(ExportFixtures.data("export-metadata.json"), source: "export-metadata.json")
        #expect(export.origin == .mqadminCluster)
        #expect(export.queueCountScope == .clusterTotal)
        #expect(export.exportTime == 1_795_286_636_894)
        #expect(export.topics.keys.sorted() == ["MigTopicA", "MigTopicB"])
        #expect(export.topics["MigTopicB"]?.order == true)
        #expect(export.topics["MigTopicA"]?.readQueueNums == 4)
        #expect(export.groups["MigGroupB"]?.brokerId == 1)
        #expect(export.groups["MigGroupA"]?.retryMaxTimes == 5)
    }

    @Test func specialExportDropsRetryTopics() throws {
        let data = try ExportFixtures.data("export-metadata-special.json")
        let export = try MetadataExport.read(data, source: "special")
        #expect(String(decoding: data, as: UTF8.self).contains("%RETRY%MigGroupA"))
        #expect(export.topics.keys.sorted() == ["MigTopicA", "MigTopicB"])
    }

    @Test func brokerModeWrappersRead() throws {
        let topics = try MetadataExport.read(ExportFixtures.data("export-broker-topic.json"), source: "topic.json")
        #expect(topics.origin == .brokerTopics)
        #expect(topics.queueCountScope == .perBroker)
        #expect(topics.topics.count == 2)
        #expect(topics.groups.isEmpty)
        let groups = try MetadataExport.read(
            ExportFixtures.data("export-broker-subscriptionGroup.json"), source: "subscriptionGroup.json")
        #expect(groups.origin == .brokerGroups)
        #expect(groups.groups.keys.sorted() == ["MigGroupA", "MigGroupB"])
    }

    @Test func exportScriptWrapperReads() throws {
        let inner = String(decoding: try ExportFixtures.data("export-metadata.json"), as: UTF8.self)
        let wrapper = "{\"configs\":{\"brokerConfigs\":{}},\"metadata\":\(inner),\"metrics\":{}}"
        let export = try MetadataExport.read(Data(wrapper.utf8), source: "rocketmq-metadata-export.json")
        #expect(export.origin == .exportScript)
        #expect(export.topics.count == 2)
        #expect(export.groups.count == 2)
    }

    @Test func truncatedFileSaysSoWithTheOffset() throws {
        let data = try ExportFixtures.data("export-metadata.json").prefix(400)
        let error = try #require(throws: MetadataFormatError.self) { try MetadataExport.read(Data(data), source: "cut.json") }
        #expect(error.code == .truncated)
        #expect(error.offset == 400)
        #expect(error.description.contains("cut.json"))
        #expect(error.description.contains("truncated"))
    }

    @Test func invalidJSONNamesTheByteOffset() throws {
        let text = "{\"topicConfigTable\":{} \"x\":1}"
        let error = try #require(throws: MetadataFormatError.self) { try MetadataExport.read(Data(text.utf8), source: "bad") }
        #expect(error.code == .invalidJSON)
        #expect(error.offset == 23)
    }

    @Test func wrongValueNamesTheKeyPath() throws {
        let text = #"{"exportTime":1,"topicConfigTable":{"T":{"topicName":"T","readQueueNums":"four","#
            + #""writeQueueNums":4,"perm":6,"topicFilterType":"SINGLE_TAG","topicSysFlag":0,"order":false}}}"#
        let error = try #require(throws: MetadataFormatError.self) { try MetadataExport.read(Data(text.utf8), source: "bad") }
        #expect(error.code == .invalidValue)
        #expect(error.keyPath == "topicConfigTable.T.readQueueNums")
    }

    @Test func otherJSONIsUnrecognized() throws {
        let error = try #require(throws: MetadataFormatError.self) {
            try MetadataExport.read(Data(#"{"brokerAddrTable":{}}"#.utf8), source: "cluster.json")
        }
        #expect(error.code == .unrecognizedFormat)
        let empty = try #require(throws: MetadataFormatError.self) { try MetadataExport.read(Data(), source: "e") }
        #expect(empty.code == .truncated)
    }
}
