import MigrationEngine
import Testing

@Suite struct StageEffectTests {
    @Test func dualReadIsInEffectOnceConsumersReadTheTarget() {
        var facts = ReadinessFixtures.ready()
        #expect(StageEffect.judge(.dualRead, facts: facts).inEffect)
        facts.groups[0].targetClients = []
        let effect = StageEffect.judge(.dualRead, facts: facts)
        #expect(!effect.inEffect)
        #expect(effect.reason.contains("billing"))
    }

    @Test func dualReadWriteNeedsAWriteOnTheTarget() {
        var facts = ReadinessFixtures.ready()
        #expect(StageEffect.judge(.dualReadWrite, facts: facts).inEffect)
        facts.targetWrites = WriteProgress()
        #expect(!StageEffect.judge(.dualReadWrite, facts: facts).inEffect)
    }

    @Test func cuttingOverNeedsTheSourceToStopTakingWrites() {
        var facts = ReadinessFixtures.ready()
        #expect(StageEffect.judge(.cuttingOver, facts: facts).inEffect)
        facts.sourceWrites.record([ReadinessFixtures.q0: 25], at: ReadinessFixtures.now + 1)
        let effect = StageEffect.judge(.cuttingOver, facts: facts)
        #expect(!effect.inEffect)
        #expect(effect.reason.contains("source still receives writes"))
    }

    @Test func completedNeedsNoConsumerOnTheSource() {
        var facts = ReadinessFixtures.ready()
        #expect(!StageEffect.judge(.completed, facts: facts).inEffect)
        facts.groups[0].sourceClients = []
        #expect(StageEffect.judge(.completed, facts: facts).inEffect)
    }
}
