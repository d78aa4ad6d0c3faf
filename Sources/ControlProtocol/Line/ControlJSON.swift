import Foundation

/// The JSON of line payloads: one line, keys sorted, dates in ISO 8601 (with milliseconds when the date has
/// any; both forms are read back).
public enum ControlJSON {
    /// Encodes `value` as one line of JSON.
    public static func encode(_ value: some Encodable) throws -> String {
        let data = try self.encoder().encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes a `T` from one payload.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try self.decoder().decode(type, from: Data(text.utf8))
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.format(date))
        }
        return encoder
    }

    private static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Self.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO 8601 date: \(text.prefix(40))")
            }
            return date
        }
        return decoder
    }

    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `2026-11-26T05:23:39Z`, or `2026-11-26T05:23:39.120Z` when the date has a fraction of a second.
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        return seconds == seconds.rounded(.down) ? date.formatted(Self.whole) : date.formatted(Self.fractional)
    }

    /// Reads either form of ``format(_:)``.
    static func parse(_ text: String) -> Date? {
        (try? Self.whole.parse(text)) ?? (try? Self.fractional.parse(text))
    }
}
