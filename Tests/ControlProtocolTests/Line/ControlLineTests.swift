import Foundation
import Testing

@testable import ControlProtocol

/// ``ControlLine`` parses and writes the grammar of `docs/protocol.md`.
@Suite struct ControlLineTests {
    @Test func parsesAVerbAnIdAndAPayload() throws {
        let line = try ControlLine(parsing: #"REQ r1 {"action":"agents"}"#)
        #expect(line == ControlLine(.req, id: "r1", payload: #"{"action":"agents"}"#))
        #expect(try line.decode(OperatorRequest.self) == OperatorRequest(action: .agents))
    }

    @Test func parsesALineWithoutPayloadAndDropsATrailingCR() throws {
        #expect(try ControlLine(parsing: "PING p3\r") == ControlLine(.ping, id: "p3"))
        #expect(try ControlLine(parsing: "ERR -") == ControlLine(.err, id: "-"))
        #expect(try ControlLine(parsing: "CMD c-20261126-0001:a_b.c {}").id == "c-20261126-0001:a_b.c")
    }

    @Test func serialisesWhatItParses() throws {
        let line = try ControlLine(.err, id: "r9", ControlErrorBody(.notFound, "no agent hz-9"))
        #expect(line.serialised == #"ERR r9 {"code":404,"message":"no agent hz-9"}"#)
        #expect(try ControlLine(parsing: line.serialised) == line)
    }

    @Test(arguments: [
        ("", "unknown verb"),
        ("ping p1", "unknown verb"),
        ("NOPE x", "unknown verb"),
        ("PING", "needs an id"),
        ("PING ", "bad id"),
        ("PING a b", "not one JSON object"),
        ("PING a/b", "bad id"),
        ("PING " + String(repeating: "i", count: 65), "bad id"),
        ("REQ r1 ", "not one JSON object"),
        ("REQ r1 [1,2]", "not one JSON object"),
        (#"REQ r1 "text""#, "not one JSON object"),
        (#"REQ r1 {"a":1} {"b":2}"#, "not one JSON object"),
        (#"REQ r1 {"a":1"#, "not one JSON object"),
        ("REQ  r1", "bad id"),
    ])
    func refusesMalformedLines(text: String, reason: String) {
        let error = #expect(throws: ControlErrorBody.self) { try ControlLine(parsing: text) }
        #expect(error?.code == ControlErrorCode.malformed.rawValue)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test func acceptsAnIdOfSixtyFourCharacters() throws {
        let id = String(repeating: "i", count: 64)
        #expect(try ControlLine(parsing: "PING \(id)").id == id)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        let bytes: [UInt8] = Array("REQ r1 {\"a\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)
        let error = #expect(throws: ControlErrorBody.self) { try ControlLine(parsing: bytes) }
        #expect(error?.message == "the line is not UTF-8")
    }

    @Test func refusesADeeplyNestedPayloadWithoutCrashing() {
        let nested = #"{"a":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: ControlErrorBody.self) { try ControlLine(parsing: "REQ r1 \(nested)") }
    }

    @Test func anUnprintableVerbIsQuotedSafelyInTheError() {
        let error = #expect(throws: ControlErrorBody.self) { try ControlLine(parsing: "\u{1B}[31mBAD x") }
        #expect(error?.message.contains("\u{1B}") == false)
    }

    @Test func decodeNamesTheMissingFieldAs400() {
        let line = ControlLine(.req, id: "r1", payload: #"{"selector":{}}"#)
        let error = #expect(throws: ControlErrorBody.self) { try line.decode(OperatorRequest.self) }
        #expect(error == ControlErrorBody(.malformed, "bad REQ payload: action is missing"))
        let empty = #expect(throws: ControlErrorBody.self) {
            try ControlLine(.req, id: "r2").decode(OperatorRequest.self)
        }
        #expect(empty?.message == "REQ r2 has no payload")
    }
}
