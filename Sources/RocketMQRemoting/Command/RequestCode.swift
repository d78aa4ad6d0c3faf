/// A RocketMQ request code (`RequestCode.java`). Unknown codes are kept as they are; ``name`` is nil for them.
///
/// The constants are every code in Apache RocketMQ's `RequestCode.java` (HEAD, checked 2025), named in
/// lowerCamelCase; ``name`` gives the Java spelling for logs and the CLI.
public struct RequestCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as it travels in the header's `code` field.
    public var rawValue: Int

    /// Wraps any code, known or not.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Wraps any code, known or not.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Looks a code up by its Java name (`"GET_ROUTEINFO_BY_TOPIC"`); nil when the name is unknown.
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

extension RequestCode {
    /// `SEND_MESSAGE` (10).
    public static let sendMessage = RequestCode(10)
    /// `PULL_MESSAGE` (11).
    public static let pullMessage = RequestCode(11)
    /// `QUERY_MESSAGE` (12).
    public static let queryMessage = RequestCode(12)
    /// `QUERY_BROKER_OFFSET` (13).
    public static let queryBrokerOffset = RequestCode(13)
    /// `QUERY_CONSUMER_OFFSET` (14).
    public static let queryConsumerOffset = RequestCode(14)
    /// `UPDATE_CONSUMER_OFFSET` (15).
    public static let updateConsumerOffset = RequestCode(15)
    /// `UPDATE_AND_CREATE_TOPIC` (17).
    public static let updateAndCreateTopic = RequestCode(17)
    /// `UPDATE_AND_CREATE_TOPIC_LIST` (18).
    public static let updateAndCreateTopicList = RequestCode(18)
    /// `GET_ALL_TOPIC_CONFIG` (21).
    public static let getAllTopicConfig = RequestCode(21)
    /// `GET_TOPIC_CONFIG_LIST` (22).
    public static let getTopicConfigList = RequestCode(22)
    /// `GET_TOPIC_NAME_LIST` (23).
    public static let getTopicNameList = RequestCode(23)
    /// `UPDATE_BROKER_CONFIG` (25).
    public static let updateBrokerConfig = RequestCode(25)
    /// `GET_BROKER_CONFIG` (26).
    public static let getBrokerConfig = RequestCode(26)
    /// `TRIGGER_DELETE_FILES` (27).
    public static let triggerDeleteFiles = RequestCode(27)
    /// `GET_BROKER_RUNTIME_INFO` (28).
    public static let getBrokerRuntimeInfo = RequestCode(28)
    /// `SEARCH_OFFSET_BY_TIMESTAMP` (29).
    public static let searchOffsetByTimestamp = RequestCode(29)
    /// `GET_MAX_OFFSET` (30).
    public static let getMaxOffset = RequestCode(30)
    /// `GET_MIN_OFFSET` (31).
    public static let getMinOffset = RequestCode(31)
    /// `GET_EARLIEST_MSG_STORETIME` (32).
    public static let getEarliestMsgStoreTime = RequestCode(32)
    /// `VIEW_MESSAGE_BY_ID` (33).
    public static let viewMessageById = RequestCode(33)
    /// `HEART_BEAT` (34).
    public static let heartBeat = RequestCode(34)
    /// `UNREGISTER_CLIENT` (35).
    public static let unregisterClient = RequestCode(35)
    /// `CONSUMER_SEND_MSG_BACK` (36).
    public static let consumerSendMsgBack = RequestCode(36)
    /// `END_TRANSACTION` (37).
    public static let endTransaction = RequestCode(37)
    /// `GET_CONSUMER_LIST_BY_GROUP` (38).
    public static let getConsumerListByGroup = RequestCode(38)
    /// `CHECK_TRANSACTION_STATE` (39).
    public static let checkTransactionState = RequestCode(39)
    /// `NOTIFY_CONSUMER_IDS_CHANGED` (40).
    public static let notifyConsumerIdsChanged = RequestCode(40)
    /// `LOCK_BATCH_MQ` (41).
    public static let lockBatchMQ = RequestCode(41)
    /// `UNLOCK_BATCH_MQ` (42).
    public static let unlockBatchMQ = RequestCode(42)
    /// `GET_ALL_CONSUMER_OFFSET` (43).
    public static let getAllConsumerOffset = RequestCode(43)
    /// `GET_ALL_DELAY_OFFSET` (45).
    public static let getAllDelayOffset = RequestCode(45)
    /// `CHECK_CLIENT_CONFIG` (46).
    public static let checkClientConfig = RequestCode(46)
    /// `GET_CLIENT_CONFIG` (47).
    public static let getClientConfig = RequestCode(47)
    /// `UPDATE_AND_CREATE_ACL_CONFIG` (50).
    public static let updateAndCreateACLConfig = RequestCode(50)
    /// `DELETE_ACL_CONFIG` (51).
    public static let deleteACLConfig = RequestCode(51)
    /// `GET_BROKER_CLUSTER_ACL_INFO` (52).
    public static let getBrokerClusterACLInfo = RequestCode(52)
    /// `UPDATE_GLOBAL_WHITE_ADDRS_CONFIG` (53).
    public static let updateGlobalWhiteAddrsConfig = RequestCode(53)
    /// `GET_BROKER_CLUSTER_ACL_CONFIG` (54).
    public static let getBrokerClusterACLConfig = RequestCode(54)
    /// `GET_TIMER_CHECK_POINT` (60).
    public static let getTimerCheckPoint = RequestCode(60)
    /// `GET_TIMER_METRICS` (61).
    public static let getTimerMetrics = RequestCode(61)
    /// `PUT_KV_CONFIG` (100).
    public static let putKVConfig = RequestCode(100)
    /// `GET_KV_CONFIG` (101).
    public static let getKVConfig = RequestCode(101)
    /// `DELETE_KV_CONFIG` (102).
    public static let deleteKVConfig = RequestCode(102)
    /// `REGISTER_BROKER` (103).
    public static let registerBroker = RequestCode(103)
    /// `UNREGISTER_BROKER` (104).
    public static let unregisterBroker = RequestCode(104)
    /// `GET_ROUTEINFO_BY_TOPIC` (105).
    public static let getRouteInfoByTopic = RequestCode(105)
    /// `GET_BROKER_CLUSTER_INFO` (106).
    public static let getBrokerClusterInfo = RequestCode(106)
    /// `UPDATE_AND_CREATE_SUBSCRIPTIONGROUP` (200).
    public static let updateAndCreateSubscriptionGroup = RequestCode(200)
    /// `GET_ALL_SUBSCRIPTIONGROUP_CONFIG` (201).
    public static let getAllSubscriptionGroupConfig = RequestCode(201)
    /// `GET_TOPIC_STATS_INFO` (202).
    public static let getTopicStatsInfo = RequestCode(202)
    /// `GET_CONSUMER_CONNECTION_LIST` (203).
    public static let getConsumerConnectionList = RequestCode(203)
    /// `GET_PRODUCER_CONNECTION_LIST` (204).
    public static let getProducerConnectionList = RequestCode(204)
    /// `WIPE_WRITE_PERM_OF_BROKER` (205).
    public static let wipeWritePermOfBroker = RequestCode(205)
    /// `GET_ALL_TOPIC_LIST_FROM_NAMESERVER` (206).
    public static let getAllTopicListFromNameserver = RequestCode(206)
    /// `DELETE_SUBSCRIPTIONGROUP` (207).
    public static let deleteSubscriptionGroup = RequestCode(207)
    /// `GET_CONSUME_STATS` (208).
    public static let getConsumeStats = RequestCode(208)
    /// `SUSPEND_CONSUMER` (209).
    public static let suspendConsumer = RequestCode(209)
    /// `RESUME_CONSUMER` (210).
    public static let resumeConsumer = RequestCode(210)
    /// `RESET_CONSUMER_OFFSET_IN_CONSUMER` (211).
    public static let resetConsumerOffsetInConsumer = RequestCode(211)
    /// `RESET_CONSUMER_OFFSET_IN_BROKER` (212).
    public static let resetConsumerOffsetInBroker = RequestCode(212)
    /// `ADJUST_CONSUMER_THREAD_POOL` (213).
    public static let adjustConsumerThreadPool = RequestCode(213)
    /// `WHO_CONSUME_THE_MESSAGE` (214).
    public static let whoConsumeTheMessage = RequestCode(214)
    /// `DELETE_TOPIC_IN_BROKER` (215).
    public static let deleteTopicInBroker = RequestCode(215)
    /// `DELETE_TOPIC_IN_NAMESRV` (216).
    public static let deleteTopicInNamesrv = RequestCode(216)
    /// `REGISTER_TOPIC_IN_NAMESRV` (217).
    public static let registerTopicInNamesrv = RequestCode(217)
    /// `GET_KVLIST_BY_NAMESPACE` (219).
    public static let getKVListByNamespace = RequestCode(219)
    /// `RESET_CONSUMER_CLIENT_OFFSET` (220).
    public static let resetConsumerClientOffset = RequestCode(220)
    /// `GET_CONSUMER_STATUS_FROM_CLIENT` (221).
    public static let getConsumerStatusFromClient = RequestCode(221)
    /// `INVOKE_BROKER_TO_RESET_OFFSET` (222).
    public static let invokeBrokerToResetOffset = RequestCode(222)
    /// `INVOKE_BROKER_TO_GET_CONSUMER_STATUS` (223).
    public static let invokeBrokerToGetConsumerStatus = RequestCode(223)
    /// `GET_TOPICS_BY_CLUSTER` (224).
    public static let getTopicsByCluster = RequestCode(224)
    /// `UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST` (225).
    public static let updateAndCreateSubscriptionGroupList = RequestCode(225)
    /// `QUERY_TOPIC_CONSUME_BY_WHO` (300).
    public static let queryTopicConsumeByWho = RequestCode(300)
    /// `REGISTER_FILTER_SERVER` (301).
    public static let registerFilterServer = RequestCode(301)
    /// `REGISTER_MESSAGE_FILTER_CLASS` (302).
    public static let registerMessageFilterClass = RequestCode(302)
    /// `QUERY_CONSUME_TIME_SPAN` (303).
    public static let queryConsumeTimeSpan = RequestCode(303)
    /// `GET_SYSTEM_TOPIC_LIST_FROM_NS` (304).
    public static let getSystemTopicListFromNS = RequestCode(304)
    /// `GET_SYSTEM_TOPIC_LIST_FROM_BROKER` (305).
    public static let getSystemTopicListFromBroker = RequestCode(305)
    /// `CLEAN_EXPIRED_CONSUMEQUEUE` (306).
    public static let cleanExpiredConsumeQueue = RequestCode(306)
    /// `GET_CONSUMER_RUNNING_INFO` (307).
    public static let getConsumerRunningInfo = RequestCode(307)
    /// `QUERY_CORRECTION_OFFSET` (308).
    public static let queryCorrectionOffset = RequestCode(308)
    /// `CONSUME_MESSAGE_DIRECTLY` (309).
    public static let consumeMessageDirectly = RequestCode(309)
    /// `SEND_MESSAGE_V2` (310).
    public static let sendMessageV2 = RequestCode(310)
    /// `GET_UNIT_TOPIC_LIST` (311).
    public static let getUnitTopicList = RequestCode(311)
    /// `GET_HAS_UNIT_SUB_TOPIC_LIST` (312).
    public static let getHasUnitSubTopicList = RequestCode(312)
    /// `GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST` (313).
    public static let getHasUnitSubUnunitTopicList = RequestCode(313)
    /// `CLONE_GROUP_OFFSET` (314).
    public static let cloneGroupOffset = RequestCode(314)
    /// `VIEW_BROKER_STATS_DATA` (315).
    public static let viewBrokerStatsData = RequestCode(315)
    /// `CLEAN_UNUSED_TOPIC` (316).
    public static let cleanUnusedTopic = RequestCode(316)
    /// `GET_BROKER_CONSUME_STATS` (317).
    public static let getBrokerConsumeStats = RequestCode(317)
    /// `UPDATE_NAMESRV_CONFIG` (318).
    public static let updateNamesrvConfig = RequestCode(318)
    /// `GET_NAMESRV_CONFIG` (319).
    public static let getNamesrvConfig = RequestCode(319)
    /// `SEND_BATCH_MESSAGE` (320).
    public static let sendBatchMessage = RequestCode(320)
    /// `QUERY_CONSUME_QUEUE` (321).
    public static let queryConsumeQueue = RequestCode(321)
    /// `QUERY_DATA_VERSION` (322).
    public static let queryDataVersion = RequestCode(322)
    /// `RESUME_CHECK_HALF_MESSAGE` (323).
    public static let resumeCheckHalfMessage = RequestCode(323)
    /// `SEND_REPLY_MESSAGE` (324).
    public static let sendReplyMessage = RequestCode(324)
    /// `SEND_REPLY_MESSAGE_V2` (325).
    public static let sendReplyMessageV2 = RequestCode(325)
    /// `PUSH_REPLY_MESSAGE_TO_CLIENT` (326).
    public static let pushReplyMessageToClient = RequestCode(326)
    /// `ADD_WRITE_PERM_OF_BROKER` (327).
    public static let addWritePermOfBroker = RequestCode(327)
    /// `GET_ALL_PRODUCER_INFO` (328).
    public static let getAllProducerInfo = RequestCode(328)
    /// `DELETE_EXPIRED_COMMITLOG` (329).
    public static let deleteExpiredCommitlog = RequestCode(329)
    /// `QUERY_TOPICS_BY_CONSUMER` (343).
    public static let queryTopicsByConsumer = RequestCode(343)
    /// `QUERY_SUBSCRIPTION_BY_CONSUMER` (345).
    public static let querySubscriptionByConsumer = RequestCode(345)
    /// `GET_TOPIC_CONFIG` (351).
    public static let getTopicConfig = RequestCode(351)
    /// `GET_SUBSCRIPTIONGROUP_CONFIG` (352).
    public static let getSubscriptionGroupConfig = RequestCode(352)
    /// `UPDATE_AND_GET_GROUP_FORBIDDEN` (353).
    public static let updateAndGetGroupForbidden = RequestCode(353)
    /// `LITE_PULL_MESSAGE` (361).
    public static let litePullMessage = RequestCode(361)
    /// `QUERY_ASSIGNMENT` (400).
    public static let queryAssignment = RequestCode(400)
    /// `SET_MESSAGE_REQUEST_MODE` (401).
    public static let setMessageRequestMode = RequestCode(401)
    /// `GET_ALL_MESSAGE_REQUEST_MODE` (402).
    public static let getAllMessageRequestMode = RequestCode(402)
    /// `UPDATE_AND_CREATE_STATIC_TOPIC` (513).
    public static let updateAndCreateStaticTopic = RequestCode(513)
    /// `POP_MESSAGE` (3442).
    public static let popMessage = RequestCode(3442)
    /// `ACK_MESSAGE` (3443).
    public static let ackMessage = RequestCode(3443)
    /// `PEEK_MESSAGE` (3444).
    public static let peekMessage = RequestCode(3444)
    /// `CHANGE_MESSAGE_INVISIBLETIME` (3445).
    public static let changeMessageInvisibleTime = RequestCode(3445)
    /// `NOTIFICATION` (3446).
    public static let notification = RequestCode(3446)
    /// `POLLING_INFO` (3447).
    public static let pollingInfo = RequestCode(3447)
    /// `BATCH_ACK_MESSAGE` (3543).
    public static let batchAckMessage = RequestCode(3543)
}
