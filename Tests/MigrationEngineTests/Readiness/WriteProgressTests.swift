import MigrationEngine
import Testing

@Suite struct WriteProgressTests {
    let q0 = QueueKey(brokerName: "b", queueId: 0)
    let q1 = QueueKey(brokerName: "b", queueId: 1)

    @Test func firstSampleIsABaselineNotAWrite() {
        var progress = WriteProgress()
        #expect(progress.quietMillis(now: 0) == nil)
        progress.record([q0: 100], at: 1_000)
        #expect(progress.lastWriteAt == nil)
        #expect(progress.quietMillis(now: 61_000) == 60_000)
    }

    @Test func growingOffsetIsAWriteAndQuietRestarts() {
        var progress = WriteProgress()
        progress.record([q0: 100, q1: 5], at: 1_000)
        progress.record([q0: 100, q1: 9], at: 11_000)
        #expect(progress.lastWriteAt == 11_000)
        #expect(progress.lastDelta == 4)
        #expect(progress.writeTPS == 0.4)
        progress.record([q0: 100, q1: 9], at: 21_000)
        #expect(progress.lastWriteAt == 11_000)
        #expect(progress.quietMillis(now: 31_000) == 20_000)
    }

    @Test func newQueueWithMessagesIsAWrite() {
        var progress = WriteProgress()
        progress.record([q0: 1], at: 0)
        progress.record([q0: 1, q1: 3], at: 5)
        #expect(progress.lastWriteAt == 5)
    }

    @Test func shrinkingOrStaleSamplesAreNotWrites() {
        var progress = WriteProgress()
        progress.record([q0: 50], at: 10)
        progress.record([q0: 0], at: 20)
        #expect(progress.lastWriteAt == nil)
        progress.record([q0: 500], at: 15)
        #expect(progress.lastWriteAt == nil)
        #expect(progress.maxOffsets[q0] == 0)
    }

    @Test func brokerStoreTimeDatesTheLastWriteOnTheFirstSample() {
        var progress = WriteProgress()
        progress.record([q0: 100], lastStoredAt: 40_000, at: 100_000)
        #expect(progress.lastWriteAt == 40_000)
        #expect(progress.quietMillis(now: 100_000) == 60_000)
        var ahead = WriteProgress()
        ahead.record([q0: 1], lastStoredAt: 500_000, at: 100_000)
        #expect(ahead.quietMillis(now: 100_000) == 0)
    }
}
