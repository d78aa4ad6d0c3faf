import ControlProtocol
import FerryAgent
import Foundation
import Testing

@Suite struct AgentConfigurationTests {
    static let minimal = """
        agentId: agent-hz-1
        cluster: hz-prod
        source:
          nameServers: ["10.0.0.1:9876", "10.0.0.2:9876"]
        target:
          nameServers: ["10.1.0.1:9876"]
        stateDirectory: /var/lib/ferry
        """

    @Test func aMinimalFileGetsTheDocumentedDefaults() throws {
        let configuration = try AgentConfiguration.parse(Self.minimal)
        #expect(configuration.agentId == "agent-hz-1")
        #expect(configuration.task == "hz-prod")
        #expect(configuration.labels.isEmpty)
        #expect(configuration.proxy.listen == "0.0.0.0:9876")
        #expect(configuration.readiness == ReadinessSettings(refreshSeconds: 30, quietSeconds: 300))
        #expect(configuration.coordinator == nil)
        #expect(configuration.statePath == "/var/lib/ferry/state.sqlite")
    }

    @Test func everyFieldIsRead() throws {
        let configuration = try AgentConfiguration.parse(
            """
            agentId: "agent-hz-1"
            labels: {env: prod, region: hz}
            cluster: hz-prod
            task: hz-orders
            source:
              nameServers: ["10.0.0.1:9876"]
              accessKeyEnv: SRC_AK
              secretKeyEnv: SRC_SK
            target:
              nameServers: ["10.1.0.1:9876"]
              credentialsFile: /etc/ferry/target-keys.yml
            proxy: {listen: "0.0.0.0:19876"}
            hooks: /etc/ferry/hooks
            coordinator:
              address: "coord.internal:7900"
              secretFile: /etc/ferry/secret
              tls: {trustRootsFile: /etc/ferry/ca.pem}
            stateDirectory: /var/lib/ferry
            metrics: {listen: "127.0.0.1:9101"}
            readiness:
              refreshSeconds: 10
              quietSeconds: 60
              producerGroups: {Orders: [P1, P2]}
            """)
        #expect(configuration.labels == ["env": "prod", "region": "hz"])
        #expect(configuration.task == "hz-orders")
        #expect(configuration.source.accessKeyEnv == "SRC_AK")
        #expect(configuration.target.credentialsFile == "/etc/ferry/target-keys.yml")
        #expect(configuration.proxy.listen == "0.0.0.0:19876")
        #expect(configuration.hooks == "/etc/ferry/hooks")
        #expect(configuration.coordinator?.address == "coord.internal:7900")
        #expect(configuration.coordinator?.tls?.trustRootsFile == "/etc/ferry/ca.pem")
        #expect(configuration.metrics?.listen == "127.0.0.1:9101")
        #expect(configuration.readiness.producerGroups == ["Orders": ["P1", "P2"]])
    }

    /// Each bad value is refused with an error naming its field.
    @Test(arguments: [
        ("agentId: agent-hz-1", "agentId: \"\"", "agentId"),
        ("agentId: agent-hz-1", "agentId: \"a b\"", "agentId"),
        ("agentId: agent-hz-1", "agentId: \(String(repeating: "a", count: 65))", "agentId"),
        ("cluster: hz-prod", "cluster: \"  \"", "cluster"),
        ("[\"10.0.0.1:9876\", \"10.0.0.2:9876\"]", "[\"10.0.0.1:99999\"]", "source.nameServers"),
        ("[\"10.0.0.1:9876\", \"10.0.0.2:9876\"]", "[]", "source.nameServers"),
        ("[\"10.1.0.1:9876\"]", "[\"nohost\"]", "target.nameServers"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: \"\"", "stateDirectory"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\nproxy: {listen: \"0.0.0.0\"}", "proxy.listen"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\nproxy: {listen: \"h:-1\"}", "proxy.listen"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\nreadiness: {refreshSeconds: 0}", "readiness.refreshSeconds"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\nreadiness: {quietSeconds: 604801}", "readiness.quietSeconds"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\ncoordinator: {address: \"c:0\", secretEnv: S}", "coordinator.address"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\ncoordinator: {address: \"c:7900\"}", "coordinator"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\ntask: \"a/b\"", "task"),
        ("stateDirectory: /var/lib/ferry", "stateDirectory: /x\nmetrics: {listen: \"m\"}", "metrics.listen"),
        ("  nameServers: [\"10.1.0.1:9876\"]", "  nameServers: [\"10.1.0.1:9876\"]\n  accessKeyEnv: AK", "target"),
    ])
    func aBadValueNamesItsField(original: String, replacement: String, field: String) throws {
        let text = Self.minimal.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.minimal)
        #expect(throws: AgentConfigurationError.self) { try AgentConfiguration.parse(text) }
        do throws(AgentConfigurationError) {
            _ = try AgentConfiguration.parse(text)
        } catch {
            #expect(error.field == field, "\(error)")
        }
    }

    @Test func aMissingKeyOrWrongTypeIsNamedWithoutQuotingTheFile() {
        for (text, expected) in [
            (Self.minimal.replacingOccurrences(of: "cluster: hz-prod\n", with: ""), "cluster"),
            (Self.minimal.replacingOccurrences(of: "agentId: agent-hz-1", with: "agentId: [1, 2]"), "agentId"),
        ] {
            do throws(AgentConfigurationError) {
                _ = try AgentConfiguration.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.field == "file")
                #expect(error.reason.contains(expected), "\(error)")
            }
        }
    }

    @Test func aFileIsReadAndAMissingFileIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agent-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.minimal.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try AgentConfiguration.load(path: path).agentId == "agent-hz-1")
        #expect(throws: AgentConfigurationError(field: "file", "cannot read \(path).missing")) {
            try AgentConfiguration.load(path: path + ".missing")
        }
    }
}

@Suite struct AgentExampleConfigurationTests {
    /// The shipped example stays a valid config.
    @Test func theDeployExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let configuration = try AgentConfiguration.load(path: root.appendingPathComponent("scripts/deploy/agent.example.yaml").path)
        #expect(configuration.agentId == "agent-hz-1")
        #expect(configuration.coordinator?.secretFile == "/etc/ferry/coordinator.secret")
    }
}
