import FerryDashboard
import Foundation
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The dashboard's task page over HTTP with 5 agents × 2,000 topics of one task (10,000 rows), every row with a
/// full sparkline ring: prints the response time (median and p95 of 20 reads) and the size of the page's data
/// (the page the browser loads: the default page of rows, and the largest page allowed), of the whole table read
/// page by page, and of the agents strip. Targets: under 200 ms and under 2 MB.
enum DashboardBenchmark {
    static let agents = 5
    static let topicsPerAgent = 2_000
    static let samples = 30
    static let reads = 20

    static func run() async throws {
        var logger = Logger(label: "ferry.bench")
        logger.logLevel = .warning
        let backend = try SimulatedDashboardBackend(agents: agents, topicsPerAgent: topicsPerAgent)
        let dashboard = Dashboard(
            backend: backend, configuration: DashboardConfiguration(port: 0, samplesPerTopic: samples), logger: logger)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task { try await dashboard.run { portContinuation.yield($0) } }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw BenchError.serverDidNotStart }
        let base = "http://127.0.0.1:\(port)"

        // Fill every topic's sparkline ring: each tick is a new state of every agent, recorded on the next read.
        for _ in 0...samples {
            backend.tick()
            _ = try await fetch("\(base)/api/tasks")
        }
        let task = "/api/task?name=\(SimulatedDashboardBackend.task)"
        let wholeTable = (0..<(agents * topicsPerAgent + TaskPageQuery.defaultLimit - 1) / TaskPageQuery.defaultLimit).map {
            "\(task)&offset=\($0 * TaskPageQuery.defaultLimit)"
        }
        let targets: [(String, [String])] = [
            ("task page (default \(TaskPageQuery.defaultLimit) rows)", [task]),
            ("task page (largest, \(TaskPageQuery.maxLimit) rows)", ["\(task)&limit=\(TaskPageQuery.maxLimit)"]),
            ("whole task table (\(wholeTable.count) pages)", wholeTable), ("agents", ["/api/agents"]),
        ]
        for (name, paths) in targets {
            var times: [Duration] = []
            var size = 0
            for _ in 0..<reads {
                let start = ContinuousClock.now
                size = 0
                for path in paths { size += try await fetch(base + path).count }
                times.append(ContinuousClock.now - start)
            }
            times.sort()
            let median = times[times.count / 2].inSeconds * 1_000
            let p95 = times[min(times.count - 1, times.count * 95 / 100)].inSeconds * 1_000
            print(
                String(
                    format: "%@ (%d agents × %d topics): median %.1f ms, p95 %.1f ms, %.2f MB (%d bytes)", name, agents,
                    topicsPerAgent, median, p95, Double(size) / 1_048_576, size))
        }
    }

    private static func fetch(_ address: String) async throws -> Data {
        guard let url = URL(string: address) else { throw BenchError.badURL(address) }
        let (data, response) = try await URLSession.shared.data(from: url)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw BenchError.badStatus(address) }
        return data
    }

    enum BenchError: Error {
        case serverDidNotStart
        case badURL(String)
        case badStatus(String)
    }
}

/// `ferry-bench dashboard-serve`: the dashboard over simulated agents (3 × 12 topics, traffic every 2 s) on
/// `FERRY_DASHBOARD_PORT` (default 7901), operator `demo` with token `FERRY_DASHBOARD_TOKEN`, until SIGTERM: the page
/// with several agents and no cluster (`scripts/dashboard-check.sh URL TOKEN` can check it; by default the check
/// runs against the live demo).
enum DashboardServe {
    static func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let port = environment["FERRY_DASHBOARD_PORT"].flatMap(Int.init) ?? 7901
        let token = environment["FERRY_DASHBOARD_TOKEN"] ?? "demo-operator-token"
        let backend = try SimulatedDashboardBackend(agents: 3, topicsPerAgent: 12)
        let dashboard = Dashboard(
            backend: backend, configuration: DashboardConfiguration(port: port, operatorTokens: ["demo": token]),
            logger: Logger(label: "ferry.dashboard"))
        let ticker = Task {
            while !Task.isCancelled {
                backend.tick()
                try await Task.sleep(for: .seconds(2))
            }
        }
        defer { ticker.cancel() }
        try await dashboard.run { port in print("dashboard: http://127.0.0.1:\(port)/") }
    }
}
