import Foundation

/// A `ferry-coordinator` or `ferry-agent` process started from the build directory, its output going to a log
/// file, so a test can `kill -9` a real process and start it again on the same config.
struct SpawnedDaemon: Sendable {
    /// The build directory the test binary runs from (`.build/debug`), where SwiftPM puts the executables too.
    static let buildDirectory: URL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        .deletingLastPathComponent()

    /// Whether `name` is built next to the tests.
    static func isBuilt(_ name: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: Self.buildDirectory.appending(path: name).path)
    }

    let name: String
    let process: Process

    var pid: Int32 { self.process.processIdentifier }
    var isRunning: Bool { self.process.isRunning }

    /// Starts `executable --config <config>`, appending its standard output and error to `log`.
    static func start(_ executable: String, config: String, log: String) throws -> SpawnedDaemon {
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        output.seekToEndOfFile()
        let process = Process()
        process.executableURL = Self.buildDirectory.appending(path: executable)
        process.arguments = ["--config", config]
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
        return SpawnedDaemon(name: executable, process: process)
    }

    /// Sends `signal` and, for SIGKILL, waits until the process is gone (polling, never blocking a thread).
    func signal(_ signal: Int32) async {
        guard self.process.isRunning else { return }
        kill(self.pid, signal)
        guard signal == SIGKILL else { return }
        while self.process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
    }
}
