/// How a frame's header is serialized: the top byte of the header-length word (`SerializeType.java`).
public enum RemotingSerializeType: UInt8, Hashable, Sendable, CaseIterable {
    /// fastjson text, `{"code":105,...}` (RocketMQ's default).
    case json = 0
    /// The compact binary `ROCKETMQ` layout (`RocketMQSerializable.java`).
    case rocketmq = 1
}
