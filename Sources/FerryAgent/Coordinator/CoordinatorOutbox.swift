import ControlProtocol

/// What the agent sends on its own (STATE and EVENT lines), to whichever connection is up. Events raised while
/// no connection is up wait here, the newest ``maximumPending`` of them, and go out when one comes up; a state
/// needs no queue (the full state is sent on every connect).
actor CoordinatorOutbox {
    /// Events kept while disconnected, at most.
    static let maximumPending = 1024

    private var channel: ControlChannel?
    private var pending: [AgentEvent] = []
    private var sequence = 0

    /// Makes `channel` the one to send on, after sending `state` and the events that waited.
    /// - Throws: when the connection fails while sending (it is then not attached).
    func attach(_ channel: ControlChannel, state: AgentState) async throws {
        try await channel.send(ControlLine(.state, id: self.nextId("s"), state))
        while !self.pending.isEmpty {
            let event = self.pending.removeFirst()
            try await channel.send(ControlLine(.event, id: self.nextId("e"), event))
        }
        self.channel = channel
    }

    /// No connection any more.
    func detach() {
        self.channel = nil
    }

    /// Sends `state` when connected (a failure is the reader's to notice).
    func send(_ state: AgentState) async {
        guard let channel = self.channel, let line = try? ControlLine(.state, id: self.nextId("s"), state) else { return }
        try? await channel.send(line)
    }

    /// Sends `event`, or keeps it until a connection is up.
    func send(_ event: AgentEvent) async {
        guard let channel = self.channel, let line = try? ControlLine(.event, id: self.nextId("e"), event) else {
            self.pending.append(event)
            if self.pending.count > Self.maximumPending { self.pending.removeFirst(self.pending.count - Self.maximumPending) }
            return
        }
        try? await channel.send(line)
    }

    private func nextId(_ prefix: String) -> String {
        self.sequence &+= 1
        return "\(prefix)\(self.sequence)"
    }
}
