import Foundation

/// Epoch milliseconds, the time unit of every RocketMQ timestamp.
func epochMillis() -> Int64 {
    Int64(Date().timeIntervalSince1970 * 1000)
}
