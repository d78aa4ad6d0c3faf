public import Logging
import RocketMQRemoting
import RocketMQServer
import Synchronization

/// A whole in-process RocketMQ cluster: one NameServer and named master brokers, speaking the real remoting
/// protocol on loopback, so RocketMQ clients, `mqadmin` and Ferry's agent cannot tell it from a 4.9.8 cluster.
///
/// ```swift
/// let cluster = try await SandboxCluster.start(name: "SourceCluster", brokerNames: ["broker-a", "broker-b"], logger: logger)
/// // point clients at cluster.nameServerAddress
/// await cluster.shutdown()
/// ```
public final class SandboxCluster: Sendable {
    /// The cluster name (`brokerClusterName`).
    public let name: String
    /// The NameServer's `"host:port"`.
    public let nameServerAddress: String
    /// Each broker's `"host:port"`, by broker name.
    public let brokerAddresses: [String: String]

    private let nameServer: SandboxNameServer
    private let brokers: [SandboxBroker]
    private let servers: [RemotingServer]
    /// The accept loops and the timers, kept apart so shutdown can stop the timers first.
    private let tasks: Mutex<(servers: [Task<Void, Never>], timers: [Task<Void, Never>])>

    private init(
        name: String, nameServer: SandboxNameServer, nameServerAddress: String, brokers: [SandboxBroker],
        servers: [RemotingServer], serverTasks: [Task<Void, Never>], timerTasks: [Task<Void, Never>]
    ) {
        self.name = name
        self.nameServer = nameServer
        self.nameServerAddress = nameServerAddress
        self.brokers = brokers
        self.servers = servers
        self.tasks = Mutex((serverTasks, timerTasks))
        self.brokerAddresses = Dictionary(uniqueKeysWithValues: brokers.map { ($0.configuration.brokerName, $0.configuration.brokerAddr) })
    }

    /// Starts a NameServer and one master broker per name, registers the brokers, and returns once all listen.
    ///
    /// - Parameters:
    ///   - name: the cluster name.
    ///   - brokerNames: unique broker names, e.g. `["broker-a", "broker-b"]`.
    ///   - nameServerPort: the NameServer's port; 0 (the default) picks a free one.
    ///   - brokerPorts: one port per broker; `nil` (the default) picks free ones.
    ///   - options: timers, ACL accounts, delay levels…
    ///   - logger: where the servers log (constant messages, `info` and below).
    /// - Throws: ``SandboxError`` for duplicate broker names or a port list of the wrong size; NIO errors when
    ///   a port cannot be bound.
    public static func start(
        name: String, brokerNames: [String], nameServerPort: Int = 0, brokerPorts: [Int]? = nil,
        options: SandboxOptions = SandboxOptions(), logger: Logger
    ) async throws -> SandboxCluster {
        guard Set(brokerNames).count == brokerNames.count, !brokerNames.isEmpty else {
            throw SandboxError(.invalidConfiguration, "broker names must be unique and non-empty: \(brokerNames)")
        }
        guard brokerPorts == nil || brokerPorts?.count == brokerNames.count else {
            throw SandboxError(.invalidConfiguration, "give one port per broker")
        }
        let nameServer = SandboxNameServer(
            orderMessageEnable: options.orderMessageEnable, brokerTimeoutMillis: options.brokerExpiry.milliseconds,
            logger: logger)
        let nameServerSocket = try await RemotingServer(
            host: options.host, port: nameServerPort, maxFrameLength: options.maxFrameLength, logger: logger)
        let nameServerAddress = "\(options.host):\(nameServerSocket.port)"
        var serverTasks = [Task { await nameServerSocket.serve(nameServer) }]
        var servers = [nameServerSocket]
        var brokers: [SandboxBroker] = []
        let acl = options.aclAccounts.map { AccessValidator(accounts: $0) }
        for (index, brokerName) in brokerNames.enumerated() {
            let socket: RemotingServer
            do {
                socket = try await RemotingServer(
                    host: options.host, port: brokerPorts?[index] ?? 0, maxFrameLength: options.maxFrameLength,
                    logger: logger)
            } catch {
                // A port that cannot be bound: close what already listens instead of leaving it serving.
                for server in servers { await server.close() }
                for task in serverTasks { await task.value }
                throw error
            }
            let broker = SandboxBroker(
                configuration: BrokerConfiguration(
                    clusterName: name, brokerName: brokerName, brokerAddr: "\(options.host):\(socket.port)",
                    nameServerAddr: nameServerAddress, messageDelayLevel: options.messageDelayLevel, acl: acl,
                    storeCapacity: options.storeCapacity),
                pollInterval: options.pollInterval, logger: logger)
            serverTasks.append(Task { await socket.serve(broker) })
            servers.append(socket)
            brokers.append(broker)
        }
        for broker in brokers { await broker.register() }
        var timerTasks = [Self.every(options.brokerScanInterval) { _ = nameServer.expireBrokers() }]
        for broker in brokers {
            timerTasks.append(Self.every(options.registerInterval) { await broker.register() })
            timerTasks.append(Self.every(options.pollInterval) { broker.deliverDueMessages() })
            timerTasks.append(Self.every(.seconds(10)) { await broker.expireClients(timeoutMillis: options.clientExpiry.milliseconds) })
        }
        logger.info("sandbox cluster started", metadata: ["cluster.name": "\(name)", "namesrv.addr": "\(nameServerAddress)"])
        return SandboxCluster(
            name: name, nameServer: nameServer, nameServerAddress: nameServerAddress, brokers: brokers,
            servers: servers, serverTasks: serverTasks, timerTasks: timerTasks)
    }

    /// Stops the timers, unregisters the brokers, closes every listener and connection, and waits for them.
    public func shutdown() async {
        let (servers, timers) = self.tasks.withLock { tasks in
            defer { tasks = ([], []) }
            return tasks
        }
        // Timers first, awaited: a registration in flight must finish before the NameServer closes.
        for task in timers { task.cancel() }
        for task in timers { await task.value }
        for broker in self.brokers { await broker.unregister() }
        for server in self.servers.reversed() { await server.close() }
        for task in servers { await task.value }
    }

    /// Makes every broker register with the NameServer now (as its periodic timer would).
    public func registerBrokers() async {
        for broker in self.brokers { await broker.register() }
    }

    private static func every(_ interval: Duration, _ work: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                await work()
            }
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = self.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
