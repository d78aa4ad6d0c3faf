/// The benchmarks `ferry-bench NAME…` can run, by name. Adding one is one line here.
let benchmarks: [String: @Sendable () async throws -> Void] = [
    "agents": AgentsBenchmark.run,
    "agent-idle": IdleAgentBenchmark.run,
    "dashboard": DashboardBenchmark.run,
    "hooks": HooksBenchmark.run,
    "hooks-runaway": RunawayHooksBenchmark.run,
    "hostile": HostileInputBenchmark.run,
    "metadata": MetadataBenchmark.run,
    "metrics": MetricsBenchmark.run,
    "proxy": ProxyBenchmark.run,
    "readiness": ReadinessBenchmark.run,
    "remoting": RemotingBenchmark.run,
    "sandbox": SandboxBenchmark.run,
]
