import Foundation

/// Number formats of the Java broker's runtime info.
enum JavaFormat {
    /// `Double.toString` for the values the stats produce (plain decimal, at least one fraction digit).
    static func double(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        if value != 0, abs(value) >= 1e7 || abs(value) < 1e-3 {
            let exponent = Int(log10(abs(value)).rounded(.down))
            return Self.double(value / pow(10, Double(exponent))) + "E\(exponent)"
        }
        let text = "\(value)"
        return text.contains(".") ? text : text + ".0"
    }

    /// `String.format("%.<digits>f", value)`.
    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// `MixAll.humanReadableByteCount(bytes, false)`: `"0 B"`, `"78.7 GiB"`.
    static func byteCount(_ bytes: Int64) -> String {
        guard bytes >= 1024 else { return "\(bytes) B" }
        let exponent = min(Int(log(Double(bytes)) / log(1024)), 6)
        let prefix = Array("KMGTPE")[exponent - 1]
        return String(format: "%.1f", Double(bytes) / pow(1024, Double(exponent))) + " \(prefix)iB"
    }
}
