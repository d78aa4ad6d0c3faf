import MigrationEngine
import Testing

@Suite struct ReadinessTableRendererTests {
    @Test func listsEveryTopicAndEveryReason() {
        let ready = ReadinessReport(
            topic: "a", stage: .dualRead, nextStage: .dualReadWrite,
            effect: StageEffect(stage: .dualRead, inEffect: true, reason: "ok"),
            checks: [ReadinessCheckResult(name: "consumersOnTarget", ok: true, reason: "fine")])
        let blocked = ReadinessReport(
            topic: "orders", stage: .cuttingOver, nextStage: .completed,
            effect: StageEffect(stage: .cuttingOver, inEffect: false, reason: "the source still receives writes"),
            checks: [
                ReadinessCheckResult(name: "backlogDrained", ok: false, reason: "billing 4"),
                ReadinessCheckResult(name: "sourceQuiet", ok: true, reason: "quiet"),
            ])
        let text = ReadinessTableRenderer().render([ready, blocked])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("topic"))
        #expect(lines[1].contains("dual-read") && lines[1].contains("yes") && lines[1].hasSuffix("-"))
        #expect(lines[2].contains("not yet") && lines[2].contains("no") && lines[2].hasSuffix("backlogDrained"))
        #expect(lines.contains("orders: backlogDrained: billing 4"))
        #expect(lines.contains("orders: cutting-over not in effect yet: the source still receives writes"))
        #expect(!text.contains("sourceQuiet"))
    }
}
