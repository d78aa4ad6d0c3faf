public import MigrationEngine

/// Builds a new ``MigrationTask`` from what the operator typed (`ferry migrate create`): selectors resolved
/// against the source's topic list, each topic's consumer groups and whether it is ordered read from the source.
public struct MigrationTaskResolver: Sendable {
    /// The most topics one task may hold (a bound on the state a typo like `--all` on a huge cluster can create).
    public static let maximumTopics = 100_000
    /// How many topics' groups are read from the source at once.
    public static let readConcurrency = 16

    /// The source cluster.
    public var source: any TrafficClusterReader

    /// A resolver reading `source`.
    public init(source: any TrafficClusterReader) {
        self.source = source
    }

    /// What to put in the task.
    public enum Selection: Sendable, Equatable {
        /// Every user topic of the source.
        case all
        /// The topics matching any of these names or globs.
        case selectors([TopicSelector])
    }

    /// Resolves `selection` into a task at stage Initial.
    ///
    /// - Parameter extraGroups: groups added to every topic besides those the source reports (for groups whose
    ///   consumers are offline and have never committed an offset).
    /// - Throws: ``TrafficMigrationError`` when a selector matches no source topic, nothing is selected, or the
    ///   selection exceeds ``maximumTopics``; the cluster's error when the source cannot be read.
    public func resolve(
        name: String, sourceNameServers: [String], targetNameServers: [String], selection: Selection,
        extraGroups: [String] = [], quietPeriodSeconds: Int64 = MigrationTask.defaultQuietPeriodSeconds
    ) async throws -> MigrationTask {
        let names = try await self.source.topicNames()
        let selected: [String]
        switch selection {
        case .all:
            selected = names
        case .selectors(let selectors):
            let (matched, unmatched) = TopicSelector.select(selectors, from: names)
            if !unmatched.isEmpty {
                throw TrafficMigrationError(
                    .nothingSelected,
                    "no source topic matches \(unmatched.map(\.pattern).joined(separator: ", "))")
            }
            selected = matched
        }
        if selected.isEmpty { throw TrafficMigrationError(.nothingSelected, "the source has no topic to migrate") }
        if selected.count > Self.maximumTopics {
            throw TrafficMigrationError(
                .tooManyTopics, "\(selected.count) topics selected; a task holds at most \(Self.maximumTopics)")
        }
        let ordered = try await self.source.orderedTopics()
        let source = self.source
        let consuming = try await boundedConcurrentMap(selected, limit: Self.readConcurrency) {
            try await source.groupsConsuming($0)
        }
        let topics = selected.map { topic in
            MigrationTopic(
                name: topic, groups: Set(consuming[topic] ?? []).union(extraGroups).sorted(),
                ordered: ordered.contains(topic))
        }
        return MigrationTask(
            name: name, sourceNameServers: sourceNameServers, targetNameServers: targetNameServers, topics: topics,
            quietPeriodSeconds: quietPeriodSeconds)
    }
}
