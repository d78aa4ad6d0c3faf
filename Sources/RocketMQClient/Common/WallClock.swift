internal import Foundation

/// Wall-clock time as RocketMQ puts it on the wire (`System.currentTimeMillis()`).
enum WallClock {
    /// Milliseconds since the Unix epoch.
    static func nowMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
