import Foundation

/// Milliseconds since the epoch (wall clock): the time access records and health carry.
func epochMillis() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1000).rounded())
}

extension Duration {
    /// Whole milliseconds, saturating.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = self.components
        let (millis, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? (seconds < 0 ? .min : .max) : millis.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).partialValue
    }
}
