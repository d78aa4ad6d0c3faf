import NIOCore
import Testing

@testable import RocketMQRemoting

@Suite("Typed custom headers read the captured requests and write the same fields")
struct CommandCustomHeaderTests {
    private static func requests(code: Int) throws -> [RemotingExtFields] {
        try FixtureFrame.all.filter { $0.side == "request" && $0.code == code }.map { fixture in
            try #require(try RemotingCommand.decodeFrame(fixture.frameBuffer).extFields)
        }
    }

    /// The captured ext maps may carry fields these headers do not model (`bname`, `brokerName` of
    /// TopicQueueRequestHeader in 4.9.8); every modelled field must come back identical.
    private static func check<Header: CommandCustomHeader>(_: Header.Type, code: Int, minimum: Int) throws {
        let captured = try Self.requests(code: code)
        #expect(captured.count >= minimum)
        for ext in captured {
            let header = try Header(ext: ext)
            for entry in header.ext { #expect(ext[entry.key] == entry.value, "\(Header.self).\(entry.key)") }
            #expect(try Header(ext: header.ext).ext == header.ext)
        }
    }

    @Test("GET_ROUTEINFO_BY_TOPIC") func routeInfo() throws {
        try Self.check(GetRouteInfoRequestHeader.self, code: 105, minimum: 20)
        let header = GetRouteInfoRequestHeader(topic: "T", acceptStandardJsonOnly: true)
        #expect(Array(header.ext.entries) == [.init(key: "topic", value: "T"), .init(key: "acceptStandardJsonOnly", value: "true")])
    }

    @Test("UPDATE_AND_CREATE_TOPIC") func createTopic() throws {
        try Self.check(CreateTopicRequestHeader.self, code: 17, minimum: 3)
        let header = CreateTopicRequestHeader(topic: "MigTopicA", readQueueNums: 4, writeQueueNums: 4)
        #expect(header.ext == (try Self.requests(code: 17)).first { $0["topic"] == "MigTopicA" })
    }

    @Test("QUERY_CONSUMER_OFFSET and UPDATE_CONSUMER_OFFSET") func offsets() throws {
        try Self.check(QueryConsumerOffsetRequestHeader.self, code: 14, minimum: 4)
        try Self.check(UpdateConsumerOffsetRequestHeader.self, code: 15, minimum: 4)
    }

    @Test("CONSUMER_SEND_MSG_BACK, and its required numbers") func sendBack() throws {
        try Self.check(ConsumerSendMsgBackRequestHeader.self, code: 36, minimum: 3)
        #expect { try ConsumerSendMsgBackRequestHeader(ext: ["offset": "1", "group": "g"]) } throws: {
            ($0 as? RemotingError)?.code == .missingField && ($0 as? RemotingError)?.reason.contains("delayLevel") == true
        }
        #expect { try ConsumerSendMsgBackRequestHeader(ext: ["offset": "1", "group": "g", "delayLevel": "99999999999"]) } throws: {
            ($0 as? RemotingError)?.code == .invalidFieldValue
        }
    }

    @Test("END_TRANSACTION, its required fields and its three decisions") func endTransaction() throws {
        try Self.check(EndTransactionRequestHeader.self, code: 37, minimum: 3)
        let captured = try #require(try Self.requests(code: 37).first)
        for field in ["producerGroup", "tranStateTableOffset", "commitLogOffset", "commitOrRollback", "msgId"] {
            var missing = captured
            missing[field] = nil
            #expect { try EndTransactionRequestHeader(ext: missing) } throws: {
                ($0 as? RemotingError)?.code == .missingField && ($0 as? RemotingError)?.reason.contains(field) == true
            }
        }
        for decision in ["4", "x", "99999999999"] {
            var wrong = captured
            wrong["commitOrRollback"] = decision
            #expect { try EndTransactionRequestHeader(ext: wrong) } throws: { ($0 as? RemotingError)?.code == .invalidFieldValue }
        }
    }

    @Test("GET_MAX_OFFSET, GET_MIN_OFFSET and SEARCH_OFFSET_BY_TIMESTAMP") func queueOffsets() throws {
        // No captured frame carries these codes; the Java field names are the reference.
        let header = QueueOffsetRequestHeader(topic: "T", queueId: 3, timestamp: 7, brokerName: "broker-a")
        #expect(Array(header.ext.entries.map(\.key)) == ["topic", "queueId", "timestamp", "bname"])
        #expect(try QueueOffsetRequestHeader(searchExt: header.ext) == header)
        #expect { try QueueOffsetRequestHeader(ext: ["topic": "T"]) } throws: { ($0 as? RemotingError)?.code == .missingField }
        #expect { try QueueOffsetRequestHeader(ext: ["topic": "T", "queueId": "q"]) } throws: {
            ($0 as? RemotingError)?.code == .invalidFieldValue
        }
        #expect { try QueueOffsetRequestHeader(searchExt: ["topic": "T", "queueId": "0"]) } throws: {
            ($0 as? RemotingError)?.reason.contains("timestamp") == true
        }
        #expect(try QueueOffsetRequestHeader(searchExt: ["topic": "T", "queueId": "0", "timestamp": "5"]).timestamp == 5)
    }

    @Test("SEND_MESSAGE_V2 with its one-letter fields") func sendV2() throws {
        let captured = try Self.requests(code: 310)
        try #require(captured.count >= 3)
        for ext in captured {
            let header = try SendMessageRequestHeader(extFields: ext, v2: true)
            // A 4.9.8 producer sends every field but `l` (maxReconsumeTimes), so the letters come back whole.
            #expect(header.extFields(v2: true) == ext)
            #expect(try SendMessageRequestHeader(extFields: header.extFields(v2: false), v2: false) == header)
        }
        let header = try SendMessageRequestHeader(extFields: captured[0], v2: true)
        #expect(header.topic.hasPrefix("Mig") || header.topic.hasPrefix("Old") || header.topic.hasPrefix("RMQ"))
    }

    @Test("missing and unparsable fields are typed errors") func errors() {
        #expect { try GetRouteInfoRequestHeader(ext: [:]) } throws: { ($0 as? RemotingError)?.code == .missingField }
        #expect {
            try UpdateConsumerOffsetRequestHeader(ext: ["consumerGroup": "g", "topic": "t", "queueId": "x", "commitOffset": "1"])
        } throws: { ($0 as? RemotingError)?.code == .invalidFieldValue }
        #expect { try SendMessageRequestHeader(extFields: ["a": "g"], v2: true) } throws: {
            ($0 as? RemotingError)?.code == .missingField
        }
        #expect {
            try SendMessageRequestHeader(
                extFields: ["a": "g", "b": "t", "c": "TBW102", "d": "4", "e": "x", "f": "0", "g": "1", "h": "0"], v2: true)
        } throws: { ($0 as? RemotingError)?.code == .invalidFieldValue }
    }
}
