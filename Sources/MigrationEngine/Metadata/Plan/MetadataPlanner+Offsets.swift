extension MetadataPlanner {
    /// The source's committed offsets, laid onto the target: the i-th source master (by name) maps to the
    /// i-th target master, and only queues the target topic will have are kept. When the two clusters
    /// have different numbers of masters the queues do not map 1:1 and the offsets are skipped.
    func offsetCandidates(
        _ source: Source, target: TargetMetadata, topics: [String: (name: String, readQueues: Int)],
        groups: [String: String]
    ) -> [PlanCandidate] {
        guard let ferry = source.export.ferry else { return [] }
        let sourceBrokers = ferry.brokers.map(\.brokerName).sorted()
        let targetBrokers = target.brokers.map(\.brokerName)
        // A file may list a broker twice; reading rejects it, and a built export cannot hold it, so the
        // first pairing is kept rather than trapping.
        let brokerMap = Dictionary(zip(sourceBrokers, targetBrokers), uniquingKeysWith: { first, _ in first })
        var result: [PlanCandidate] = []
        for (key, brokers) in ferry.consumerOffsets.sorted(by: { $0.key < $1.key }) {
            guard let (topic, group) = OffsetKey.split(key), let mappedTopic = topics[topic],
                let mappedGroup = groups[group]
            else { continue }
            let name = OffsetKey.join(topic: mappedTopic.name, group: mappedGroup)
            var candidate = PlanCandidate(
                kind: .consumerOffsets, name: name, origin: PlanOrigin(source: source.label, name: key))
            guard sourceBrokers.count == targetBrokers.count else {
                candidate.unplanned = (
                    .skip,
                    "source has \(sourceBrokers.count) masters, target \(targetBrokers.count): queues do not map 1:1"
                )
                result.append(candidate)
                continue
            }
            var laid: [String: [String: Int64]] = [:]
            var dropped = 0
            for (sourceBroker, queues) in brokers {
                guard let targetBroker = brokerMap[sourceBroker] else {
                    dropped += queues.count
                    continue
                }
                for (queue, offset) in queues {
                    if let id = Int(queue), id < mappedTopic.readQueues {
                        laid[targetBroker, default: [:]][queue] = offset
                    } else {
                        dropped += 1
                    }
                }
            }
            if dropped > 0 { candidate.notes.append("\(dropped) queue offsets dropped: no such queue on the target") }
            candidate.offsets = OffsetAssignment(topic: mappedTopic.name, group: mappedGroup, offsets: laid)
            result.append(candidate)
        }
        return result
    }
}
