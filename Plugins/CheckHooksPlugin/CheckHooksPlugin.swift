import Foundation
import PackagePlugin

/// `swift package check-hooks [DIR] [--samples FILE]`: runs `ferry hooks check` on a hook directory
/// of the package (default: `hooks`, else `scripts/hooks`). A thin shim over the `ferry` tool.
@main
struct CheckHooksPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let samples = extractor.extractOption(named: "samples").last
        let root = context.package.directoryURL
        let directory: URL
        if let given = extractor.remainingArguments.first {
            directory = given.hasPrefix("/") ? URL(fileURLWithPath: given) : root.appending(path: given)
        } else {
            let candidates = ["hooks", "scripts/hooks"].map { root.appending(path: $0) }
            directory = candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
        }
        var toolArguments = ["hooks", "check", directory.path]
        if let samples { toolArguments += ["--samples", samples.hasPrefix("/") ? samples : root.appending(path: samples).path] }

        let process = Process()
        process.executableURL = try context.tool(named: "ferry").url
        process.arguments = toolArguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("hook check failed for \(directory.path)")
            throw CheckHooksError.failed(status: process.terminationStatus)
        }
    }
}

/// Why the plugin failed.
enum CheckHooksError: Error, CustomStringConvertible {
    /// `ferry hooks check` exited with this status.
    case failed(status: Int32)

    var description: String {
        switch self {
        case .failed(let status): "ferry hooks check exited with status \(status)"
        }
    }
}
