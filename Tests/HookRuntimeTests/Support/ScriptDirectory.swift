import Foundation

/// A temporary directory of hook scripts, removed by ``remove()``.
struct ScriptDirectory {
    let path: String

    /// Writes `scripts` (file name → Lua source) into a fresh directory under the temporary directory.
    init(_ scripts: [String: String]) throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "ferry-hooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
        try write(scripts)
    }

    /// Replaces the directory's scripts with `scripts`.
    func replace(with scripts: [String: String]) throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: path) {
            try FileManager.default.removeItem(atPath: "\(path)/\(file)")
        }
        try write(scripts)
    }

    func write(_ scripts: [String: String]) throws {
        for (name, source) in scripts {
            try source.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` with a directory holding `scripts`, removing it afterwards.
    static func with<T>(_ scripts: [String: String], _ body: (ScriptDirectory) async throws -> T) async throws -> T {
        let directory = try ScriptDirectory(scripts)
        defer { directory.remove() }
        return try await body(directory)
    }
}
