import NIOCore
import RocketMQRemoting
import Testing

/// GroupList, the body of QUERY_TOPIC_CONSUME_BY_WHO (300), against the captured 4.9.8 answers.
@Suite struct GroupListTests {
    @Test func capturedAnswersDecodeAndReencodeByteForByte() throws {
        for file in ["0300_QUERY_TOPIC_CONSUME_BY_WHO__SUCCESS.json", "0300_QUERY_TOPIC_CONSUME_BY_WHO__SUCCESS_2.json"] {
            let fixture = FixtureFrame.named(file)
            #expect(try GroupList(parsing: fixture.bodyBuffer).groupList.isEmpty)
            #expect(try reencode(GroupList.self, fixture) == fixture.body)
            #expect(fixture.request.extFields?.keys.sorted() == ["topic"])
        }
    }

    @Test func groupsRoundTrip() throws {
        let list = try GroupList(parsing: ByteBuffer(string: #"{"groupList":["billing","audit"]}"#))
        #expect(list.groupList == ["billing", "audit"])
        #expect(list.text() == #"{"groupList":["billing","audit"]}"#)
        #expect(try GroupList(parsing: ByteBuffer(string: "{}")).groupList.isEmpty)
        #expect(throws: RemotingError.self) { try GroupList(parsing: ByteBuffer(string: #"{"groupList":3}"#)) }
    }
}
