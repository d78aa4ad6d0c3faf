import HookRuntime

/// Facts as the Lua hooks see them, in `ctx.facts` beside the standard keys (`backlog`, `clients`,
/// `write_tps`, `last_write_time`):
///
/// `retry_backlog` (group → messages), `quiet_seconds` (source, absent before a sample),
/// `pending_delayed`, `pending_half` (absent when unknown), `target_reachable` (bool),
/// `consumers` (group → {source=n, target=n}), `producers_off_proxy` (hosts not yet on the proxy),
/// and, for `health` only, `checks` (built-in name → {ok, reason}).
enum HookFacts {
    /// The extra facts of `facts` at `now` (Unix milliseconds).
    static func lua(_ facts: TopicFacts, now: Int64) -> [String: LuaValue] {
        var table: [String: LuaValue] = [
            "retry_backlog": .fields(facts.groups.reduce(into: [:]) { $0[$1.group] = .integer($1.sourceRetryBacklog) }),
            "target_reachable": .boolean(facts.targetUnreachable == nil),
            "consumers": .fields(
                facts.groups.reduce(into: [:]) {
                    $0[$1.group] = [
                        "source": .integer(Int64($1.sourceClients.count)), "target": .integer(Int64($1.targetClients.count)),
                    ]
                }),
        ]
        if let quiet = facts.sourceWrites.quietMillis(now: now) { table["quiet_seconds"] = .integer(quiet / 1000) }
        if let delayed = facts.pendingDelayed { table["pending_delayed"] = .integer(delayed) }
        if let half = facts.pendingHalf { table["pending_half"] = .integer(half) }
        return table
    }

    /// Clients per cluster: distinct consumer and producer addresses on the source, consumers on the target.
    static func clientCounts(_ facts: TopicFacts) -> [String: Int] {
        let source = Set(facts.groups.flatMap(\.sourceClients) + facts.producers.flatMap(\.sourceClients))
        return ["source": source.count, "target": Set(facts.groups.flatMap(\.targetClients)).count]
    }
}
