import Logging
import RocketMQTestSupport
import Testing

@Suite struct TestLoggerTests {
    @Test func testLoggersLogAtWarningUnlessTheEnvironmentAsksForMore() {
        #expect(Logger.testLogLevel(nil) == .warning)
        #expect(Logger.testLogLevel("debug") == .debug)
        #expect(Logger.testLogLevel("INFO") == .info)
        #expect(Logger.testLogLevel("loud") == .warning, "an unknown name keeps the quiet default")
    }
}
