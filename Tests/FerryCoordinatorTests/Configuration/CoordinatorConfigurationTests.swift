import FerryCoordinator
import Foundation
import Testing

@Suite struct CoordinatorConfigurationTests {
    static let token = "tok-0123456789abcdef-SECRET"
    static let full = """
        listen: 0.0.0.0:7900
        secretFile: /etc/ferry/coordinator.secret
        stateDirectory: /var/lib/ferry-coordinator
        commandTimeoutSeconds: 45
        tls:
          certificateChainFile: /etc/ferry/cert.pem
          privateKeyFile: /etc/ferry/key.pem
        limits:
          maxAgents: 500
          watcherQueue: 64
        dashboard:
          listen: 0.0.0.0:7901
          operatorTokens:
            alice: \(token)
        """

    @Test func readsEveryFieldAndDefaultsTheRest() throws {
        let configuration = try CoordinatorConfiguration.parse(yaml: Self.full)
        #expect(configuration.listen == "0.0.0.0:7900")
        #expect(configuration.secretFile == "/etc/ferry/coordinator.secret")
        #expect(configuration.commandTimeoutSeconds == 45)
        #expect(configuration.tls?.privateKeyFile == "/etc/ferry/key.pem")
        #expect(configuration.limits.maxAgents == 500)
        #expect(configuration.limits.watcherQueue == 64)
        #expect(configuration.limits.maxLineBytes == 4 << 20)
        #expect(configuration.dashboard?.operatorTokens == ["alice": Self.token])
        #expect(configuration.databasePath == "/var/lib/ferry-coordinator/coordinator.sqlite")

        let minimal = try CoordinatorConfiguration.parse(yaml: "secretEnv: FERRY_SECRET\nstateDirectory: /tmp/c\n")
        #expect(minimal.listen == "0.0.0.0:7900")
        #expect(minimal.commandTimeoutSeconds == 30)
        #expect(minimal.limits == CoordinatorConfiguration.Limits())
        #expect(minimal.dashboard == nil)
    }

    @Test(arguments: [
        ("listen: nowhere\nsecretEnv: S\nstateDirectory: /tmp/c", "`listen`"),
        ("listen: h:70000\nsecretEnv: S\nstateDirectory: /tmp/c", "`listen`"),
        ("stateDirectory: /tmp/c", "secretFile"),
        ("secretEnv: S\nsecretFile: /f\nstateDirectory: /tmp/c", "not both"),
        ("secretEnv: S\nstateDirectory: /tmp/c\ncommandTimeoutSeconds: 0", "`commandTimeoutSeconds`"),
        ("secretEnv: S\nstateDirectory: /tmp/c\nlimits:\n  maxAgents: 0", "`limits.maxAgents`"),
        ("secretEnv: S\nstateDirectory: /tmp/c\nlimits:\n  maxLineBytes: 100", "`limits.maxLineBytes`"),
        ("secretEnv: S\nstateDirectory: /tmp/c\ndashboard:\n  listen: x", "`dashboard.listen`"),
        ("secretEnv: S\nstateDirectory: /tmp/c\ndashboard:\n  operatorTokens:\n    bob: short", "`dashboard.operatorTokens.bob`"),
        ("secretEnv: S", "stateDirectory"),
        ("secretEnv: S\nstateDirectory: [1, 2]", "stateDirectory"),
    ])
    func refusesAWrongValueNamingItsField(yaml: String, field: String) {
        #expect {
            try CoordinatorConfiguration.parse(yaml: yaml)
        } throws: { error in
            (error as? CoordinatorConfigurationError)?.message.contains(field) == true
        }
    }

    @Test func aWildcardDashboardHostBecomesTheCoordinatorsHost() throws {
        let configuration = try CoordinatorConfiguration.parse(yaml: Self.full)
        #expect(configuration.dashboardURL(reachedAt: "coord.example") == "http://coord.example:7901/")
        #expect(configuration.dashboardURL(reachedAt: nil) == "http://127.0.0.1:7901/")
        var local = configuration
        local.dashboard?.listen = "10.1.2.3:8080"
        #expect(local.dashboardURL(reachedAt: "coord.example") == "http://10.1.2.3:8080/")
        local.dashboard = nil
        #expect(local.dashboardURL(reachedAt: "coord.example") == nil)
    }

    @Test func operatorTokensFromAPrivateFileOverrideTheInlineOnes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-tokens-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "alice: \(Self.token)-file\ncarol: 0123456789abcdefXYZ\n".write(toFile: path, atomically: true, encoding: .utf8)
        let dashboard = CoordinatorConfiguration.Dashboard(operatorTokens: ["alice": Self.token], operatorTokensFile: path)
        chmod(path, 0o644)
        #expect(throws: CoordinatorConfigurationError.self) { try dashboard.resolvedOperatorTokens() }
        chmod(path, 0o600)
        #expect(try dashboard.resolvedOperatorTokens() == ["alice": "\(Self.token)-file", "carol": "0123456789abcdefXYZ"])
    }

    /// 20,000 mutations of a valid file (bytes flipped, cut, lines dropped or repeated, junk inserted) each
    /// either parse to a configuration that validates, or fail with a configuration error that never quotes the
    /// operator token; nothing crashes.
    @Test func mutatedFilesNeverCrashTheReaderNorLeakTheToken() {
        var generator = SplitMix64(seed: 0x5EED_C00D)
        let base = Array(Self.full.utf8)
        var parsed = 0
        for _ in 0..<20_000 {
            let mutated = Self.mutate(base, with: &generator)
            do {
                let configuration = try CoordinatorConfiguration.parse(yaml: String(decoding: mutated, as: UTF8.self))
                #expect(throws: Never.self) { try configuration.validate() }
                parsed += 1
            } catch {
                if error.message.contains("SECRET") { Issue.record("error text quotes the token: \(error.message)") }
            }
        }
        #expect(parsed > 0)
    }

    private static func mutate(_ bytes: [UInt8], with generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0...Int(generator.next() % 3) {
            guard !bytes.isEmpty else { break }
            let position = Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 5 {
            case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes.removeSubrange(position...)
            case 2: bytes.insert(contentsOf: Array(":- [{\"'&*!|>#\n\t".utf8).shuffled(using: &generator).prefix(3), at: position)
            case 3:
                let end = min(bytes.count, position + Int(generator.next() % 40))
                bytes.removeSubrange(position..<end)
            default:
                let end = min(bytes.count, position + Int(generator.next() % 40))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }
}

/// A small deterministic generator, so a failing mutation can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
