import Foundation

/// Finds the operator an `Authorization` header names: `Bearer TOKEN`, or `Basic base64(NAME:TOKEN)`.
///
/// Tokens are compared in constant time, against every configured operator (no early exit), and never logged
/// or echoed in an error.
struct OperatorAuthenticator: Sendable {
    /// Headers longer than this are refused without decoding.
    static let maxHeaderLength = 4096

    private let operators: [(name: String, token: [UInt8])]

    init(tokens: [String: String]) {
        self.operators = tokens.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) }
    }

    /// Whether any operator can log in.
    var isEnabled: Bool { !operators.isEmpty }

    /// The operator's name, or nil when the header is absent, malformed or carries no configured credential.
    func operatorName(authorization header: String?) -> String? {
        guard let header, header.utf8.count <= Self.maxHeaderLength else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let scheme = parts[0].lowercased()
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        switch scheme {
        case "bearer":
            return match(name: nil, token: Array(value.utf8))
        case "basic":
            guard let decoded = Data(base64Encoded: value), let text = String(data: decoded, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { return nil }
            return match(name: String(text[..<colon]), token: Array(text[text.index(after: colon)...].utf8))
        default:
            return nil
        }
    }

    private func match(name: String?, token: [UInt8]) -> String? {
        var found: String?
        for candidate in operators {
            let tokenMatches = Self.constantTimeEqual(candidate.token, token)
            if tokenMatches && (name == nil || name == candidate.name) && found == nil { found = candidate.name }
        }
        return found
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt(lhs.count ^ rhs.count)
        let length = max(lhs.count, rhs.count)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= UInt(left ^ right)
        }
        return difference == 0
    }
}
