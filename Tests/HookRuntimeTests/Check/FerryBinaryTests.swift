import Foundation
import Testing

/// `ferry hooks check` as a process: the exit status the plugin and CI rely on.
@Suite struct FerryBinaryTests {
    /// The `ferry` executable SwiftPM built next to the test bundle (`swift build --build-tests` builds it).
    static let ferry: URL? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let directories = [executable.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        let candidates = directories.map { $0.appending(path: "ferry") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private static let exampleHooks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "scripts/hooks").path

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.ferry
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: ferry != nil, "the ferry executable is not built next to the tests"))
    func checkExitsZeroOnExamplesAndNonZeroOnBrokenScripts() async throws {
        let good = try run(["hooks", "check", Self.exampleHooks])
        #expect(good.status == 0)
        #expect(good.output.contains("20_namespace_by_prefix.lua: map"))
        try await ScriptDirectory.with(["x.lua": "function gate(ctx) return {allow = 1} end"]) { directory in
            let bad = try run(["hooks", "check", directory.path])
            #expect(bad.status == 1)
            #expect(bad.output.contains("x.lua: hook 'gate': field 'allow' is an integer"))
        }
    }
}
