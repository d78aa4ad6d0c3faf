import Foundation
import Testing

@testable import ControlProtocol

/// ``ControlJSON`` writes one line with sorted keys and ISO 8601 dates, and reads both date forms back.
@Suite struct ControlJSONTests {
    @Test func writesOneLineWithSortedKeys() throws {
        let event = AgentEvent(
            agentId: "hz-1", kind: .stageChanged, task: "t", topic: "a/b", message: "line one\nline two",
            at: Date(timeIntervalSince1970: 1_795_000_000))
        let text = try ControlJSON.encode(event)
        #expect(!text.contains("\n"))
        #expect(
            text
                == #"{"agentId":"hz-1","at":"2026-11-18T11:06:40Z","kind":"stageChanged","message":"line one\nline two","task":"t","topic":"a/b"}"#
        )
        #expect(try ControlJSON.decode(AgentEvent.self, from: text) == event)
    }

    @Test func keepsMillisecondsWhenADateHasThem() throws {
        let date = Date(timeIntervalSince1970: 1_795_000_000.25)
        let text = ControlJSON.format(date)
        #expect(text == "2026-11-18T11:06:40.250Z")
        #expect(ControlJSON.parse(text) == date)
        #expect(ControlJSON.parse("2026-11-18T11:06:40Z") == Date(timeIntervalSince1970: 1_795_000_000))
        #expect(ControlJSON.parse("yesterday") == nil)
    }
}
