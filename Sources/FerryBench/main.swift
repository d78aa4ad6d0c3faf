// ferry-bench NAME…: runs the named benchmarks (all of them without a name) and prints figures.
import Foundation

let requested = Array(CommandLine.arguments.dropFirst())
// `ferry-bench dashboard-serve` is a server, not a benchmark: it runs until SIGTERM (scripts/dashboard-check.sh).
if requested == ["dashboard-serve"] {
    try await DashboardServe.run()
    exit(0)
}
let names = requested.isEmpty ? benchmarks.keys.sorted() : requested
if let unknown = names.first(where: { benchmarks[$0] == nil }) {
    print("unknown benchmark '\(unknown)'; available: \(benchmarks.keys.sorted().joined(separator: ", "))")
    exit(2)
}
for name in names {
    print("== \(name)")
    try await benchmarks[name]!()
}
