/// The benchmarks `ferry-bench NAME…` can run, by name. Adding one is one line here.
let benchmarks: [String: @Sendable () async throws -> Void] = [
    "hooks": HooksBenchmark.run,
    "metadata": MetadataBenchmark.run,
    "proxy": ProxyBenchmark.run,
    "remoting": RemotingBenchmark.run,
    "sandbox": SandboxBenchmark.run,
]
