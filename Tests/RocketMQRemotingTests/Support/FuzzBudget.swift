#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many inputs a fuzz loop runs: its CI count, times `FERRY_FUZZ_SCALE` when set (a long run by hand:
/// `FERRY_FUZZ_SCALE=1000 swift test --skip-build --filter RocketMQRemotingTests`).
enum FuzzBudget {
    /// The environment variable that multiplies every fuzz loop's input count.
    static let scaleVariable = "FERRY_FUZZ_SCALE"

    /// `ciCount` times the scale (at least 1, at most 1,000,000).
    static func inputs(_ ciCount: Int) -> Int {
        let scale = getenv(Self.scaleVariable).flatMap { Int(String(cString: $0)) } ?? 1
        return ciCount * min(max(scale, 1), 1_000_000)
    }
}
