extension MetadataExport {
    /// Checks every value the file gave against the range RocketMQ stores it in, and the Ferry section's
    /// shape (each broker listed once, queue ids that are queue ids).
    ///
    /// - Parameter prefix: the key path of the tables in the file (`metadata.` inside export.sh's wrapper).
    func validate(source: String, prefix: String = "") throws(MetadataFormatError) {
        let checker = FieldChecker(source: source)
        for (name, topic) in self.topics {
            try checker.check(topic, at: "\(prefix)topicConfigTable.\(name)")
        }
        for (name, group) in self.groups {
            try checker.check(group, at: "\(prefix)subscriptionGroupTable.\(name)")
        }
        guard let ferry = self.ferry else { return }
        let path = "\(prefix)ferry"
        try checker.checkUnique(
            ferry.brokers.map(\.brokerName), at: "\(path).brokers", field: "brokerName", what: "broker")
        for (broker, topics) in ferry.perBrokerTopics {
            for (topic, queues) in topics {
                try checker.check(queues, at: "\(path).perBrokerTopics.\(broker).\(topic)")
            }
        }
        for (key, brokers) in ferry.consumerOffsets {
            try checker.checkQueueIds(brokers, at: "\(path).consumerOffsets.\(key)")
        }
        for (topic, config) in ferry.orderTopicConfs ?? [:] {
            try checker.checkOrderTopicConf(config, at: "\(path).orderTopicConfs.\(topic)")
        }
    }
}
