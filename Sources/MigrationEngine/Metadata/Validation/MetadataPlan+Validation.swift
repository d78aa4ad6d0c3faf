extension MetadataPlan {
    /// Checks a plan read from a file: each item's key is `kind:name` and unique, every item import will
    /// run carries the body of its kind under its own name, and every number is in the range RocketMQ
    /// stores it in. A plan is a file an operator may edit, so it is read as untrusted input.
    func validate(source: String) throws(MetadataFormatError) {
        let checker = FieldChecker(source: source)
        try checker.check(self.queuePolicy.minimum, in: FieldChecker.count, at: "queuePolicy.minimum")
        try checker.check(self.queuePolicy.maximum, in: FieldChecker.count, at: "queuePolicy.maximum")
        try checker.checkUnique(
            self.target.brokers.map(\.brokerName), at: "target.brokers", field: "brokerName", what: "broker")
        var keys: Set<String> = []
        for (index, item) in self.items.enumerated() {
            let path = "items[\(index)]"
            guard item.key == "\(item.kind.rawValue):\(item.name)" else {
                throw MetadataFormatError(
                    .invalidValue, source: source, "the key must be `\(item.kind.rawValue):` and the item's name",
                    keyPath: "\(path).key")
            }
            guard keys.insert(item.key).inserted else {
                throw MetadataFormatError(.invalidValue, source: source, "the item is listed twice", keyPath: "\(path).key")
            }
            try self.validateBody(of: item, at: path, checker: checker)
        }
    }

    private func validateBody(of item: PlanItem, at path: String, checker: FieldChecker) throws(MetadataFormatError) {
        let runs = item.action.writes || item.action == .unchanged
        func missing(_ field: String) -> MetadataFormatError {
            MetadataFormatError(
                .invalidValue, source: checker.source,
                "a \(item.kind.rawValue) item to \(item.action.rawValue) needs its `\(field)`", keyPath: "\(path).\(field)")
        }
        func misnamed(_ field: String) -> MetadataFormatError {
            MetadataFormatError(
                .invalidValue, source: checker.source, "the body names another resource than the item",
                keyPath: "\(path).\(field)")
        }
        switch item.kind {
        case .topic:
            if let config = item.orderTopicConf { try checker.checkOrderTopicConf(config, at: "\(path).orderTopicConf") }
            if let topic = item.topic {
                guard topic.topicName == item.name else { throw misnamed("topic.topicName") }
                try checker.check(topic, at: "\(path).topic")
            } else if runs {
                throw missing("topic")
            }
        case .group:
            if let group = item.group {
                guard group.groupName == item.name else { throw misnamed("group.groupName") }
                try checker.check(group, at: "\(path).group")
            } else if runs {
                throw missing("group")
            }
        case .aclAccount:
            if let account = item.account {
                guard account.accessKey == item.name else { throw misnamed("account.accessKey") }
            } else if runs {
                throw missing("account")
            }
        case .consumerOffsets:
            if let offsets = item.offsets {
                guard OffsetKey.join(topic: offsets.topic, group: offsets.group) == item.name else {
                    throw misnamed("offsets")
                }
                try checker.checkQueueIds(offsets.offsets, at: "\(path).offsets.offsets")
            } else if runs {
                throw missing("offsets")
            }
        }
    }
}
