import ArgumentParser
import ControlProtocol
import FerryCoordinator
import Foundation
import Logging

/// How `ferry ctl` reaches the coordinator.
struct CtlConnectionOptions: ParsableArguments {
    @Option(help: "The coordinator, HOST:PORT (default: $FERRY_COORDINATOR, else 127.0.0.1:7900).")
    var coordinator: String?

    @Option(help: "The shared secret's file, mode 0600 (default: $FERRY_SECRET_FILE).")
    var secretFile: String?

    @Option(help: "Your operator name, recorded as the actor of every command (default: $USER).")
    var id: String?

    @Option(help: "Seconds to wait for each agent's ack (default: the coordinator's).")
    var timeout: Int?

    var address: String {
        self.coordinator ?? ProcessInfo.processInfo.environment["FERRY_COORDINATOR"] ?? "127.0.0.1:7900"
    }

    /// `--id`, else `$USER` with characters the line grammar does not allow replaced by `-`.
    var operatorId: String {
        if let id { return id }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "operator"
        let cleaned = String(user.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) ? $0 : "-" }.prefix(64))
        return cleaned.isEmpty ? "operator" : cleaned
    }

    /// Connects and authenticates as an operator, or fails with exit code 2.
    func connect() async throws -> OperatorClient {
        guard let address = HostPort(parsing: self.address) else {
            throw fail("--coordinator must be HOST:PORT, got `\(self.address)`")
        }
        guard let file = self.secretFile ?? ProcessInfo.processInfo.environment["FERRY_SECRET_FILE"] else {
            throw fail("give --secret-file or set FERRY_SECRET_FILE")
        }
        do {
            let secret = try ControlSecret.load(file: file, environment: nil)
            let logger = Logger(label: "ferry.ctl") { _ in SwiftLogNoOpLogHandler() }
            return try await OperatorClient.connect(
                ControlClientConfiguration(
                    host: address.host, port: address.port, role: .operator, id: self.operatorId, secret: secret),
                logger: logger)
        } catch {
            throw fail("cannot reach the coordinator at \(address): \(describe(error))")
        }
    }

    /// `--timeout` as a duration.
    var ackTimeout: Duration? {
        self.timeout.map { .seconds(max($0, 1)) }
    }
}

/// Which agents: `--agent`, `--label`, `--cluster`.
struct CtlSelectorOptions: ParsableArguments {
    @Option(name: .customLong("agent"), help: "An agent id (repeatable).")
    var agents: [String] = []

    @Option(name: .customLong("label"), help: "KEY=VALUE every selected agent carries (repeatable).")
    var labels: [String] = []

    @Option(name: .customLong("cluster"), help: "A source cluster name (repeatable).")
    var clusters: [String] = []

    @Flag(help: "Print JSON (typed, camelCase: the protocol's own objects).")
    var json = false

    func validate() throws {
        _ = try self.selector()
    }

    func selector() throws -> AgentSelector? {
        do {
            return try AgentSelector.fromOptions(agents: self.agents, labels: self.labels, clusters: self.clusters)
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// Runs an operator call on a fresh connection, closing it after, and turns errors into exit code 2.
func withOperator<T>(
    _ connection: CtlConnectionOptions, _ body: (OperatorClient) async throws -> T
) async throws -> T {
    let client = try await connection.connect()
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch let exit as ExitCode {
        await client.close()
        throw exit
    } catch {
        await client.close()
        throw fail(describe(error))
    }
}

/// An error for a person: a protocol error's message and code, else the error's own text.
func describe(_ error: any Error) -> String {
    guard let body = error as? ControlErrorBody else { return "\(error)" }
    return "\(body.message) (\(body.code))"
}
