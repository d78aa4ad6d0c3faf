import ControlProtocol
import Foundation

/// A `ferry-coordinator` child process for `ferry-bench agents`, so the coordinator's memory is measured apart
/// from the simulated agents': a generated config in `directory`, its log in `directory/coordinator.log`, its
/// port read from the log's `coordinator.listening` line.
struct CoordinatorProcess {
    let process: Process
    let port: Int

    /// Starts `executable` on a loopback port with room for `agents` agents and waits (up to 60 s) until it listens.
    static func start(executable: URL, directory: URL, secretFile: String, agents: Int) async throws -> CoordinatorProcess {
        let config = directory.appendingPathComponent("coordinator.yaml")
        let yaml = """
            listen: 127.0.0.1:0
            secretFile: \(secretFile)
            stateDirectory: \(directory.appendingPathComponent("state").path)
            commandTimeoutSeconds: 60
            limits:
              maxAgents: \(agents + 100)
            """
        try Data(yaml.utf8).write(to: config)
        let logFile = directory.appendingPathComponent("coordinator.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--config", config.path]
        process.standardError = try FileHandle(forWritingTo: logFile)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 {
            if let port = Self.listeningPort(log: logFile) { return CoordinatorProcess(process: process, port: port) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw ControlErrorBody(.failed, "ferry-coordinator did not start listening; see \(logFile.path)")
    }

    /// The port in the log's `coordinator.listening` line (`listen.addr=HOST:PORT`).
    private static func listeningPort(log: URL) -> Int? {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.contains("coordinator.listening") {
            guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("listen.addr=") }),
                let port = field.split(separator: ":").last.flatMap({ Int($0) })
            else { continue }
            return port
        }
        return nil
    }

    /// The child's peak resident set, KiB.
    var peakRSS: Int { ProcFS.statusKiB("VmHWM", pid: self.process.processIdentifier) }

    /// SIGTERM (a graceful shutdown), then waits for the exit.
    func stop() {
        self.process.terminate()
        self.process.waitUntilExit()
    }
}
