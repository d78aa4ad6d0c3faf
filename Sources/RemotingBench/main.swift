// remoting-bench: encode + decode of a GET_ROUTEINFO_BY_TOPIC response (2 brokers, 16 queues) on one core.
// Prints frames/s and MB/s. Run with `swift run -c release remoting-bench [seconds]`.
import NIOCore
import RocketMQRemoting

/// A TopicRouteData body with two brokers (a master and a slave each) and 16 queues (8 per broker),
/// written with the fastjson dialect as an old NameServer would send it.
func routeBody() -> RemotingJSON {
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

func measure(_ label: String, seconds: Double, _ iteration: () throws -> Int) rethrows {
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
    let elapsed = clock.now - start
    let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let framesPerSecond = Double(frames) / secondsTaken
    let megabytesPerSecond = Double(bytes) / secondsTaken / 1_000_000
    print(
        label + String(repeating: " ", count: max(0, 44 - label.count)),
        String(Int(framesPerSecond.rounded())).leftPadded(10), "frames/s",
        String(Int(megabytesPerSecond.rounded())).leftPadded(6), "MB/s"
    )
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - self.count)) + self }
}

let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 2
let body = routeBody()
let request = RemotingCommand.request(code: .getRouteInfoByTopic, ext: ["topic": "BenchTopic"], opaque: 42)
var decoder = RemotingFrameDecoder()
var buffer = ByteBuffer()
buffer.reserveCapacity(4096)

for type in RemotingSerializeType.allCases {
    var routed = request
    routed.serializeType = type
    let response = RemotingCommand.response(
        to: routed,
        code: .success,
        body: body.byteBuffer(dialect: .fastjson)
    )
    let frameSize = try response.encodedFrame().readableBytes
    try measure("encode+decode, \(type) header, \(frameSize)-byte frame", seconds: seconds) {
        buffer.clear()
        try response.encodeFrame(into: &buffer)
        let size = buffer.readableBytes
        guard let decoded = try decoder.decode(buffer: &buffer), decoded.opaque == 42 else {
            fatalError("decode failed")
        }
        return size
    }
    try measure("  + write and parse the body JSON", seconds: seconds) {
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
