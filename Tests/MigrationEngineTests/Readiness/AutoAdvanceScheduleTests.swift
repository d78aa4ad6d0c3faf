import MigrationEngine
import Testing

@Suite struct AutoAdvanceScheduleTests {
    let schedule = AutoAdvanceSchedule(task: ReadinessFixtures.task)

    @Test func atMostOneStagePerQuietWindow() {
        let topic = MigrationTopic(name: "orders", groups: [], ordered: false, stage: .dualRead)
        let moved = ReadinessFixtures.now
        #expect(!schedule.isDue(topic, lastChangedAt: moved, now: moved + 299_999))
        #expect(schedule.isDue(topic, lastChangedAt: moved, now: moved + 300_000))
        #expect(schedule.isDue(topic, lastChangedAt: nil, now: moved))
    }

    @Test func completedIsNeverDue() {
        let topic = MigrationTopic(name: "orders", groups: [], ordered: false, stage: .completed)
        #expect(!schedule.isDue(topic, lastChangedAt: nil, now: ReadinessFixtures.now))
    }
}
