import ArgumentParser
import Dispatch
import Foundation
import Logging
import RocketMQSandbox

/// `ferry demo clusters --source-port P --target-port Q`: runs a source and a target sandbox cluster
/// (two master brokers each) on loopback until SIGINT or SIGTERM.
struct DemoClustersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Run a source and a target sandbox cluster on loopback until interrupted."
    )

    @Option(help: "The source NameServer's port.") var sourcePort = 19876
    @Option(help: "The target NameServer's port.") var targetPort = 29876
    @Option(help: "Master brokers per cluster.") var brokers = 2

    func run() async throws {
        let logger = Logger(label: "ferry.sandbox") { _ in SwiftLogNoOpLogHandler() }
        let source = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: (0..<self.brokers).map { "source-\($0)" },
            nameServerPort: self.sourcePort, logger: logger)
        let target = try await SandboxCluster.start(
            name: "TargetCluster", brokerNames: (0..<self.brokers).map { "target-\($0)" },
            nameServerPort: self.targetPort, logger: logger)
        // Written unbuffered: scripts wait for "ready" in a redirected log.
        let lines = [
            "source SourceCluster namesrv \(source.nameServerAddress) brokers \(source.brokerAddresses.values.sorted())",
            "target TargetCluster namesrv \(target.nameServerAddress) brokers \(target.brokerAddresses.values.sorted())",
            "ready",
        ]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        await Self.waitForTermination()
        await source.shutdown()
        await target.shutdown()
    }

    /// Returns on the first SIGINT or SIGTERM.
    private static func waitForTermination() async {
        let signals = [SIGINT, SIGTERM]
        for number in signals { signal(number, SIG_IGN) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
            let once = OnceFlag()
            for source in sources {
                source.setEventHandler {
                    if once.claim() {
                        sources.forEach { $0.cancel() }
                        continuation.resume()
                    }
                }
                source.resume()
            }
        }
    }
}
