import InMemoryLogging
import Logging

/// A logger that records into memory (never bootstraps the logging system).
func recordingLogger() -> (Logger, InMemoryLogHandler) {
    let handler = InMemoryLogHandler()
    return (Logger(label: "test.hooks") { _ in handler }, handler)
}

/// A logger that drops everything.
let quietLogger = Logger(label: "test.hooks") { _ in SwiftLogNoOpLogHandler() }
