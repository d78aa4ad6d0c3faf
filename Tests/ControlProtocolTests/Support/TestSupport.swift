import InMemoryLogging
import Logging
import Synchronization

@testable import ControlProtocol

/// The secret the tests share (as text, so tests can search logs for it).
let testSecretText = "correct horse battery staple"

/// ``testSecretText`` as a ``ControlSecret``.
func testSecret() throws -> ControlSecret {
    try ControlSecret(bytes: Array(testSecretText.utf8))
}

/// Another secret of the same length.
func otherSecret() throws -> ControlSecret {
    try ControlSecret(bytes: Array("incorrect horse battery staple".utf8))
}

/// A logger that records into memory at trace level (never bootstraps the logging system).
func recordingLogger(_ label: String = "test.control") -> (Logger, InMemoryLogHandler) {
    let handler = InMemoryLogHandler()
    var logger = Logger(label: label) { _ in handler }
    logger.logLevel = .trace
    return (logger, handler)
}

/// A logger that drops everything.
let quietLogger = Logger(label: "test.control") { _ in SwiftLogNoOpLogHandler() }

/// Every message and metadata value a handler recorded, as text.
func recordedText(_ handler: InMemoryLogHandler) -> [String] {
    handler.entries.map { entry in
        let metadata = entry.metadata.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        return "\(entry.message) \(metadata)"
    }
}

/// A value tasks share under a lock.
final class Recorded<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) {
        self.storage = Mutex(value)
    }

    var value: Value { self.storage.withLock { $0 } }

    func update(_ change: (inout Value) -> Void) {
        self.storage.withLock { change(&$0) }
    }
}
