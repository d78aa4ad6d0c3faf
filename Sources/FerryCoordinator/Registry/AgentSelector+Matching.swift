public import ControlProtocol

extension AgentSelector {
    /// Whether an agent with this id, labels and cluster is selected: every given field must match (an id in
    /// ``ids``, every label of ``labels`` with the same value, the cluster in ``clusters``); nil or empty fields
    /// match every agent.
    public func matches(agentId: String, labels: [String: String], cluster: String) -> Bool {
        if let ids = self.ids, !ids.isEmpty, !ids.contains(agentId) { return false }
        if let clusters = self.clusters, !clusters.isEmpty, !clusters.contains(cluster) { return false }
        if let wanted = self.labels {
            for (key, value) in wanted where labels[key] != value { return false }
        }
        return true
    }
}
