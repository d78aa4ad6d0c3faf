import Foundation

/// JSON (de)coding for Ferry's files, turning Foundation's errors into ``MetadataFormatError``s that say
/// where the problem is.
enum JSONFile {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            // Only non-finite floats can fail, and Ferry's file types hold none.
            preconditionFailure("encoding a Ferry file cannot fail: \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, source: String) throws(MetadataFormatError)
        -> T
    {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error, data: data, source: source)
        } catch {
            throw MetadataFormatError(.invalidJSON, source: source, "cannot decode: \(error)")
        }
    }

    private static func describe(_ error: DecodingError, data: Data, source: String) -> MetadataFormatError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return Self.syntaxError(data: data, source: source)
        case .dataCorrupted(let context):
            return MetadataFormatError(
                .invalidValue, source: source, context.debugDescription, keyPath: Self.path(context.codingPath))
        case .keyNotFound(let key, let context):
            return MetadataFormatError(
                .invalidValue, source: source, "missing key `\(key.stringValue)`",
                keyPath: Self.path(context.codingPath))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return MetadataFormatError(
                .invalidValue, source: source, context.debugDescription, keyPath: Self.path(context.codingPath))
        @unknown default:
            return MetadataFormatError(.invalidJSON, source: source, "cannot decode: \(error)")
        }
    }

    /// Foundation's decoder says only "not valid JSON"; its JSONSerialization says where.
    private static func syntaxError(data: Data, source: String) -> MetadataFormatError {
        if data.isEmpty {
            return MetadataFormatError(.truncated, source: source, "the file is empty", offset: 0)
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            if detail.localizedCaseInsensitiveContains("end of file") {
                return MetadataFormatError(
                    .truncated, source: source, "the JSON ends early: the file looks truncated", offset: data.count)
            }
            let offset = detail.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
            return MetadataFormatError(.invalidJSON, source: source, "not valid JSON: \(detail)", offset: offset)
        }
        return MetadataFormatError(.invalidJSON, source: source, "not valid JSON")
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
