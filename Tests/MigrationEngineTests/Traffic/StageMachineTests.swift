import MigrationEngine
import Testing

@Suite struct StageMachineTests {
    static let task = MigrationTask(
        name: "orders", sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"],
        topics: [
            MigrationTopic(name: "a", groups: ["g1"], ordered: false, stage: .initial),
            MigrationTopic(name: "b", groups: ["g1"], ordered: false, stage: .cuttingOver),
            MigrationTopic(name: "c", groups: [], ordered: true, stage: .completed),
        ])

    @Test func forwardAndBackOneStageAtATime() throws {
        for stage in MigrationStage.allCases {
            let next = StageMachine.step(stage, .advance)
            let previous = StageMachine.step(stage, .rollback)
            if stage == .completed {
                #expect(throws: StageRefusal.self) { try next.get() }
            } else {
                #expect(try next.get().rawValue == stage.rawValue + 1)
            }
            if stage == .initial {
                #expect(throws: StageRefusal.self) { try previous.get() }
            } else {
                #expect(try previous.get().rawValue == stage.rawValue - 1)
            }
        }
    }

    @Test func onlyAdjacentStagesAreAllowed() {
        for from in MigrationStage.allCases {
            for to in MigrationStage.allCases {
                #expect(StageMachine.allows(from: from, to: to) == (abs(from.rawValue - to.rawValue) == 1))
            }
        }
    }

    @Test func batchPlanGivesOneOutcomePerSelectedTopic() {
        let outcomes = StageMachine.plan(task: Self.task, selected: ["a", "b", "c", "a", "zzz"], direction: .advance)
        #expect(outcomes == [
            .moved(StageMove(topic: "a", from: .initial, to: .dualRead)),
            .moved(StageMove(topic: "b", from: .cuttingOver, to: .completed)),
            .refused(topic: "c", stage: .completed, reason: "already completed; nothing to advance to"),
            .refused(topic: "zzz", stage: nil, reason: "not in task orders"),
        ])
        let back = StageMachine.plan(task: Self.task, selected: ["a", "c"], direction: .rollback)
        #expect(back == [
            .refused(topic: "a", stage: .initial, reason: "at initial; nothing to roll back to"),
            .moved(StageMove(topic: "c", from: .completed, to: .cuttingOver)),
        ])
    }

    @Test func stageTableSides() {
        #expect(MigrationStage.initial.producerSides == [.source])
        #expect(MigrationStage.dualRead.consumerSides == [.source, .target])
        #expect(MigrationStage.dualReadWrite.producerSides == [.source, .target])
        #expect(MigrationStage.cuttingOver.producerSides == [.target])
        #expect(MigrationStage.completed.consumerSides == [.target])
    }

    @Test func allowAllGuardAllows() async {
        let topic = Self.task.topics[0]
        let request = StageStepRequest(
            task: Self.task, topic: topic, move: StageMove(topic: "a", from: .initial, to: .dualRead),
            direction: .advance)
        #expect(await AllowAllStepGuard().check(request) == .allow)
        #expect(await AllowAllStepGuard().gate(request) == .allow)
    }
}
