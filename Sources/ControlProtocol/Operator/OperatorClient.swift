public import Logging

/// Typed operator requests over a control connection (`ferry ctl`, the dashboard, the demo, the bench).
///
/// Each request is a `REQ` line with a fresh id (`r1`, `r2`, …); the coordinator's `OK` or `ERR` with the same
/// id answers it, in any order. A request not answered within its timeout fails with `408`, at most
/// ``maxInFlight`` requests wait at once (the next fails with `429`), and when the connection closes every
/// waiting request fails with `503`. `EVENT` and `STATE` lines go to the streams ``watch()`` returned.
public actor OperatorClient {
    /// Requests waiting for an answer at most.
    public static let maxInFlight = 64
    /// Lines a watch stream holds for a slow reader; beyond it the oldest are dropped.
    public static let watchBuffer = 4096

    private struct Pending {
        let continuation: CheckedContinuation<ControlLine, any Error>
        let timer: Task<Void, Never>
    }

    private let channel: ControlChannel
    private let requestTimeout: Duration
    private var pending: [String: Pending] = [:]
    private var lastRequest = 0
    private var watchers: [AsyncThrowingStream<ControlLine, any Error>.Continuation] = []
    private var closed: ControlErrorBody?

    /// Wraps an authenticated channel (role ``ControlRole/operator``). `requestTimeout` bounds every request;
    /// a dispatch waits that long on top of its own timeout.
    public init(channel: ControlChannel, requestTimeout: Duration = .seconds(30)) {
        self.channel = channel
        self.requestTimeout = requestTimeout
        // The reader holds the client weakly: a client dropped without close() is freed, and with it the
        // channel, which closes the connection and ends this loop.
        Task { [weak self, inbound = channel.inbound] in
            var ending = ControlErrorBody(.unavailable, "the coordinator closed the connection")
            do {
                for try await line in inbound {
                    guard let self else { return }
                    await self.received(line)
                }
            } catch {
                ending = ControlErrorBody(.unavailable, "the connection failed: \(error)")
            }
            await self?.connectionClosed(ending)
        }
    }

    /// Connects and authenticates as an operator.
    public static func connect(_ configuration: ControlClientConfiguration, logger: Logger) async throws
        -> OperatorClient
    {
        var configuration = configuration
        configuration.role = .operator
        return OperatorClient(channel: try await ControlClient.connect(configuration, logger: logger))
    }

    /// The coordinator's registry of the selected agents (all when nil).
    public func agents(_ selector: AgentSelector?) async throws -> AgentList {
        try await self.request(OperatorRequest(action: .agents, selector: selector), timeout: self.requestTimeout)
            .decode(AgentList.self)
    }

    /// The last state of each selected agent.
    public func status(_ selector: AgentSelector?) async throws -> AgentStates {
        try await self.request(OperatorRequest(action: .status, selector: selector), timeout: self.requestTimeout)
            .decode(AgentStates.self)
    }

    /// Sends `command` to the selected agents and waits for their outcomes (each agent gets `timeout`, or the
    /// coordinator's default). `commandId` makes a retry idempotent; the coordinator generates one when nil.
    public func dispatch(
        _ command: AgentCommand, to selector: AgentSelector?, timeout: Duration?, commandId: String?
    ) async throws -> DispatchResult {
        let request = OperatorRequest(
            action: .dispatch, selector: selector, command: command, commandId: commandId,
            timeoutMillis: timeout.map(Self.milliseconds))
        return try await self.request(request, timeout: self.requestTimeout + (timeout ?? self.requestTimeout))
            .decode(DispatchResult.self)
    }

    /// The recorded outcomes of an earlier command.
    public func outcome(commandId: String) async throws -> DispatchResult {
        try await self.request(OperatorRequest(action: .outcome, commandId: commandId), timeout: self.requestTimeout)
            .decode(DispatchResult.self)
    }

    /// Asks for every agent event and state change; the stream yields the `EVENT` and `STATE` lines until the
    /// connection closes.
    public func watch() async throws -> AsyncThrowingStream<ControlLine, any Error> {
        let (stream, continuation) = AsyncThrowingStream<ControlLine, any Error>.makeStream(
            bufferingPolicy: .bufferingNewest(Self.watchBuffer))
        if let closed = self.closed { throw closed }
        self.watchers.append(continuation)
        do {
            _ = try await self.request(OperatorRequest(action: .watch), timeout: self.requestTimeout)
        } catch {
            continuation.finish(throwing: error)
            throw error
        }
        return stream
    }

    /// Closes the connection; waiting requests fail with `503`.
    public func close() async {
        self.connectionClosed(ControlErrorBody(.unavailable, "the operator connection was closed"))
        await self.channel.close()
    }

    /// Sends one request and waits for its answer: the `OK` line, or the `ERR` body thrown.
    private func request(_ body: OperatorRequest, timeout: Duration) async throws -> ControlLine {
        if let closed = self.closed { throw closed }
        guard self.pending.count < Self.maxInFlight else {
            throw ControlErrorBody(.busy, "\(Self.maxInFlight) requests are already waiting for an answer")
        }
        self.lastRequest += 1
        let id = "r\(self.lastRequest)"
        let line = try ControlLine(.req, id: id, body)
        let answer = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    self.settle(
                        id,
                        .failure(ControlErrorBody(.timeout, "no answer to \(body.action.rawValue) within \(timeout)")))
                }
                self.pending[id] = Pending(continuation: continuation, timer: timer)
                Task {
                    do {
                        try await self.channel.send(line)
                    } catch {
                        self.settle(id, .failure(ControlErrorBody(.unavailable, "cannot send the request: \(error)")))
                    }
                }
            }
        } onCancel: {
            Task { await self.settle(id, .failure(CancellationError())) }
        }
        if answer.verb == .err {
            throw (try? answer.decode(ControlErrorBody.self))
                ?? ControlErrorBody(.failed, "the coordinator refused \(body.action.rawValue) without a reason")
        }
        return answer
    }

    private func settle(_ id: String, _ result: Result<ControlLine, any Error>) {
        guard let entry = self.pending.removeValue(forKey: id) else { return }
        entry.timer.cancel()
        entry.continuation.resume(with: result)
    }

    private func received(_ line: ControlLine) {
        switch line.verb {
        case .ok, .err:
            self.settle(line.id, .success(line))
        case .event, .state:
            for watcher in self.watchers { watcher.yield(line) }
        default:
            break
        }
    }

    private func connectionClosed(_ error: ControlErrorBody) {
        guard self.closed == nil else { return }
        self.closed = error
        for id in Array(self.pending.keys) { self.settle(id, .failure(error)) }
        for watcher in self.watchers { watcher.finish() }
        self.watchers = []
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let (millis, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return Int.max }
        return Int(clamping: millis.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).partialValue)
    }
}
