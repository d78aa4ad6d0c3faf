/// One entry of a HEAD consumer group's `subscriptionDataSet` (RocketMQ's `SimpleSubscriptionData`): a topic the
/// group subscribes to and its filter expression.
public struct SimpleSubscription: Sendable, Codable, Hashable {
    /// The subscribed topic.
    public var topic: String
    /// `TAG` or `SQL92`.
    public var expressionType: String?
    /// The filter expression (`*`, `TagA || TagB`, an SQL92 predicate).
    public var expression: String?
    /// The subscription's version; RocketMQ's fastjson writes none (the Java class has no getter for it).
    public var version: Int64?

    /// A subscription.
    public init(topic: String, expressionType: String? = nil, expression: String? = nil, version: Int64? = nil) {
        self.topic = topic
        self.expressionType = expressionType
        self.expression = expression
        self.version = version
    }
}
