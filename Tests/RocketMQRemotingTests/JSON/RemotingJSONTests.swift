import NIOCore
import Testing

@testable import RocketMQRemoting

@Suite("RemotingJSON: fastjson-tolerant parser and two-dialect writer")
struct RemotingJSONTests {
    private static func fixture(_ file: String, _ side: String = "response") -> FixtureFrame {
        FixtureFrame.all.first { $0.file == file && $0.side == side }!
    }

    @Test("the fixtures hold JSON bodies in both dialects")
    func bodyCount() {
        #expect(FixtureFrame.jsonBodies.count == 92)
        #expect(FixtureFrame.jsonBodies.contains { $0.bodyText!.contains("{0:") })
        #expect(FixtureFrame.jsonBodies.contains { $0.bodyText!.contains("{{") })
    }

    /// Every body any 4.4.0 or 4.9.8 process sent is fastjson output (the broker's and the 4.4 NameServer's
    /// with unquoted integer keys and object keys), so writing back in `.fastjson` with the parsed order must
    /// give the same bytes.
    @Test("every JSON body parses and writes back byte for byte", arguments: FixtureFrame.jsonBodies)
    func bodyRoundTrip(_ fixture: FixtureFrame) throws {
        let json = try RemotingJSON(parsing: fixture.body)
        #expect(json.bytes(dialect: .fastjson) == fixture.body)
    }

    @Test("the 4.9.8 NameServer's two route dialects: legacy parsed and written standard is the standard body")
    func routeDialects() throws {
        let legacy = Self.fixture("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version0_legacy_json.json")
        let standard = Self.fixture("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version401_standard_json.json")
        let parsed = try RemotingJSON(parsing: legacy.body)
        #expect(parsed.bytes(dialect: .fastjson) == legacy.body)
        #expect(parsed.bytes(dialect: .standard) == standard.body)
        #expect(try RemotingJSON(parsing: standard.body).bytes(dialect: .standard) == standard.body)
        // Both spellings of the broker id read the same way.
        let legacyAddrs = try #require(parsed["brokerDatas"]?[0]?["brokerAddrs"])
        let standardAddrs = try #require(try RemotingJSON(parsing: standard.body)["brokerDatas"]?[0]?["brokerAddrs"])
        #expect(try legacyAddrs.object().keys == [.integer(0)])
        #expect(try standardAddrs.object().keys == [.string("0")])
        #expect(legacyAddrs["0"] == "127.0.0.1:10911" && standardAddrs["0"] == "127.0.0.1:10911")
        #expect(try legacyAddrs.object()[0].key.keyText == standardAddrs.object()[0].key.keyText)
    }

    @Test("4.4.0 route body: unquoted keys and topicSynFlag survive a round trip")
    func oldRoute() throws {
        let old = Self.fixture("v4.4.0/0105_GET_ROUTEINFO_BY_TOPIC__OldTopicA__SUCCESS.json")
        let json = try RemotingJSON(parsing: old.body)
        #expect(try json.require("queueDatas").array()[0].require("topicSynFlag").int() == 0)
        #expect(json.bytes(dialect: .fastjson) == old.body)
    }

    @Test("ConsumeStats: MessageQueue objects as keys, a double TPS")
    func consumeStatsObjectKeys() throws {
        let stats = Self.fixture("0208_GET_CONSUME_STATS__SUCCESS.json")
        let json = try RemotingJSON(parsing: stats.body)
        #expect(try json.require("consumeTps").double() == 50.00250012500625)
        let first = try json.require("offsetTable").object()[0]
        #expect(first.key == ["brokerName": "broker-a", "queueId": 3, "topic": "MigTopicA"])
        #expect(try first.value.require("brokerOffset").int64() == 250)
        #expect(first.key.keyText == #"{"brokerName":"broker-a","queueId":3,"topic":"MigTopicA"}"#)
        let offsetTable = try json.require("offsetTable").object()
        #expect(offsetTable[key: first.key] == first.value)
        // Standard dialect turns the object key into a string holding its text.
        let standard = try RemotingJSON(parsing: json.bytes(dialect: .standard))
        #expect(try standard.require("offsetTable").object()[0].key == .string(first.key.keyText))
    }

    @Test("building an object with integer and object keys writes each dialect as RocketMQ does")
    func buildAndWrite() {
        let queue: RemotingJSON = ["brokerName": "b", "queueId": 0, "topic": "t"]
        let table: RemotingJSON = ["brokerAddrs": [0: "10.0.0.1:10911", 1: "10.0.0.2:10911"], "offsetTable": [queue: ["maxOffset": 5]]]
        #expect(table.text(dialect: .fastjson) == #"{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"offsetTable":{{"brokerName":"b","queueId":0,"topic":"t"}:{"maxOffset":5}}}"#)
        #expect(table.text(dialect: .standard) == #"{"brokerAddrs":{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"},"offsetTable":{"{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}":{"maxOffset":5}}}"#)
        let unsorted: RemotingJSON = ["writeQueueNums": 4, "brokerName": "b", "perm": 6]
        #expect(unsorted.text(dialect: .fastjson, sortKeys: true) == #"{"brokerName":"b","perm":6,"writeQueueNums":4}"#)
    }

    @Test("strings: escapes, \\u surrogate pairs, lone surrogates, raw UTF-8")
    func strings() throws {
        #expect(try RemotingJSON(parsing: #""a\"b\\c\/d\n\t\u00e9\u4e2d\ud83d\ude00""#) == "a\"b\\c/d\n\té中😀")
        #expect(try RemotingJSON(parsing: #""\ud800x""#) == "\u{FFFD}x")
        #expect(try RemotingJSON(parsing: #""\ud800\u0041""#) == "\u{FFFD}A")
        #expect(try RemotingJSON(parsing: Array("\"é中😀\"".utf8)) == "é中😀")
        let tricky: RemotingJSON = "q\"/\u{01}\u{7F}é\u{2028}😀"
        #expect(tricky.text(dialect: .fastjson) == #""q\"/\u0001\u007Fé\u2028😀""#)
        #expect(tricky.text(dialect: .standard) == #""q\"\/\u0001\u007F\u00E9\u2028\uD83D\uDE00""#)
        for dialect in RemotingJSONDialect.allCases {
            #expect(try RemotingJSON(parsing: tricky.bytes(dialect: dialect)) == tricky)
        }
    }

    @Test("numbers: integer versus double, Int64 edges, Java's Double.toString spelling")
    func numbers() throws {
        #expect(try RemotingJSON(parsing: "-9223372036854775808") == .integer(.min))
        #expect(try RemotingJSON(parsing: "9223372036854775807") == .integer(.max))
        #expect(try RemotingJSON(parsing: "9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try RemotingJSON(parsing: "0.0") == .double(0) && RemotingJSON.double(0).text(dialect: .fastjson) == "0.0")
        let spellings: [(Double, String)] = [
            (1e7, "1.0E7"), (1e-5, "1.0E-5"), (0.001, "0.001"), (123.456, "123.456"), (-2.5e-10, "-2.5E-10"),
            (1234567.0, "1234567.0"), (1.7976931348623157e308, "1.7976931348623157E308"), (12345678.9, "1.23456789E7"),
            (.nan, "null"),
        ]
        for (value, text) in spellings {
            #expect(RemotingJSON.double(value).text(dialect: .fastjson) == text)
            if value.isFinite { #expect(try RemotingJSON(parsing: text) == .double(value)) }
        }
    }

    @Test("fastjson leniency: bare identifier keys, literal keys, whitespace")
    func leniency() throws {
        let json = try RemotingJSON(parsing: " {topic : \"t\" , true:1,\n-1:[ ], 2.5:{}} ")
        #expect(try json.object().keys == ["topic", true, -1, 2.5])
    }

    @Test("malformed input: a typed error with offset and reason", arguments: [
        ("", 0), ("{", 1), ("{\"a\" 1}", 5), ("[1,]", 3), ("\"abc", 0), ("tru", 0), ("1.", 2), ("-", 1),
        ("{}x", 2), ("\"\\x\"", 2), ("\"\\u12G4\"", 5), ("[1 2]", 3), ("{\"a\":}", 5),
    ])
    func malformed(_ input: String, _ offset: Int) {
        #expect {
            try RemotingJSON(parsing: input)
        } throws: { error in
            let error = error as? RemotingError
            return error?.code == .malformedJSON && error?.offset == offset && !(error?.reason.isEmpty ?? true)
        }
    }

    @Test("nesting is limited, not a stack overflow")
    func depth() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: RemotingError.self) { try RemotingJSON(parsing: deep) }
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        _ = try RemotingJSON(parsing: ok)
        #expect(throws: RemotingError.self) { try RemotingJSON(parsing: "[" + ok + "]") }
    }

    @Test("random bytes and mutated bodies never crash the parser", arguments: 0..<4)
    func fuzz(seed: UInt64) {
        var random = SeededRandom(seed: 31 + seed)
        let bodies = FixtureFrame.jsonBodies.map(\.body)
        for round in 0..<FuzzBudget.inputs(2_000) {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = bodies.randomElement(using: &random)!
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = Array("{}[]\":,\\0-e. u".utf8).randomElement(using: &random)!
                }
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            } else {
                bytes = random.bytes(Int.random(in: 0...40, using: &random))
            }
            do {
                let json = try RemotingJSON(parsing: bytes)
                #expect(try RemotingJSON(parsing: json.bytes(dialect: .fastjson)) == json || json.hasNonFinite)
            } catch {
                #expect(error.code == .malformedJSON)
            }
        }
    }

    @Test("typed accessors throw clear errors")
    func accessors() throws {
        let json: RemotingJSON = ["perm": 6, "name": "b", "big": 5_000_000_000, "list": [1, 2]]
        #expect(try json.require("perm").int() == 6)
        #expect(try json.require("list").array().count == 2 && json["list"]?[1] == 2 && json["list"]?[2] == nil)
        #expect { try json.require("nope") } throws: { ($0 as? RemotingError)?.code == .missingField }
        #expect { try json.require("name").int() } throws: { error in
            let error = error as? RemotingError
            return error?.code == .jsonTypeMismatch && error?.reason == #"expected integer, found string "b""#
        }
        #expect { try json.require("big").int32() } throws: { ($0 as? RemotingError)?.code == .jsonTypeMismatch }
        #expect(try json.require("perm").double() == 6)
        var object = try json.object()
        object["perm"] = 2
        object["new"] = true
        object["name"] = nil
        #expect(RemotingJSON.object(object).text(dialect: .fastjson) == #"{"perm":2,"big":5000000000,"list":[1,2],"new":true}"#)
    }
}

extension RemotingJSON {
    /// NaN and infinities are written `null` (as fastjson does), so their round trip cannot compare equal.
    fileprivate var hasNonFinite: Bool {
        switch self {
        case .double(let value): !value.isFinite
        case .array(let elements): elements.contains { $0.hasNonFinite }
        case .object(let object): object.members.contains { $0.key.hasNonFinite || $0.value.hasNonFinite }
        default: false
        }
    }
}
