import Yams

/// Describes a YAML reading error without quoting the file: Yams' own descriptions print the offending
/// line, and in `plain_acl.yml`, a credentials file or an agent or coordinator configuration that line may
/// hold a secret key or an operator token. Only libyaml's fixed problem texts, positions and key paths are
/// kept.
public enum YAMLErrorText {
    /// One line naming the problem and where it is (line and column, or key path), never the text there.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let error as YamlError: Self.describe(error)
        case let error as DecodingError: Self.describe(error)
        default: "not valid YAML"
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, let offset, _, _):
            "\(problem)\(offset.map { " at byte \($0)" } ?? "")"
        case .duplicatedKeysInMapping(let duplicates, _):
            "\(duplicates.count) key\(duplicates.count == 1 ? " is" : "s are") repeated in one mapping"
        default:
            "not valid YAML"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "missing key `\(Self.path(context.codingPath + [key]))`"
        case .typeMismatch(let type, let context):
            "`\(Self.path(context.codingPath))` is not a \(type)"
        case .valueNotFound(let type, let context):
            "`\(Self.path(context.codingPath))` has no \(type) value"
        case .dataCorrupted(let context):
            if let yaml = context.underlyingError as? YamlError {
                Self.describe(yaml)
            } else {
                context.codingPath.isEmpty ? "not valid YAML" : "`\(Self.path(context.codingPath))` has a bad value"
            }
        @unknown default:
            "not valid YAML"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.enumerated().map { index, key in
            key.intValue.map { "[\($0)]" } ?? (index == 0 ? key.stringValue : ".\(key.stringValue)")
        }.joined()
    }
}
