import Logging
import RocketMQRemoting
import RocketMQSandbox
import RocketMQTestSupport
import Testing

/// Helpers shared by the sandbox tests.
enum SandboxTest {
    static let logger = Logger.test("sandbox-tests")

    /// Starts `SourceCluster` with `broker-a` (the names in the captures), runs `body`, shuts down.
    static func withCluster<T>(
        brokers: [String] = ["broker-a"], options: SandboxOptions = SandboxOptions(),
        _ body: (SandboxCluster) async throws -> T
    ) async throws -> T {
        let cluster = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: brokers, options: options, logger: logger)
        do {
            let result = try await body(cluster)
            await cluster.shutdown()
            return result
        } catch {
            await cluster.shutdown()
            throw error
        }
    }

    /// Checks that `actual` has the captured response's shape: code, flag, language, version, remark,
    /// ext-field key set, serialize type and body shape. `remark` false skips the remark text (dynamic ones).
    static func expectShape(
        _ actual: RemotingCommand, like fixture: Fixture, remark: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let expected = fixture.response else {
            Issue.record("\(fixture.name) has no response", sourceLocation: sourceLocation)
            return
        }
        #expect(actual.code == expected.code, "\(fixture.name): code", sourceLocation: sourceLocation)
        #expect(actual.flag == expected.flag, "\(fixture.name): flag", sourceLocation: sourceLocation)
        #expect(actual.language == expected.language, "\(fixture.name): language", sourceLocation: sourceLocation)
        #expect(actual.version == expected.version, "\(fixture.name): version", sourceLocation: sourceLocation)
        #expect(actual.serializeType == expected.serializeType, "\(fixture.name): serialize type", sourceLocation: sourceLocation)
        if remark {
            #expect(actual.remark == expected.remark, "\(fixture.name): remark", sourceLocation: sourceLocation)
        } else {
            #expect((actual.remark == nil) == (expected.remark == nil), "\(fixture.name): remark presence", sourceLocation: sourceLocation)
        }
        #expect(
            actual.extFields.map { Set($0.map(\.key)) } == expected.extFields.map { Set($0.map(\.key)) },
            "\(fixture.name): ext keys", sourceLocation: sourceLocation)
        #expect(Shape.body(actual) == Shape.body(expected), "\(fixture.name): body shape", sourceLocation: sourceLocation)
    }
}
