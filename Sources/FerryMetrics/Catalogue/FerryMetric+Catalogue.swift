extension FerryMetric {
    /// Every family Ferry exports, in `docs/metrics.md` order.
    public static let catalogue: [FerryMetric] = [
        proxyRequests, proxyRequestDuration,
        hookCalls, hookErrors, hookDuration,
        importItems,
        agentStateTimestamp, topicStage, taskTopics, readinessChecks, taskMessagesWritten, topicBacklog,
        groupMessagesConsumed, groupBacklog, taskClients, proxyUpstreamReachable, proxyCachedTopics, topicsDropped,
        groupsDropped,
        coordinatorAgents, coordinatorCommandOutcomes,
    ]

    /// The catalogue by family name.
    public static let byName: [String: FerryMetric] = catalogue.reduce(into: [:]) { $0[$1.name] = $1 }

    // MARK: Routing proxy (NameServerProxy)

    /// Requests the routing proxy answered, by request code and outcome.
    public static let proxyRequests = FerryMetric(
        name: "ferry_proxy_requests_total", kind: .counter,
        help: "Requests the routing proxy received, by RocketMQ request code and outcome.",
        labels: ["code", "outcome"])
    /// How long the proxy took to answer, by path (fast: cached route on the event loop; async: everything else).
    public static let proxyRequestDuration = FerryMetric(
        name: "ferry_proxy_request_duration_seconds", kind: .histogram,
        help: "Time the routing proxy took to answer a request, by path (fast: cached route, async: the rest).",
        labels: ["path"],
        buckets: [
            .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250),
            .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(10), .milliseconds(50),
            .milliseconds(250), .seconds(1), .seconds(3),
        ])

    // MARK: Lua hooks (HookRuntime)

    /// Calls into hooks some script defines.
    public static let hookCalls = FerryMetric(
        name: "ferry_hook_calls_total", kind: .counter,
        help: "Calls of a Lua hook that at least one script defines, by hook.", labels: ["hook"])
    /// Hook calls that failed.
    public static let hookErrors = FerryMetric(
        name: "ferry_hook_errors_total", kind: .counter,
        help: "Lua hook calls that failed, by hook and error code (runtime, deadline, wrongShape...).",
        labels: ["hook", "code"])
    /// How long hook calls took.
    public static let hookDuration = FerryMetric(
        name: "ferry_hook_duration_seconds", kind: .histogram,
        help: "Time a Lua hook call took (every script defining it), by hook.", labels: ["hook"],
        buckets: [
            .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10),
            .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
        ])

    // MARK: Metadata import (MetadataMigration)

    /// Plan items the import finished.
    public static let importItems = FerryMetric(
        name: "ferry_import_items_total", kind: .counter,
        help: "Metadata plan items the import finished, by kind (topic, group, aclAccount, consumerOffsets) and outcome.",
        labels: ["kind", "outcome"])

    // MARK: Agent state (AgentMetrics)

    /// When the agent took the state last published.
    public static let agentStateTimestamp = FerryMetric(
        name: "ferry_agent_state_timestamp_seconds", kind: .gauge,
        help: "Unix time at which the agent took the state last published.", labels: ["agent"])
    /// Each topic's committed stage.
    public static let topicStage = FerryMetric(
        name: "ferry_topic_stage", kind: .gauge,
        help: "A topic's committed migration stage: 0 initial, 1 dual-read, 2 dual-read-write, 3 cutting-over, 4 completed.",
        labels: ["agent", "task", "topic"])
    /// Topics per stage.
    public static let taskTopics = FerryMetric(
        name: "ferry_task_topics", kind: .gauge,
        help: "Topics of a task at each stage (every topic, even past the topic series cap).",
        labels: ["agent", "task", "stage"])
    /// Readiness checks passing and failing.
    public static let readinessChecks = FerryMetric(
        name: "ferry_readiness_checks", kind: .gauge,
        help: "Topics whose next step's readiness check passes or fails, by check.",
        labels: ["agent", "task", "check", "result"])
    /// Messages written per side.
    public static let taskMessagesWritten = FerryMetric(
        name: "ferry_task_messages_written", kind: .gauge,
        help: "Messages written to a task's topics on one side since each topic's stage last changed (broker offsets).",
        labels: ["agent", "task", "side"])
    /// Unconsumed messages of a topic's groups.
    public static let topicBacklog = FerryMetric(
        name: "ferry_topic_backlog_messages", kind: .gauge,
        help: "Messages of a topic not yet consumed by its groups (queue: topic or retry), from the last readiness pass.",
        labels: ["agent", "task", "topic", "side", "queue"])
    /// A consumer group's committed offsets on one side.
    public static let groupMessagesConsumed = FerryMetric(
        name: "ferry_group_messages_consumed", kind: .gauge,
        help: "Messages of a topic a consumer group has consumed on one side: its committed offsets summed over the queues (broker offsets, last readiness pass).",
        labels: ["agent", "task", "topic", "group", "side"])
    /// A consumer group's backlog on one side.
    public static let groupBacklog = FerryMetric(
        name: "ferry_group_backlog_messages", kind: .gauge,
        help: "Messages of a topic written on one side and not yet consumed by a consumer group (broker offset minus consumer offset, last readiness pass).",
        labels: ["agent", "task", "topic", "group", "side"])
    /// Clients on the proxy vs on the source only.
    public static let taskClients = FerryMetric(
        name: "ferry_task_clients", kind: .gauge,
        help: "Clients of a task's topics that query the routing proxy (proxy) or still only the source (source), summed over topics.",
        labels: ["agent", "task", "location"])
    /// Upstream reachability of the agent's proxy.
    public static let proxyUpstreamReachable = FerryMetric(
        name: "ferry_proxy_upstream_reachable", kind: .gauge,
        help: "1 when the routing proxy's last route refresh reached that side's NameServers, else 0.",
        labels: ["agent", "side"])
    /// Routes cached by the agent's proxy.
    public static let proxyCachedTopics = FerryMetric(
        name: "ferry_proxy_cached_topics", kind: .gauge,
        help: "Topics whose routes the routing proxy holds.", labels: ["agent"])
    /// Topics left out of the per-topic series.
    public static let topicsDropped = FerryMetric(
        name: "ferry_metrics_topics_dropped", kind: .gauge,
        help: "Topics of the agent exported without per-topic series because the topic series cap was reached.",
        labels: ["agent"])

    /// Consumer groups left out of the per-group series.
    public static let groupsDropped = FerryMetric(
        name: "ferry_metrics_groups_dropped", kind: .gauge,
        help: "Consumer groups of exported topics left without per-group series because a topic had more than the per-topic group cap.",
        labels: ["agent"])

    // MARK: Coordinator (CoordinatorMetrics)

    /// Agents known to the coordinator.
    public static let coordinatorAgents = FerryMetric(
        name: "ferry_coordinator_agents", kind: .gauge,
        help: "Agents the coordinator knows, by state (connected, disconnected).", labels: ["state"])
    /// How dispatched commands ended.
    public static let coordinatorCommandOutcomes = FerryMetric(
        name: "ferry_coordinator_command_outcomes_total", kind: .counter,
        help: "Per-agent outcomes of dispatched commands, by action and status (succeeded, failed, timedOut, offline).",
        labels: ["action", "status"])
}
