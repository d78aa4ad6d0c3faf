/// A RocketMQ response code (`ResponseCode.java` and `RemotingSysResponseCode.java`). Unknown codes are kept; ``name`` is nil for them.
///
/// The constants are every code in Apache RocketMQ's `ResponseCode.java` (HEAD, checked 2025), named in
/// lowerCamelCase; ``name`` gives the Java spelling for logs and the CLI.
public struct ResponseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as it travels in the header's `code` field.
    public var rawValue: Int

    /// Wraps any code, known or not.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Wraps any code, known or not.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Looks a code up by its Java name (`"TOPIC_NOT_EXIST"`); nil when the name is unknown.
    public init?(name: String) {
        guard let code = Self.codesByName[name] else { return nil }
        self.rawValue = code
    }

    /// The Java constant name, or nil for a code this table does not know.
    public var name: String? { Self.names[self.rawValue] }

    /// `NAME(code)`, or `UNKNOWN(code)`.
    public var description: String { "\(self.name ?? "UNKNOWN")(\(self.rawValue))" }

    private static let codesByName: [String: Int] = Dictionary(
        uniqueKeysWithValues: Self.names.map { ($0.value, $0.key) }
    )
}

extension ResponseCode {
    /// `SUCCESS` (0).
    public static let success = ResponseCode(0)
    /// `SYSTEM_ERROR` (1).
    public static let systemError = ResponseCode(1)
    /// `SYSTEM_BUSY` (2).
    public static let systemBusy = ResponseCode(2)
    /// `REQUEST_CODE_NOT_SUPPORTED` (3).
    public static let requestCodeNotSupported = ResponseCode(3)
    /// `TRANSACTION_FAILED` (4).
    public static let transactionFailed = ResponseCode(4)
    /// `FLUSH_DISK_TIMEOUT` (10).
    public static let flushDiskTimeout = ResponseCode(10)
    /// `SLAVE_NOT_AVAILABLE` (11).
    public static let slaveNotAvailable = ResponseCode(11)
    /// `FLUSH_SLAVE_TIMEOUT` (12).
    public static let flushSlaveTimeout = ResponseCode(12)
    /// `MESSAGE_ILLEGAL` (13).
    public static let messageIllegal = ResponseCode(13)
    /// `SERVICE_NOT_AVAILABLE` (14).
    public static let serviceNotAvailable = ResponseCode(14)
    /// `VERSION_NOT_SUPPORTED` (15).
    public static let versionNotSupported = ResponseCode(15)
    /// `NO_PERMISSION` (16).
    public static let noPermission = ResponseCode(16)
    /// `TOPIC_NOT_EXIST` (17).
    public static let topicNotExist = ResponseCode(17)
    /// `TOPIC_EXIST_ALREADY` (18).
    public static let topicExistAlready = ResponseCode(18)
    /// `PULL_NOT_FOUND` (19).
    public static let pullNotFound = ResponseCode(19)
    /// `PULL_RETRY_IMMEDIATELY` (20).
    public static let pullRetryImmediately = ResponseCode(20)
    /// `PULL_OFFSET_MOVED` (21).
    public static let pullOffsetMoved = ResponseCode(21)
    /// `QUERY_NOT_FOUND` (22).
    public static let queryNotFound = ResponseCode(22)
    /// `SUBSCRIPTION_PARSE_FAILED` (23).
    public static let subscriptionParseFailed = ResponseCode(23)
    /// `SUBSCRIPTION_NOT_EXIST` (24).
    public static let subscriptionNotExist = ResponseCode(24)
    /// `SUBSCRIPTION_NOT_LATEST` (25).
    public static let subscriptionNotLatest = ResponseCode(25)
    /// `SUBSCRIPTION_GROUP_NOT_EXIST` (26).
    public static let subscriptionGroupNotExist = ResponseCode(26)
    /// `FILTER_DATA_NOT_EXIST` (27).
    public static let filterDataNotExist = ResponseCode(27)
    /// `FILTER_DATA_NOT_LATEST` (28).
    public static let filterDataNotLatest = ResponseCode(28)
    /// `INVALID_PARAMETER` (29).
    public static let invalidParameter = ResponseCode(29)
    /// `TRANSACTION_SHOULD_COMMIT` (200).
    public static let transactionShouldCommit = ResponseCode(200)
    /// `TRANSACTION_SHOULD_ROLLBACK` (201).
    public static let transactionShouldRollback = ResponseCode(201)
    /// `TRANSACTION_STATE_UNKNOW` (202).
    public static let transactionStateUnknown = ResponseCode(202)
    /// `TRANSACTION_STATE_GROUP_WRONG` (203).
    public static let transactionStateGroupWrong = ResponseCode(203)
    /// `NO_BUYER_ID` (204).
    public static let noBuyerID = ResponseCode(204)
    /// `NOT_IN_CURRENT_UNIT` (205).
    public static let notInCurrentUnit = ResponseCode(205)
    /// `CONSUMER_NOT_ONLINE` (206).
    public static let consumerNotOnline = ResponseCode(206)
    /// `CONSUME_MSG_TIMEOUT` (207).
    public static let consumeMsgTimeout = ResponseCode(207)
    /// `NO_MESSAGE` (208).
    public static let noMessage = ResponseCode(208)
    /// `POLLING_FULL` (209).
    public static let pollingFull = ResponseCode(209)
    /// `POLLING_TIMEOUT` (210).
    public static let pollingTimeout = ResponseCode(210)
    /// `BROKER_NOT_EXIST` (211).
    public static let brokerNotExist = ResponseCode(211)
    /// `BROKER_DISPATCH_NOT_COMPLETE` (212).
    public static let brokerDispatchNotComplete = ResponseCode(212)
    /// `BROADCAST_CONSUMPTION` (213).
    public static let broadcastConsumption = ResponseCode(213)
    /// `FLOW_CONTROL` (215).
    public static let flowControl = ResponseCode(215)
    /// `NOT_LEADER_FOR_QUEUE` (501).
    public static let notLeaderForQueue = ResponseCode(501)
    /// `ILLEGAL_OPERATION` (604).
    public static let illegalOperation = ResponseCode(604)
    /// `GO_AWAY` (1500).
    public static let goAway = ResponseCode(1500)
}
