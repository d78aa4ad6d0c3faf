import CLua
import CLuaSandbox
import Testing

@testable import HookRuntime

/// The C sandbox under one state: the counting allocator and the budget hook.
@Suite struct LuaStateTests {
    @Test func memoryCapRefusesThenGarbageCollectionFreesTheState() throws {
        let state = try LuaState(limits: HookLimits(memoryBytes: 4 << 20), host: LuaHostBridge(logger: quietLogger))
        let baseline = state.memoryUsed
        #expect(baseline > 0 && baseline < 1 << 20)
        let failure = try #require(throws: LuaState.CallFailure.self) {
            try state.run("local t = {} while true do t[#t + 1] = {} end", results: 0)
        }
        #expect(failure.status == LUA_ERRMEM && failure.message == "not enough memory")
        state.collectGarbage(instructions: 0, deadlineNanoseconds: 0)
        #expect(state.memoryUsed < baseline + (256 << 10))
        try state.run("return 1 + 1", results: 1)
        #expect(try state.value(at: -1) == .integer(2))
    }

    @Test func budgetStopsOnlyTheCallThatOverran() throws {
        let state = try LuaState(limits: HookLimits(), host: LuaHostBridge(logger: quietLogger))
        let failure = try #require(throws: LuaState.CallFailure.self) {
            try state.run("local n = 0 while true do n = n + 1 end", results: 0, instructions: 50_000)
        }
        #expect(failure.stop == FERRY_STOP_INSTRUCTIONS)
        #expect(failure.message == "test:1: instruction budget exceeded")
        try state.run("local n = 0 for i = 1, 10000 do n = n + i end return n", results: 1, instructions: 1_000_000)
        #expect(try state.value(at: -1) == .integer(50_005_000))
    }

    @Test func unlimitedStateHasNoBudgetAndCountsNothing() throws {
        let state = try LuaState(limits: nil, host: LuaHostBridge(logger: quietLogger))
        try state.run("local n = 0 for i = 1, 3000000 do n = n + 1 end return n", results: 1, instructions: 1_000)
        #expect(try state.value(at: -1) == .integer(3_000_000))
        #expect(state.memoryUsed == 0)
    }
}
