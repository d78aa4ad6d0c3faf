import Testing
import TrafficMigration

@Suite struct TrafficArgumentsTests {
    @Test func nameServerLists() throws {
        #expect(try TrafficArguments.nameServers("a:9876; b:9876;") == ["a:9876", "b:9876"])
        #expect(try TrafficArguments.nameServers("[::1]:9876") == ["[::1]:9876"])
        for bad in ["", ";", "a", "a:0", "a:65536", ":9876", "a:x"] {
            #expect(throws: TrafficMigrationError.self, "\(bad)") { try TrafficArguments.nameServers(bad) }
        }
        let many = (0...TrafficArguments.maximumNameServers).map { "h\($0):9876" }.joined(separator: ";")
        #expect(throws: TrafficMigrationError.self) { try TrafficArguments.nameServers(many) }
    }

    @Test func quietPeriods() throws {
        #expect(try TrafficArguments.quietPeriodSeconds("300") == 300)
        #expect(try TrafficArguments.quietPeriodSeconds("45s") == 45)
        #expect(try TrafficArguments.quietPeriodSeconds("5m") == 300)
        #expect(try TrafficArguments.quietPeriodSeconds("2h") == 7_200)
        #expect(try TrafficArguments.quietPeriodSeconds("0") == 0)
        for bad in ["", "m", "-1", "5d", "169h", "9223372036854775807h", "1.5m"] {
            #expect(throws: TrafficMigrationError.self, "\(bad)") { try TrafficArguments.quietPeriodSeconds(bad) }
        }
    }

    @Test func taskNames() throws {
        #expect(try TrafficArguments.taskName("shop-2026.q4_a") == "shop-2026.q4_a")
        for bad in ["", "a b", "a/b", "é", String(repeating: "x", count: 129)] {
            #expect(throws: TrafficMigrationError.self, "\(bad)") { try TrafficArguments.taskName(bad) }
        }
    }
}
