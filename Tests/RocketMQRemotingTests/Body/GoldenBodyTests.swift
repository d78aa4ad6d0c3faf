import NIOCore
import Testing

@testable import RocketMQRemoting

/// Every captured JSON body of a modeled request or response decodes into its Swift type, and re-encodes
/// **byte for byte**: fields in fastjson's alphabetical order, map entries in the order received (Java's
/// hash order, which ``OrderedMap`` keeps), integers and doubles as Java prints them. Routes are re-encoded
/// in the dialect the 4.9.8 NameServer's rule picks for the captured request (4.4.0 always fastjson).
@Suite("Captured bodies: decode and re-encode byte for byte")
struct GoldenBodyTests {
    /// Request code → the body type of its request (`request`) or successful response (`response`).
    static func bodyType(_ fixture: FixtureFrame) -> (any RemotingJSONBody.Type)? {
        switch (fixture.requestCode, fixture.side) {
        case (21, "response"): TopicConfigSerializeWrapper.self
        case (200, "request"): SubscriptionGroupConfig.self
        case (201, "response"): SubscriptionGroupWrapper.self
        case (105, "response"): TopicRouteData.self
        case (106, "response"): ClusterInfo.self
        case (202, "response"): TopicStatsTable.self
        case (208, "response"): ConsumeStats.self
        case (203, "response"): ConsumerConnection.self
        case (204, "response"): ProducerConnection.self
        case (206, "response"), (305, "response"): TopicList.self
        case (28, "response"), (219, "response"), (103, "response"): KVTable.self
        case (103, "request"): RegisterBrokerBody.self
        case (34, "request"): HeartbeatData.self
        case (38, "response"): GetConsumerListByGroupResponseBody.self
        case (43, "response"): ConsumerOffsetTable.self
        default: nil
        }
    }

    static let modeled = FixtureFrame.all.filter { fixture in
        bodyType(fixture) != nil && !fixture.body.isEmpty && (fixture.side == "request" || fixture.code == 0)
    }

    @Test("the modeled bodies are all there")
    func count() {
        #expect(Self.modeled.count == 88)
        #expect(Set(Self.modeled.map(\.requestCode)).count == 17)
    }

    @Test("decodes and re-encodes byte for byte", arguments: modeled)
    func roundTrip(_ fixture: FixtureFrame) throws {
        let type = try #require(Self.bodyType(fixture))
        var dialect = RemotingJSONDialect.fastjson
        if fixture.requestCode == 105, !fixture.isV440 {
            let request = fixture.request
            dialect = TopicRouteData.dialect(
                forRequestVersion: Int32(request.version),
                acceptStandardJsonOnly: request.extFields?["acceptStandardJsonOnly"] == "true"
            )
        }
        let value = try type.init(parsing: fixture.bodyBuffer)
        let encoded = value.json.bytes(dialect: dialect, sortKeys: dialect == .standard)
        #expect(String(decoding: encoded, as: UTF8.self) == fixture.bodyText)
    }
}
