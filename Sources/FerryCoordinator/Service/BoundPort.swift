/// The control port once the server is bound: callers that ask earlier wait for it.
actor BoundPort {
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []

    func set(_ port: Int) {
        self.port = port
        for waiter in self.waiters { waiter.resume(returning: port) }
        self.waiters = []
    }

    func value() async -> Int {
        if let port { return port }
        return await withCheckedContinuation { self.waiters.append($0) }
    }
}
