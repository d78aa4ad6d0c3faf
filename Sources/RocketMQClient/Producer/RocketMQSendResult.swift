public import RocketMQRemoting

/// What a successful send returns (`SendResult` in Java).
public struct RocketMQSendResult: Sendable, Hashable {
    /// How the broker stored the message (`SendStatus`).
    public enum Status: Sendable, Hashable {
        /// Stored (SUCCESS).
        case ok
        /// Stored, but the disk flush timed out (FLUSH_DISK_TIMEOUT, 10).
        case flushDiskTimeout
        /// Stored, but the slave flush timed out (FLUSH_SLAVE_TIMEOUT, 12).
        case flushSlaveTimeout
        /// Stored on the master; no slave available (SLAVE_NOT_AVAILABLE, 11).
        case slaveNotAvailable
    }

    /// How the broker stored the message.
    public var status: Status
    /// The client-generated unique id (`UNIQ_KEY`).
    public var messageId: String
    /// The broker's id for the stored message (its `msgId` header field: address and commit-log offset).
    public var offsetMessageId: String
    /// The queue the message went to.
    public var queue: MessageQueue
    /// The message's offset in that queue.
    public var queueOffset: Int64
}
