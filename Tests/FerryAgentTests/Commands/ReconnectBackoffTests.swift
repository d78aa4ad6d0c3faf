import FerryAgent
import Testing

@Suite struct ReconnectBackoffTests {
    @Test func delaysDoubleFromTheInitialUpToTheCapWithinTheJitterBand() {
        let backoff = ReconnectBackoff(initial: .milliseconds(500), maximum: .seconds(30))
        #expect(backoff.delay(attempt: 0) { _ in 0 } == .milliseconds(250))
        #expect(backoff.delay(attempt: 0) { _ in 1 } == .milliseconds(500))
        #expect(backoff.delay(attempt: 3) { _ in 1 } == .milliseconds(4000))
        #expect(backoff.delay(attempt: 10) { _ in 1 } == .seconds(30))
        #expect(backoff.delay(attempt: 10) { _ in 0 } == .seconds(15))
    }

    @Test func hugeOrNegativeAttemptsAndBadRandomsStayInRange() {
        let backoff = ReconnectBackoff()
        for attempt in [-5, 0, 62, 63, 64, Int.max] {
            for pick in [-1.0, 0, 0.5, 1, 7, .nan] {
                let delay = backoff.delay(attempt: attempt) { _ in pick }
                #expect(delay >= .milliseconds(250) && delay <= .seconds(30), "attempt \(attempt) pick \(pick): \(delay)")
            }
        }
    }

    @Test func realJitterSpreadsAgents() {
        let backoff = ReconnectBackoff()
        let delays = Set((0..<50).map { _ in backoff.delay(attempt: 4) })
        #expect(delays.count > 10)
    }
}
