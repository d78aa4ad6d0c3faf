internal import Foundation
public import HookRuntime
public import Logging

/// Reloads a ``HookRuntime`` when its scripts change (polled) or on SIGHUP, without a restart.
///
/// A set that fails to load is logged and the runtime keeps serving the previous one
/// (``HookRuntime/reload()`` swaps only a complete new set).
public struct HookReloader: Sendable {
    /// The runtime to reload.
    public let runtime: HookRuntime
    private let logger: Logger
    /// The scripts' fingerprint when the reloader was made: ``run(every:)`` compares against it, so a change
    /// made between making the reloader and the first poll is not taken for the baseline.
    private let baseline: String

    /// Makes a reloader for `runtime` (make it right after loading the runtime).
    public init(runtime: HookRuntime, logger: Logger) {
        self.runtime = runtime
        self.logger = logger
        self.baseline = Self.fingerprint(of: runtime.path)
    }

    /// A fingerprint of the scripts at the runtime's path: each `.lua` file's name, size and content hash.
    public func fingerprint() -> String {
        Self.fingerprint(of: self.runtime.path)
    }

    private static func fingerprint(of path: String) -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return "" }
        let files: [String]
        if isDirectory.boolValue {
            let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".lua") }.sorted().map { path + "/" + $0 }
        } else {
            files = [path]
        }
        return files.map { file in
            let bytes = FileManager.default.contents(atPath: file).map { Array($0) }
            return "\(file):\(bytes?.count ?? -1):\(bytes?.hashValue ?? 0)"
        }.joined(separator: "\n")
    }

    /// Reloads now; `false` (logged) when the new set is broken and the old one stays.
    @discardableResult
    public func reload() async -> Bool {
        do {
            try await runtime.reload()
            return true
        } catch {
            logger.info("hooks.reload.failed", metadata: ["hook.path": "\(runtime.path)", "error": "\(error)"])
            return false
        }
    }

    /// Polls every `interval` and reloads when the fingerprint changes, and on SIGHUP; until cancelled.
    public func run(every interval: Duration) async {
        var seen = self.baseline
        let hangups = SignalCounter.hangups
        var hangupsSeen = hangups.count
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = fingerprint()
            let signalled = hangups.count != hangupsSeen
            hangupsSeen = hangups.count
            if current != seen || signalled {
                seen = current
                await reload()
            }
        }
    }
}
