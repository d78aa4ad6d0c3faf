import Foundation

/// A seeded generator (SplitMix64), so a failing fuzz input can be reproduced from its seed.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// How many inputs a fuzz test runs: `FERRY_FUZZ_ITERATIONS` when set (a long run by hand),
    /// else `ci` (bounded for CI).
    static func iterations(ci: Int) -> Int {
        ProcessInfo.processInfo.environment["FERRY_FUZZ_ITERATIONS"].flatMap(Int.init) ?? ci
    }

    /// The seed: `FERRY_FUZZ_SEED` when set, else a fixed one (CI runs are reproducible).
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["FERRY_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_F0E5
    }
}
