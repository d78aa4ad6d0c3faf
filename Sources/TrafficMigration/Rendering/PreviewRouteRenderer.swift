public import MigrationEngine
import RocketMQRemoting

/// The text form of `ferry migrate preview`: per topic the stage change, then each queue entry of the route
/// clients would get, and its `orderTopicConf`.
public enum PreviewRouteRenderer {
    /// The lines to print.
    public static func render(_ routes: [PreviewRoute], refused: [StageStepOutcome]) -> [String] {
        var lines: [String] = []
        for preview in routes {
            lines.append("\(preview.topic): \(preview.from) → \(preview.to)")
            guard let route = preview.route else {
                lines.append("  TOPIC_NOT_EXIST (no cluster serves the topic at this stage)")
                continue
            }
            var clusters: [String: String] = [:]
            for broker in route.brokerDatas { clusters[broker.brokerName] = broker.cluster }
            for queue in route.queueDatas {
                lines.append(
                    "  \(queue.brokerName) (\(clusters[queue.brokerName] ?? "?"))  read \(queue.readQueueNums) "
                        + "write \(queue.writeQueueNums)  perm \(queue.perm.rawValue) \(queue.perm)")
            }
            if let conf = route.orderTopicConf { lines.append("  orderTopicConf \(conf)") }
        }
        for case .refused(let topic, _, let reason) in refused {
            lines.append("\(topic): refused — \(reason)")
        }
        return lines
    }
}
