internal import NIOCore
internal import RocketMQRemoting

/// The HEART_BEAT (34) body, `HeartbeatData`, in the shape a 4.9.8 Java client sends:
/// `{"clientID":…,"consumerDataSet":[…],"producerDataSet":[{"groupName":…}]}`.
struct HeartbeatBody {
    /// One consumer group's registration (`ConsumerData`).
    struct Consumer {
        var group: String
        var consumeFromWhere: String
        var subscriptions: [(topic: String, expression: SubscriptionExpression)]
    }

    var clientId: String
    var producerGroups: [String] = []
    var consumers: [Consumer] = []

    /// The body bytes (fastjson field order: alphabetical).
    var byteBuffer: ByteBuffer {
        let consumers: [RemotingJSON] = self.consumers.map { consumer in
            let subscriptions: [RemotingJSON] = consumer.subscriptions.map { topic, expression in
                [
                    "classFilterMode": false,
                    "codeSet": .array(expression.codes.map { .integer(Int64($0)) }),
                    "expressionType": "TAG",
                    "subString": .string(expression.text),
                    "subVersion": .integer(expression.version),
                    "tagsSet": .array(expression.tags.map { .string($0) }),
                    "topic": .string(topic),
                ]
            }
            return [
                "consumeFromWhere": .string(consumer.consumeFromWhere),
                "consumeType": "CONSUME_PASSIVELY",
                "groupName": .string(consumer.group),
                "messageModel": "CLUSTERING",
                "subscriptionDataSet": .array(subscriptions),
                "unitMode": false,
            ]
        }
        let json: RemotingJSON = [
            "clientID": .string(self.clientId),
            "consumerDataSet": .array(consumers),
            "producerDataSet": .array(self.producerGroups.map { ["groupName": .string($0)] }),
        ]
        return json.byteBuffer(dialect: .fastjson)
    }
}
