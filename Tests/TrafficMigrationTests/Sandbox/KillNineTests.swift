import Foundation
import MigrationEngine
import MigrationStore
import Testing

/// kill -9 of a `ferry migrate rollback --all` over 10,000 topics at several points of its run (early, while its
/// transaction writes, later), then one run left alone: after each kill
/// the reopened state file holds one stage for every topic (the step's single transaction either committed
/// or not), and the audit log and the change token agree with it.
@Suite(.serialized, .timeLimit(.minutes(5))) struct KillNineTests {
    static let topics = 10_000
    /// WAL growth that means the step's pages are being written (the step writes megabytes; opening the file
    /// writes a 32-byte header).
    static let walGrowthTrigger = 200_000

    /// When to send SIGKILL.
    enum Trigger {
        /// After a delay.
        case after(Duration)
        /// As soon as the state file's WAL grows by ``walGrowthTrigger``: the step's transaction is writing pages,
        /// not yet committed (or, on a fast run, just committed). Wall-clock delays alone cannot aim there on a
        /// loaded machine.
        case walGrowth(String)
        /// Never: the run completes.
        case never
    }

    /// Starts `ferry`, kills it with SIGKILL when `trigger` fires (if still running), and waits for it.
    static func run(_ arguments: [String], killing trigger: Trigger) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = MigrateCommandTests.ferry
                    process.arguments = arguments
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    switch trigger {
                    case .never:
                        try process.run()
                        process.waitUntilExit()
                    case .after(let delay):
                        try process.run()
                        let (seconds, attoseconds) = delay.components
                        usleep(UInt32(seconds) * 1_000_000 + UInt32(attoseconds / 1_000_000_000_000))
                    case .walGrowth(let wal):
                        let size = { (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 }
                        let initial = size()
                        try process.run()
                        while process.isRunning && size() <= initial + Self.walGrowthTrigger { usleep(2_000) }
                    }
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    @Test(.enabled(if: MigrateCommandTests.ferry != nil, "the ferry executable is not built next to the tests"))
    func killedAnywhereTheStateIsTheLastCommittedStep() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let names = (0..<Self.topics).map { "topic-\($0)" }
        try await TrafficStore(database: try MigrationDatabase(path: path)).create(
            MigrationTask(
                name: "big", sourceNameServers: ["127.0.0.1:1"], targetNameServers: ["127.0.0.1:1"],
                topics: names.map { MigrationTopic(name: $0, groups: ["g"], ordered: false, stage: .completed) }),
            audit: TrafficAuditContext(actor: "test"))
        var previous = MigrationStage.completed
        let triggers: [Trigger] = [
            .after(.milliseconds(200)), .walGrowth(path + "-wal"), .after(.seconds(2)), .walGrowth(path + "-wal"), .never,
        ]
        for trigger in triggers {
            try await Self.run(["migrate", "rollback", "big", "--all", "--state", path], killing: trigger)
            let store = TrafficStore(database: try MigrationDatabase(path: path))
            let task = try #require(try store.task(named: "big"))
            let stages = Set(task.topics.map(\.stage))
            #expect(task.topics.count == Self.topics)
            #expect(stages.count == 1, "one transaction per step: \(stages)")
            let stage = try #require(stages.first)
            #expect(stage == previous || stage.next == previous)
            let steps = MigrationStage.completed.rawValue - stage.rawValue
            #expect(try store.changeToken() == Int64(1 + steps))
            let rows = try store.history(task: "big", topics: ["topic-0"])
            #expect(rows.filter { $0.outcome == .committed && $0.action == .rollback }.count == steps)
            if case .never = trigger { #expect(stage.next == previous, "a run left alone commits its step") }
            previous = stage
        }
    }
}
