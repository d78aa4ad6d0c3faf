import Foundation
import Logging
import MigrationEngine
import MigrationStore
import RocketMQClient
import Testing
import TrafficMigration
import TrafficReadiness

/// Issue 9's end-to-end evidence: a whole migration under live traffic driven only by `advance` behind the
/// readiness checks (no forced steps, no fixed sleeps between stages): each attempt either moves every topic or
/// is refused with reasons, and is retried until the facts allow it.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ReadinessDrivenMigrationTests {
    /// The proxy's access records in the harness's state store, read afresh on every call.
    struct AccessRecords: ProxyAccessLog {
        let store: ProxyAccessStore
        func hosts(forTopic topic: String) async -> Set<String> {
            (try? self.store.hosts(task: "task", topic: topic)) ?? []
        }
    }

    @Test func advanceInALoopCompletesEveryTopicWithNothingLost() async throws {
        try await TrafficHarness.run(quietPeriodSeconds: 2) { harness in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            let task = try #require(try harness.store.task(named: "task"))
            let source = RocketMQAdmin(client: client, nameServers: task.sourceNameServers)
            let target = RocketMQAdmin(client: client, nameServers: task.targetNameServers)
            let producers = Dictionary(TrafficHarness.topics.map { ($0, [TrafficHarness.producerGroup]) }) { a, _ in a }
            let gatherer = ReadinessGatherer(
                source: source, target: target, accessLog: AccessRecords(store: harness.accessStore),
                producerGroups: producers)
            let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
            let cache = ReadinessFactsCache(gatherer: gatherer, logger: ProxyTest.logger, now: now)
            let runner = StageStepRunner(
                store: harness.store, stepGuard: ReadinessStepGuard(facts: cache, hooks: nil, now: now),
                clusters: TrafficClusters(
                    source: RocketMQTrafficClusterReader(admin: source), target: RocketMQTrafficClusterReader(admin: target)))
            var refusals: [String] = []
            var attempts = 0
            let deadline = ContinuousClock.now + .seconds(300)
            while ContinuousClock.now < deadline {
                guard let current = try harness.store.task(named: "task") else { break }
                if current.topics.allSatisfy({ $0.stage == .completed }) { break }
                await cache.refresh(task: current)
                attempts += 1
                let report = try await runner.run(
                    task: "task", selection: .all, direction: .advance, audit: TrafficAuditContext(actor: "test"))
                for outcome in report.outcomes {
                    if case .refused(let topic, _, let reason) = outcome { refusals.append("\(topic): \(reason)") }
                }
                try await Task.sleep(for: .milliseconds(500))
            }
            let final = try #require(try harness.store.task(named: "task"))
            #expect(final.topics.allSatisfy { $0.stage == .completed }, "stuck; last refusals: \(refusals.suffix(8))")
            #expect(refusals.contains { $0.contains("check:") }, "some step had to wait for its checks")
            await harness.stopSending()
            #expect(await harness.waitUntilDelivered())
            #expect(harness.ledger.unexpected == 0)
            #expect(harness.ledger.missing == 0)
            print("readiness-driven migration: \(attempts) advance attempts, \(refusals.count) refusals")
            for refusal in Set(refusals.map { String($0.prefix(160)) }).sorted() { print("  refused \(refusal)") }
            harness.printSummary("readiness-driven migration")
        }
    }
}

/// The same migration left to `ferry migrate advance --auto` (the real binary on a shared state file), which
/// advances each topic by itself when its checks and gates pass, at most one stage per quiet window.
@Suite(.serialized, .timeLimit(.minutes(10))) struct AutoAdvanceMigrationTests {
    /// The `ferry` executable SwiftPM built next to the test bundle (`swift build --build-tests` builds it).
    static let ferry: URL? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let directories = [
            executable.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return directories.map { $0.appending(path: "ferry") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }()

    /// Runs `ferry` to its end on a dispatch thread (waiting on a cooperative thread could starve the in-process
    /// clusters); returns its exit status and standard output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let ferry = try #require(Self.ferry, "ferry is not built next to the tests")
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = ferry
                    process.arguments = arguments
                    let output = Pipe()
                    process.standardOutput = output
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    return (process.terminationStatus, text)
                })
            }
        }
    }

    @Test func advanceAutoCompletesEveryTopicWithNothingLost() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "ferry-auto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appending(path: "state.sqlite").path
        try await TrafficHarness.run(quietPeriodSeconds: 2, statePath: state) { harness in
            let producers = TrafficHarness.topics.flatMap { ["--producer-group", "\($0)=\(TrafficHarness.producerGroup)"] }
            let run = try await Self.run(
                ["migrate", "advance", "task", "--all", "--auto", "--interval", "1", "--state", state, "--reason", "test"]
                    + producers)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("every selected topic is completed"), "\(run.output)")
            for topic in TrafficHarness.topics {
                #expect(run.output.contains("\(topic): cutting-over → completed"), "\(run.output)")
            }
            let final = try #require(try harness.store.task(named: "task"))
            #expect(final.topics.allSatisfy { $0.stage == .completed })
            await harness.stopSending()
            #expect(await harness.waitUntilDelivered())
            #expect(harness.ledger.unexpected == 0)
            #expect(harness.ledger.missing == 0)
            harness.printSummary("advance --auto")
        }
    }
}
