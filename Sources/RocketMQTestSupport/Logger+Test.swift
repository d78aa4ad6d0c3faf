public import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Logger {
    /// The environment variable that sets the level of ``test(_:)`` loggers: `trace`, `debug`, `info`, `notice`,
    /// `warning`, `error` or `critical`.
    public static let testLogLevelVariable = "FERRY_TEST_LOG_LEVEL"

    /// A logger for tests: `warning` and above, so a failing test's output is not buried under the info lines of
    /// every sandbox request, unless `FERRY_TEST_LOG_LEVEL` asks for another level (an unknown name keeps `warning`).
    public static func test(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = Self.testLogLevel(getenv(Self.testLogLevelVariable).map { String(cString: $0) })
        return logger
    }

    /// The level `FERRY_TEST_LOG_LEVEL` = `value` selects.
    public static func testLogLevel(_ value: String?) -> Logger.Level {
        value.flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
    }
}
