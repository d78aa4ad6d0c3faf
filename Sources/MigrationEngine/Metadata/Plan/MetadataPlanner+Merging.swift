extension MetadataPlanner {
    /// Merges every source's version of one target resource into one item. Agreeing sources give one
    /// planned item (action `.create` until diffed); disagreeing ones a conflict, unless the operator
    /// preferred a source for this name or for all names.
    func merge(_ candidates: [PlanCandidate]) -> PlanItem {
        let first = candidates[0]
        let origins = candidates.map(\.origin).sorted()
        let planned = candidates.filter { $0.unplanned == nil }.sorted { $0.origin < $1.origin }
        let unplannedNotes = candidates.compactMap { candidate in
            candidate.unplanned.map { "\(candidate.origin.source) (\(candidate.origin.name)): \($0.reason)" }
        }
        guard let winner = planned.first else {
            let action: PlanItem.Action = candidates.contains { $0.unplanned?.action == .failed } ? .failed : .skip
            return PlanItem(
                kind: first.kind, name: first.name, action: action, origins: origins,
                reason: candidates.compactMap(\.unplanned?.reason).joined(separator: "; "))
        }
        var chosen = winner
        var notes = unplannedNotes
        if planned.contains(where: { !$0.agrees(with: winner) }) {
            let summary = planned.map { "\($0.origin.source) (\($0.origin.name)): \($0.settingsSummary)" }
                .joined(separator: "; ")
            let preferred = self.options.preferredSourceByName[winner.name] ?? self.options.preferredSource
            guard let preferred, let pick = planned.first(where: { $0.origin.source == preferred }) else {
                return PlanItem(
                    kind: first.kind, name: first.name, action: .conflict, origins: origins,
                    reason: "sources disagree: \(summary). Pick one with --prefer SOURCE or --prefer "
                        + "\(winner.name)=SOURCE")
            }
            chosen = pick
            notes.append("sources disagree (\(summary)); kept \(preferred)'s as preferred")
        }
        var item = PlanItem(
            kind: chosen.kind, name: chosen.name, action: .create, origins: origins, notes: chosen.notes + notes)
        item.topic = chosen.topic
        item.group = chosen.group
        item.account = chosen.account
        item.offsets = chosen.offsets
        return item
    }
}
