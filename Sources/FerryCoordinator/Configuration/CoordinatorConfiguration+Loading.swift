import Foundation
import YAMLDiagnostics
import Yams

extension CoordinatorConfiguration {
    /// The largest configuration file read (a config is a few hundred bytes; this bounds a wrong path).
    static let maxFileBytes = 1 << 20

    /// Reads and validates the YAML file at `path`.
    public static func load(path: String) throws(CoordinatorConfigurationError) -> CoordinatorConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoordinatorConfigurationError("\(path): cannot read the file")
        }
        guard data.count <= Self.maxFileBytes else {
            throw CoordinatorConfigurationError("\(path): larger than \(Self.maxFileBytes) bytes")
        }
        do {
            return try Self.parse(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw CoordinatorConfigurationError("\(path): \(error.message)")
        }
    }

    /// Parses and validates YAML text.
    public static func parse(yaml: String) throws(CoordinatorConfigurationError) -> CoordinatorConfiguration {
        let configuration: CoordinatorConfiguration
        do {
            configuration = try YAMLDecoder().decode(CoordinatorConfiguration.self, from: yaml)
        } catch {
            throw CoordinatorConfigurationError(YAMLErrorText.describe(error))
        }
        try configuration.validate()
        return configuration
    }

    /// Checks every value's range; the error names the field.
    public func validate() throws(CoordinatorConfigurationError) {
        guard HostPort(parsing: self.listen) != nil else {
            throw CoordinatorConfigurationError("`listen` must be host:port with a port 0–65535")
        }
        switch (self.secretFile, self.secretEnv) {
        case (nil, nil): throw CoordinatorConfigurationError("give `secretFile` or `secretEnv`")
        case (.some, .some): throw CoordinatorConfigurationError("give `secretFile` or `secretEnv`, not both")
        case (.some(let file), nil) where file.isEmpty: throw CoordinatorConfigurationError("`secretFile` is empty")
        case (nil, .some(let name)) where name.isEmpty: throw CoordinatorConfigurationError("`secretEnv` is empty")
        default: break
        }
        guard !self.stateDirectory.isEmpty else { throw CoordinatorConfigurationError("`stateDirectory` is empty") }
        try Self.check("commandTimeoutSeconds", self.commandTimeoutSeconds, 1...3_600)
        try Self.check("limits.maxAgents", self.limits.maxAgents, 1...100_000)
        try Self.check("limits.maxEventsKept", self.limits.maxEventsKept, 0...100_000)
        try Self.check("limits.maxCommandsKept", self.limits.maxCommandsKept, 10...1_000_000)
        try Self.check("limits.maxPendingCommands", self.limits.maxPendingCommands, 1...10_000)
        try Self.check("limits.maxResentPerAgent", self.limits.maxResentPerAgent, 1...10_000)
        try Self.check("limits.watcherQueue", self.limits.watcherQueue, 16...100_000)
        try Self.check("limits.maxLineBytes", self.limits.maxLineBytes, 4_096...(64 << 20))
        try Self.check("limits.heartbeatSeconds", self.limits.heartbeatSeconds, 1...300)
        if let tls = self.tls, tls.certificateChainFile.isEmpty || tls.privateKeyFile.isEmpty {
            throw CoordinatorConfigurationError("`tls` needs `certificateChainFile` and `privateKeyFile`")
        }
        if let dashboard = self.dashboard {
            guard HostPort(parsing: dashboard.listen) != nil else {
                throw CoordinatorConfigurationError("`dashboard.listen` must be host:port with a port 0–65535")
            }
            try Self.checkTokens(dashboard.operatorTokens ?? [:], field: "dashboard.operatorTokens")
        }
    }

    private static func check(_ field: String, _ value: Int, _ range: ClosedRange<Int>) throws(CoordinatorConfigurationError) {
        guard range.contains(value) else {
            throw CoordinatorConfigurationError("`\(field)` must be in \(range.lowerBound)...\(range.upperBound)")
        }
    }

    /// Names are ids (the audit's "who"); tokens long enough not to be guessed. Never quotes a token.
    static func checkTokens(_ tokens: [String: String], field: String) throws(CoordinatorConfigurationError) {
        for (name, token) in tokens.sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty, name.count <= 64,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) })
            else { throw CoordinatorConfigurationError("`\(field)` has an operator name that is not 1–64 of A-Z a-z 0-9 - _ . @") }
            guard token.utf8.count >= 16, token.utf8.count <= 1_024 else {
                throw CoordinatorConfigurationError("`\(field).\(name)` must be 16–1024 bytes")
            }
        }
    }
}
