import Foundation

/// A seeded mutator of valid files for the file readers' property tests: byte flips, JSON/YAML tokens and
/// extreme numbers spliced in, ranges deleted, duplicated or cut off. Runs `FERRY_FUZZ_ITERATIONS` inputs
/// per test (a bounded default in CI; set it higher for a long run by hand) from `FERRY_FUZZ_SEED`.
struct FileFuzzer: RandomNumberGenerator {
    /// The inputs each fuzz test runs: `FERRY_FUZZ_ITERATIONS`, else `ciDefault`.
    static func iterations(ciDefault: Int) -> Int {
        ProcessInfo.processInfo.environment["FERRY_FUZZ_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? ciDefault
    }

    /// The seed: `FERRY_FUZZ_SEED`, else a fixed one so CI runs are reproducible.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["FERRY_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_F11E
    }

    private var state: UInt64

    init(seed: UInt64 = FileFuzzer.seed) {
        self.state = seed
    }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static let tokens: [String] = [
        "\"", "{", "}", "[", "]", ",", ":", "null", "true", "false", "\"\"", "-1", "0", "2147483648", "-2147483649",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e400", "0.5", "\n", "- ", ": ",
        "  ", "&a", "*a", "!!binary", "\\u0000", "\u{FEFF}", "%RETRY%", "@", "=",
    ]

    /// `seed` with one to four mutations; half of the inputs only get extreme numbers, so that many stay
    /// well-formed and reach the readers' value checks.
    mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var bytes = seed
        if Bool.random(using: &self) {
            for _ in 0..<Int.random(in: 1...3, using: &self) {
                self.replaceNumber(in: &bytes, from: Int.random(in: 0..<max(1, bytes.count), using: &self))
            }
            return bytes
        }
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &self)
            switch Int.random(in: 0..<6, using: &self) {
            case 0 where !bytes.isEmpty:
                bytes[at] = UInt8.random(in: .min ... .max, using: &self)
            case 1:
                bytes.insert(contentsOf: Array(Self.tokens.randomElement(using: &self)!.utf8), at: at)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &self)))
            case 3 where !bytes.isEmpty:
                let piece = bytes[at..<min(bytes.count, at + Int.random(in: 1...64, using: &self))]
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &self))
            case 4:
                self.replaceNumber(in: &bytes, from: at)
            default:
                bytes.removeSubrange(at..<bytes.count)
            }
        }
        return bytes
    }

    /// Replaces the first digit run at or after `from` with an extreme number.
    private mutating func replaceNumber(in bytes: inout [UInt8], from: Int) {
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard let start = bytes[from...].firstIndex(where: isDigit) else { return }
        let end = bytes[start...].firstIndex { !isDigit($0) } ?? bytes.count
        let extreme = ["2147483648", "9223372036854775807", "-1", "4294967296", "-2147483648"].randomElement(using: &self)!
        bytes.replaceSubrange(start..<end, with: Array(extreme.utf8))
    }
}
