import ControlProtocol
import Foundation
import MetadataMigration
import TrafficMigration
import YAMLDiagnostics
import Yams

extension AgentConfiguration {
    /// The largest config file read (a config is a few hundred bytes; anything bigger is a wrong path).
    public static let maximumFileBytes = 1 << 20

    /// Reads and validates the YAML file at `path`.
    /// - Throws: ``AgentConfigurationError`` naming the field (or `file`); never the file's text.
    public static func load(path: String) throws(AgentConfigurationError) -> AgentConfiguration {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > Self.maximumFileBytes {
                throw AgentConfigurationError(field: "file", "\(path) is larger than \(Self.maximumFileBytes) bytes")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as AgentConfigurationError {
            throw error
        } catch {
            throw AgentConfigurationError(field: "file", "cannot read \(path)")
        }
        return try Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Reads and validates config text (``load(path:)`` without the file).
    public static func parse(_ text: String) throws(AgentConfigurationError) -> AgentConfiguration {
        guard text.utf8.count <= Self.maximumFileBytes else {
            throw AgentConfigurationError(field: "file", "larger than \(Self.maximumFileBytes) bytes")
        }
        let configuration: AgentConfiguration
        do {
            configuration = try YAMLDecoder().decode(AgentConfiguration.self, from: text)
        } catch {
            throw AgentConfigurationError(field: "file", YAMLErrorText.describe(error))
        }
        return try configuration.validated()
    }

    /// The configuration with every field checked (and name server lists trimmed).
    /// - Throws: ``AgentConfigurationError`` for the first bad field.
    public func validated() throws(AgentConfigurationError) -> AgentConfiguration {
        var checked = self
        try Self.checkId(self.agentId, field: "agentId")
        try Self.checkText(self.cluster, field: "cluster", maximum: 128)
        do throws(TrafficMigrationError) {
            _ = try TrafficArguments.taskName(self.task)
        } catch {
            throw AgentConfigurationError(field: "task", error.reason)
        }
        guard self.labels.count <= 64 else { throw AgentConfigurationError(field: "labels", "at most 64 labels") }
        for (key, value) in self.labels {
            try Self.checkText(key, field: "labels", maximum: 64)
            guard value.utf8.count <= 256 else {
                throw AgentConfigurationError(field: "labels.\(key)", "at most 256 bytes")
            }
        }
        checked.source = try Self.checkEndpoint(self.source, field: "source")
        checked.target = try Self.checkEndpoint(self.target, field: "target")
        _ = try Self.hostPort(self.proxy.listen, field: "proxy.listen", allowZero: true)
        if let metrics = self.metrics { _ = try Self.hostPort(metrics.listen, field: "metrics.listen", allowZero: true) }
        if let coordinator = self.coordinator {
            _ = try Self.hostPort(coordinator.address, field: "coordinator.address", allowZero: false)
            guard coordinator.secretFile != nil || coordinator.secretEnv != nil else {
                throw AgentConfigurationError(field: "coordinator", "give secretFile or secretEnv")
            }
            if let tls = coordinator.tls, (tls.certificateChainFile == nil) != (tls.privateKeyFile == nil) {
                throw AgentConfigurationError(field: "coordinator.tls", "certificateChainFile and privateKeyFile go together")
            }
        }
        try Self.checkText(self.stateDirectory, field: "stateDirectory", maximum: 4096)
        if let hooks = self.hooks { try Self.checkText(hooks, field: "hooks", maximum: 4096) }
        guard (1...3600).contains(self.readiness.refreshSeconds) else {
            throw AgentConfigurationError(field: "readiness.refreshSeconds", "must be 1…3600")
        }
        guard (0...Int(TrafficArguments.maximumQuietPeriodSeconds)).contains(self.readiness.quietSeconds) else {
            throw AgentConfigurationError(
                field: "readiness.quietSeconds", "must be 0…\(TrafficArguments.maximumQuietPeriodSeconds)")
        }
        guard self.readiness.producerGroups.count <= 10_000 else {
            throw AgentConfigurationError(field: "readiness.producerGroups", "at most 10000 topics")
        }
        return checked
    }

    /// `host:port` split, the port in 1…65535 (0 too when `allowZero`).
    static func hostPort(_ text: String, field: String, allowZero: Bool) throws(AgentConfigurationError) -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), colon != text.startIndex,
            let port = Int(text[text.index(after: colon)...]), ((allowZero ? 0 : 1)...65_535).contains(port)
        else { throw AgentConfigurationError(field: field, "'\(text.prefix(100))' is not host:port (port 1…65535)") }
        return (String(text[..<colon]), port)
    }

    private static func checkEndpoint(_ endpoint: ClusterEndpoint, field: String) throws(AgentConfigurationError) -> ClusterEndpoint {
        var checked = endpoint
        do throws(TrafficMigrationError) {
            checked.nameServers = try TrafficArguments.nameServers(endpoint.nameServers.joined(separator: ";"))
        } catch {
            throw AgentConfigurationError(field: "\(field).nameServers", error.reason)
        }
        if (endpoint.accessKeyEnv == nil) != (endpoint.secretKeyEnv == nil) {
            throw AgentConfigurationError(field: field, "accessKeyEnv and secretKeyEnv go together")
        }
        for (name, value) in [("accessKeyEnv", endpoint.accessKeyEnv), ("secretKeyEnv", endpoint.secretKeyEnv)] {
            if let value { try Self.checkText(value, field: "\(field).\(name)", maximum: 256) }
        }
        return checked
    }

    private static func checkId(_ id: String, field: String) throws(AgentConfigurationError) {
        let allowed = id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.:".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, id.unicodeScalars.count <= 64, allowed else {
            throw AgentConfigurationError(field: field, "must be 1–64 letters, digits, '-', '_', '.' or ':'")
        }
    }

    private static func checkText(_ text: String, field: String, maximum: Int) throws(AgentConfigurationError) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AgentConfigurationError(field: field, "must not be empty")
        }
        guard text.utf8.count <= maximum else { throw AgentConfigurationError(field: field, "at most \(maximum) bytes") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AgentConfigurationError(field: field, "must not contain control characters")
        }
    }
}
