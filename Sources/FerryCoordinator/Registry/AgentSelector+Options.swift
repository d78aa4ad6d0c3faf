public import ControlProtocol

extension AgentSelector {
    /// The selector of `ferry ctl`'s options: `--agent ID` (repeatable), `--label K=V` (repeatable), `--cluster
    /// NAME` (repeatable). Nil when none is given (every agent). Throws a message naming the bad option.
    public static func fromOptions(
        agents: [String], labels: [String], clusters: [String]
    ) throws(CoordinatorConfigurationError) -> AgentSelector? {
        guard !agents.isEmpty || !labels.isEmpty || !clusters.isEmpty else { return nil }
        var pairs: [String: String] = [:]
        for label in labels {
            guard let equals = label.firstIndex(of: "="), equals != label.startIndex else {
                throw CoordinatorConfigurationError("--label must be KEY=VALUE, got `\(label)`")
            }
            let key = String(label[..<equals])
            guard pairs[key] == nil else { throw CoordinatorConfigurationError("--label \(key) is given twice") }
            pairs[key] = String(label[label.index(after: equals)...])
        }
        if let bad = agents.first(where: { !ControlLine.isValidId($0) }) {
            throw CoordinatorConfigurationError("--agent `\(bad)` is not an agent id (1–64 of A-Z a-z 0-9 - _ . :)")
        }
        return AgentSelector(
            ids: agents.isEmpty ? nil : agents, labels: pairs.isEmpty ? nil : pairs,
            clusters: clusters.isEmpty ? nil : clusters)
    }
}
