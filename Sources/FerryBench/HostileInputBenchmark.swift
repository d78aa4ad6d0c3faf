import NIOCore
import RocketMQRemoting

/// The work a hostile peer can ask for (issue 14 items 2 and 3), which must grow linearly with the input:
/// setting 40,000 and 400,000 ext fields, refusing a frame that carries them, and reading 80,000 and 800,000
/// broker-config properties. Prints milliseconds per run; ten times the input should take about ten times as long.
enum HostileInputBenchmark {
    static func run() throws {
        for count in [40_000, 400_000] {
            let pairs = (0..<count).map { ("k\($0)", "v") }
            time("set \(count) ext fields") { _ = RemotingExtFields(pairs) }
            var command = RemotingCommand.request(code: .getAllTopicConfig)
            command.extFields = RemotingExtFields(pairs)
            let frame = try command.encodedFrame()
            time("refuse a frame of \(count) ext fields (\(frame.readableBytes / 1024) KiB)") {
                _ = try? RemotingCommand.decodeFrame(frame)
            }
        }
        for count in [80_000, 800_000] {
            let text = (0..<count).map { "key\($0)=\($0)\n" }.joined()
            time("read \(count) broker-config properties") { _ = try? BrokerProperties(text: text) }
        }
    }

    private static func time(_ label: String, _ work: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        let start = clock.now
        try work()
        let milliseconds = (clock.now - start).inSeconds * 1000
        print(label + String(repeating: " ", count: max(0, 56 - label.count)), String(Int(milliseconds.rounded())), "ms")
    }
}
