import ArgumentParser
import Foundation
import Logging
import RocketMQSandbox

/// `ferry sandbox`: a source and a target RocketMQ cluster on loopback, to try Ferry by hand.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a source cluster (broker-a, broker-b) and a target cluster (broker-c, broker-d) on loopback.",
        discussion: "Prints the NameServer and broker addresses, then serves until Ctrl-C or SIGTERM."
    )

    @Option(help: "The source cluster's NameServer port (0 picks a free one).")
    var sourcePort: Int = 9876

    @Option(help: "The target cluster's NameServer port (0 picks a free one).")
    var targetPort: Int = 9877

    func run() async throws {
        var logger = Logger(label: "ferry.sandbox")
        logger.logLevel = .info
        let source = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: ["broker-a", "broker-b"], nameServerPort: self.sourcePort, logger: logger)
        let target = try await SandboxCluster.start(
            name: "TargetCluster", brokerNames: ["broker-c", "broker-d"], nameServerPort: self.targetPort, logger: logger)
        for cluster in [source, target] {
            print("\(cluster.name): namesrv \(cluster.nameServerAddress)")
            for (name, address) in cluster.brokerAddresses.sorted(by: { $0.key < $1.key }) {
                print("  \(name) \(address)")
            }
        }
        print("Serving; Ctrl-C or SIGTERM stops both clusters.")
        fflush(nil)
        await Self.waitForTermination()
        await target.shutdown()
        await source.shutdown()
        print("Sandbox clusters stopped.")
    }

    /// Returns when the process receives SIGINT or SIGTERM.
    static func waitForTermination() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber)
            source.setEventHandler { continuation.yield() }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}
