import Foundation

/// The source of one hook script.
struct HookScript: Sendable, Hashable {
    /// The file name, used as the chunk name in errors and as the log metadata of `print`.
    var file: String
    /// The Lua source text.
    var source: String

    /// Reads the scripts at `path`: every `*.lua` file directly inside a directory, sorted by file
    /// name, or the one file `path` names.
    static func load(from path: String) throws(HookError) -> [HookScript] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HookError(code: .unreadable, message: "no such file or directory: \(path)")
        }
        let url = URL(fileURLWithPath: path)
        let files: [URL]
        if isDirectory.boolValue {
            do {
                files = try manager.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                    .filter { $0.pathExtension == "lua" }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
            } catch {
                throw HookError(code: .unreadable, message: "cannot list \(path): \(error.localizedDescription)")
            }
        } else {
            files = [url]
        }
        var scripts: [HookScript] = []
        for file in files {
            do {
                scripts.append(HookScript(file: file.lastPathComponent, source: try String(contentsOf: file, encoding: .utf8)))
            } catch {
                throw HookError(
                    code: .unreadable,
                    message: "cannot read \(file.path): \(error.localizedDescription)",
                    file: file.lastPathComponent
                )
            }
        }
        return scripts
    }
}
