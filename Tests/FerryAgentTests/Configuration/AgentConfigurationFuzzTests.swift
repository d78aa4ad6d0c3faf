import FerryAgent
import Foundation
import Testing

/// Mutated config files never crash the reader: each is either a valid configuration (which validates again
/// unchanged) or an ``AgentConfigurationError``.
@Suite struct AgentConfigurationFuzzTests {
    /// A deterministic generator (SplitMix64), so a failure replays.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            self.state &+= 0x9E37_79B9_7F4A_7C15
            var z = self.state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        ":", "- ", "[", "]", "{", "}", "\"", "'", "\n", "  ", "#", "&a", "*a", "!!int ", "~", "0", "-1", "99999",
        "1e400", "\u{0}", "é", "agentId: x\n", "9876", "::", "%", "|", ">", "? ", "<<: *a\n",
    ]

    @Test func tenThousandMutatedFilesNeverCrashTheReader() throws {
        var random = SplitMix(state: 20_261_126)
        var accepted = 0
        for _ in 0..<10_000 {
            var bytes = Array(AgentConfigurationTests.minimal.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where position < bytes.count:
                    bytes.remove(at: position)
                case 1:
                    bytes.insert(contentsOf: Array(Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)].utf8), at: position)
                default:
                    if position < bytes.count { bytes[position] = UInt8.random(in: 0...127, using: &random) }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let configuration: AgentConfiguration
            do throws(AgentConfigurationError) {
                configuration = try AgentConfiguration.parse(text)
            } catch {
                #expect(!error.field.isEmpty && !error.reason.isEmpty)
                continue
            }
            #expect(try configuration.validated() == configuration)
            #expect(!configuration.agentId.isEmpty && !configuration.source.nameServers.isEmpty)
            accepted += 1
        }
        // Some mutations keep the file valid (a changed letter in a value); most do not.
        #expect(accepted > 0 && accepted < 10_000)
    }

    @Test func anOversizedFileIsRefusedBeforeParsing() {
        let text = AgentConfigurationTests.minimal + "\n#" + String(repeating: "x", count: AgentConfiguration.maximumFileBytes)
        #expect(throws: AgentConfigurationError.self) { try AgentConfiguration.parse(text) }
    }
}
