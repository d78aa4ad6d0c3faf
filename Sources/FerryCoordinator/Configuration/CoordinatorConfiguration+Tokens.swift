import Foundation
import YAMLDiagnostics
import Yams

extension CoordinatorConfiguration.Dashboard {
    /// The operator tokens: ``operatorTokens`` with ``operatorTokensFile``'s entries over them. The file must
    /// be a YAML mapping of name → token that neither group nor others can read.
    public func resolvedOperatorTokens() throws(CoordinatorConfigurationError) -> [String: String] {
        var tokens = self.operatorTokens ?? [:]
        guard let path = self.operatorTokensFile else { return tokens }
        var info = stat()
        guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw CoordinatorConfigurationError("\(path): cannot read the operator tokens file")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CoordinatorConfigurationError("\(path): the operator tokens file must not be readable by group or others (chmod 600)")
        }
        guard data.count <= CoordinatorConfiguration.maxFileBytes else {
            throw CoordinatorConfigurationError("\(path): larger than \(CoordinatorConfiguration.maxFileBytes) bytes")
        }
        let fileTokens: [String: String]
        do {
            fileTokens = try YAMLDecoder().decode([String: String].self, from: String(decoding: data, as: UTF8.self))
        } catch {
            throw CoordinatorConfigurationError("\(path): \(YAMLErrorText.describe(error))")
        }
        try CoordinatorConfiguration.checkTokens(fileTokens, field: "operatorTokensFile")
        tokens.merge(fileTokens) { _, file in file }
        return tokens
    }
}
