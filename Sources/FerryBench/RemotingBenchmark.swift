import NIOCore
import RocketMQRemoting

/// Encode + decode of a GET_ROUTEINFO_BY_TOPIC response (2 brokers, 16 queues) on one core, with each
/// header serialization, with and without writing and parsing the body JSON. Prints frames/s and MB/s.
enum RemotingBenchmark {
    /// How long each measurement runs.
    static let seconds = 2.0

    static func run() throws {
        let body = routeBody()
        let request = RemotingCommand.request(code: .getRouteInfoByTopic, ext: ["topic": "BenchTopic"], opaque: 42)
        var decoder = RemotingFrameDecoder()
        var buffer = ByteBuffer()
        buffer.reserveCapacity(4096)

        for type in RemotingSerializeType.allCases {
            var routed = request
            routed.serializeType = type
            let response = RemotingCommand.response(to: routed, code: .success, body: body.byteBuffer(dialect: .fastjson))
            let frameSize = try response.encodedFrame().readableBytes
            try measure("encode+decode, \(type) header, \(frameSize)-byte frame") {
                buffer.clear()
                try response.encodeFrame(into: &buffer)
                let size = buffer.readableBytes
                guard let decoded = try decoder.decode(buffer: &buffer), decoded.opaque == 42 else {
                    fatalError("decode failed")
                }
                return size
            }
            try measure("  + write and parse the body JSON") {
                buffer.clear()
                var fresh = response
                fresh.body = body.byteBuffer(dialect: .fastjson)
                try fresh.encodeFrame(into: &buffer)
                let size = buffer.readableBytes
                guard let decoded = try decoder.decode(buffer: &buffer), let decodedBody = decoded.body,
                    try RemotingJSON(parsing: decodedBody)["queueDatas"]?[1]?["readQueueNums"] == 8
                else { fatalError("decode failed") }
                return size
            }
        }
    }

    /// A TopicRouteData body with two brokers (a master and a slave each) and 16 queues (8 per broker),
    /// written with the fastjson dialect as an old NameServer would send it.
    private static func routeBody() -> RemotingJSON {
        var brokerDatas: [RemotingJSON] = []
        var queueDatas: [RemotingJSON] = []
        for name in ["broker-a", "broker-b"] {
            let addresses: RemotingJSON = [0: "10.0.0.1:10911", 1: "10.0.0.2:10911"]
            brokerDatas.append(["brokerAddrs": addresses, "brokerName": .string(name), "cluster": "SourceCluster"])
            queueDatas.append([
                "brokerName": .string(name), "perm": 6, "readQueueNums": 8, "topicSysFlag": 0, "writeQueueNums": 8,
            ])
        }
        return ["brokerDatas": .array(brokerDatas), "filterServerTable": [:], "queueDatas": .array(queueDatas)]
    }

    /// Runs `iteration` (which returns the frame size) in rounds of 1,000 for ``seconds``.
    private static func measure(_ label: String, _ iteration: () throws -> Int) rethrows {
        let clock = ContinuousClock()
        var frames = 0
        var bytes = 0
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        while clock.now < deadline {
            for _ in 0..<1_000 {
                bytes += try iteration()
                frames += 1
            }
        }
        let secondsTaken = (clock.now - start).inSeconds
        let framesPerSecond = Double(frames) / secondsTaken
        let megabytesPerSecond = Double(bytes) / secondsTaken / 1_000_000
        print(
            label + String(repeating: " ", count: max(0, 44 - label.count)),
            leftPadded(String(Int(framesPerSecond.rounded())), 10), "frames/s",
            leftPadded(String(Int(megabytesPerSecond.rounded())), 6), "MB/s"
        )
    }

    private static func leftPadded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
