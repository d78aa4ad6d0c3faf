import ControlProtocol
import FerryCoordinator
import Foundation
import Logging

/// A coordinator on a loopback port with its own state directory and secret file, for socket tests.
struct CoordinatorHarness {
    static let secretBytes = Array("coordinator-test-secret-0123456789".utf8)

    let service: CoordinatorService
    let run: Task<Void, any Error>
    let port: Int
    let directory: URL

    var operations: CoordinatorOperations { self.service.operations }

    /// Starts a coordinator on `directory` (a fresh temporary one when nil).
    static func start(
        directory: URL? = nil, configure: (inout CoordinatorConfiguration) -> Void = { _ in }
    ) async throws -> CoordinatorHarness {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("ferry-coord-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let secretFile = directory.appendingPathComponent("secret").path
        if !FileManager.default.fileExists(atPath: secretFile) {
            FileManager.default.createFile(
                atPath: secretFile, contents: Data(Self.secretBytes), attributes: [.posixPermissions: 0o600])
        }
        var configuration = CoordinatorConfiguration(
            listen: "127.0.0.1:0", secretFile: secretFile, stateDirectory: directory.appendingPathComponent("state").path)
        configure(&configuration)
        let service = try CoordinatorService(
            configuration: configuration, logger: Logger(label: "test.coordinator") { _ in SwiftLogNoOpLogHandler() })
        let run = Task { try await service.run() }
        return CoordinatorHarness(service: service, run: run, port: await service.port, directory: directory)
    }

    /// Drops the coordinator the way `kill -9` would as far as its state goes: no graceful shutdown, nothing
    /// more written.
    func kill() async {
        self.run.cancel()
        _ = await self.run.result
    }

    func remove() {
        try? FileManager.default.removeItem(at: self.directory)
    }

    func clientConfiguration(role: ControlRole, id: String, secret: [UInt8] = Self.secretBytes) throws
        -> ControlClientConfiguration
    {
        ControlClientConfiguration(
            host: "127.0.0.1", port: self.port, role: role, id: id, secret: try ControlSecret(bytes: secret))
    }

    func operatorClient(id: String = "alice", secret: [UInt8] = Self.secretBytes) async throws -> OperatorClient {
        try await OperatorClient.connect(
            try self.clientConfiguration(role: .operator, id: id, secret: secret),
            logger: Logger(label: "test.operator") { _ in SwiftLogNoOpLogHandler() })
    }
}

/// Polls `condition` every 20 ms for up to 10 s.
func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<500 {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return false
}
