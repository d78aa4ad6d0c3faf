import Foundation

@testable import ControlProtocol

/// A deterministic generator of random and mutated protocol lines (SplitMix64, seeded).
struct LineFuzzer {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    /// Valid lines of every verb, the seeds mutations start from.
    static let corpus: [String] = [
        #"HELLO - {"auth":["hmac-sha256"],"nonce":"00112233445566778899aabbccddeeff","protocol":1,"server":"ferry-coordinator 0.3.0"}"#,
        #"AUTH a1 {"id":"agent-hz-1","mac":"0c334509f6e5ce832cab85ed1d062bd8b7a02b92d54dd5444339af65811cb85b","nonce":"ffeeddccbbaa99887766554433221100","protocol":1,"role":"agent"}"#,
        #"OK auth {"heartbeatSeconds":10,"mac":"88eaf5746cd17d6fe005f054c4bc3827eda1c017f4a6dc4e77ad31c99319db1f"}"#,
        #"ERR r1 {"code":404,"message":"no agent hz-9"}"#,
        "PING p3", "PONG p3", "BYE -", "OK s1",
        #"STATE s1 {"agentId":"hz-1","cluster":"hz","labels":{"env":"prod"},"takenAt":"2026-11-26T05:23:39Z","tasks":[],"version":"ferry-agent 0.3.0"}"#,
        #"EVENT e7 {"agentId":"hz-1","at":"2026-11-26T05:23:39.120Z","kind":"stageChanged","message":"a: 1 → 2","task":"t","topic":"a"}"#,
        #"CMD c-20261126-0001 {"action":"migrate.advance","all":true,"reason":"go","task":"t"}"#,
        #"ACK c-20261126-0001 {"ok":true,"summary":"3 moved","topics":[{"from":"dualRead","refused":null,"to":"dualWrite","topic":"a"}]}"#,
        #"REQ r1 {"action":"dispatch","command":{"action":"hooks.reload"},"selector":{"labels":{"env":"prod"}},"timeoutMillis":5000}"#,
    ]

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(self.next() % UInt64(max(bound, 1)))
    }

    /// Bytes the mutations like to insert: grammar characters, controls, invalid UTF-8.
    private static let interesting: [UInt8] = Array(" {}[]\":,\\-_.\r\n\t\u{0}".utf8) + [0xFF, 0xC3, 0x80, 0xE2]

    /// One line: a third fully random bytes, the rest a corpus line with 1–4 mutations.
    mutating func line() -> [UInt8] {
        if self.below(3) == 0 {
            return (0..<self.below(120)).map { _ in
                self.below(4) == 0 ? Self.interesting[self.below(Self.interesting.count)] : UInt8(self.below(256))
            }
        }
        var bytes = Array(Self.corpus[self.below(Self.corpus.count)].utf8)
        for _ in 0...self.below(4) { self.mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let at = self.below(bytes.count + 1)
        switch self.below(8) {
        case 0 where !bytes.isEmpty:
            bytes[min(at, bytes.count - 1)] ^= UInt8(1 << self.below(8))
        case 1:
            bytes.insert(Self.interesting[self.below(Self.interesting.count)], at: at)
        case 2 where !bytes.isEmpty:
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + self.below(8)))
        case 3:
            bytes = Array(bytes.prefix(at))
        case 4:
            let other = Array(Self.corpus[self.below(Self.corpus.count)].utf8)
            bytes = Array(bytes.prefix(at)) + other.suffix(other.count - self.below(other.count))
        case 5:
            let depth = 1 + self.below(2000)
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: depth), at: at)
        case 6:
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "x"), count: self.below(6000)), at: at)
        default:
            let lowered = bytes.prefix(at).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            bytes = Array(lowered) + bytes.dropFirst(at)
        }
    }
}
