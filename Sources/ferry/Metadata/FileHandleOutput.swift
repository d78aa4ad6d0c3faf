import Foundation

/// Terminal output helpers.
enum FileHandleOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard output is a terminal (progress bars) or a pipe/file (plain lines).
    static var standardOutputIsTerminal: Bool { isatty(1) == 1 }
}
