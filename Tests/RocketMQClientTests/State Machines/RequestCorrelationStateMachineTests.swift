@testable import RocketMQClient
import Testing

@Suite struct RequestCorrelationStateMachineTests {
    typealias Machine = RequestCorrelationStateMachine<String>

    @Test func opaquesAreSequentialAndSkipPendingOnWrap() {
        var machine = Machine(firstOpaque: Int32.max - 1)
        let first = machine.nextOpaque()
        #expect(first == Int32.max - 1)
        #expect(isWrite(machine.requestSent(opaque: first, pending: "a")))
        #expect(machine.nextOpaque() == Int32.max)
        #expect(machine.nextOpaque() == Int32.min)

        var small = Machine(firstOpaque: 0)
        #expect(isWrite(small.requestSent(opaque: 1, pending: "held")))
        #expect(small.nextOpaque() == 0)
        #expect(small.nextOpaque() == 2, "opaque 1 is still pending and must be skipped")
    }

    @Test func outOfOrderResponsesCompleteTheirOwnRequest() {
        var machine = Machine()
        for name in ["a", "b", "c"] {
            let opaque = machine.nextOpaque()
            #expect(isWrite(machine.requestSent(opaque: opaque, pending: name)))
        }
        #expect(succeeded(machine.responseReceived(opaque: 2)) == "c")
        #expect(succeeded(machine.responseReceived(opaque: 0)) == "a")
        #expect(succeeded(machine.responseReceived(opaque: 2)) == nil, "a duplicate response is ignored")
        #expect(machine.pendingCount == 1)
        #expect(succeeded(machine.responseReceived(opaque: 1)) == "b")
        #expect(machine.pendingCount == 0)
    }

    @Test func aCancelledRequestIsForgottenAndItsLateResponseIgnored() {
        var machine = Machine()
        let opaque = machine.nextOpaque()
        #expect(isWrite(machine.requestSent(opaque: opaque, pending: "cancelled")))
        #expect(machine.requestCancelled(opaque: opaque) == "cancelled")
        #expect(machine.pendingCount == 0)
        #expect(machine.requestCancelled(opaque: opaque) == nil, "cancelling twice finds nothing")
        #expect(succeeded(machine.responseReceived(opaque: opaque)) == nil, "the late response is ignored")
    }

    @Test func timeoutFailsOnceAndALateResponseIsIgnored() {
        var machine = Machine()
        let opaque = machine.nextOpaque()
        _ = machine.requestSent(opaque: opaque, pending: "slow")
        let timeout = RocketMQClientError(.timeout, "late")
        guard case .fail(let pending, let error) = machine.timeoutFired(opaque: opaque, error: timeout) else {
            Issue.record("expected the request to fail")
            return
        }
        #expect(pending == "slow")
        #expect(error.code == .timeout)
        #expect(succeeded(machine.responseReceived(opaque: opaque)) == nil)
        guard case .none = machine.timeoutFired(opaque: opaque, error: timeout) else {
            Issue.record("a second timeout must do nothing")
            return
        }
    }

    @Test func writeFailureFailsTheRequest() {
        var machine = Machine()
        let opaque = machine.nextOpaque()
        _ = machine.requestSent(opaque: opaque, pending: "w")
        guard case .fail(let pending, _) = machine.writeFailed(opaque: opaque, error: .init(.connectionClosed, "x")) else {
            Issue.record("expected a failure")
            return
        }
        #expect(pending == "w")
        #expect(machine.pendingCount == 0)
    }

    @Test func closeFailsEveryPendingRequestAndEveryLaterOne() {
        var machine = Machine()
        for name in ["a", "b", "c"] {
            _ = machine.requestSent(opaque: machine.nextOpaque(), pending: name)
        }
        _ = machine.responseReceived(opaque: 1)
        guard case .failAll(let pendings, let error) = machine.connectionClosed(error: .init(.connectionClosed, "gone"))
        else {
            Issue.record("expected failAll")
            return
        }
        #expect(pendings == ["a", "c"])
        #expect(error.code == .connectionClosed)
        guard case .none = machine.connectionClosed(error: .init(.connectionClosed, "again")) else {
            Issue.record("a second close must do nothing")
            return
        }
        guard case .fail(let late, let lateError) = machine.requestSent(opaque: machine.nextOpaque(), pending: "late")
        else {
            Issue.record("a request after close must fail")
            return
        }
        #expect(late == "late")
        #expect(lateError.reason == "gone")
    }

    private func isWrite(_ action: Machine.SendAction) -> Bool {
        if case .write = action { return true }
        return false
    }

    private func succeeded(_ action: Machine.ResponseAction) -> String? {
        if case .succeed(let pending) = action { return pending }
        return nil
    }
}
