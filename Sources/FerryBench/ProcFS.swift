import Foundation

/// What the benchmarks read about processes: sibling executables, and figures from /proc (Linux).
enum ProcFS {
    /// The executable `name` beside `ferry-bench` (a build puts every product in one directory), or nil.
    static func executable(_ name: String) -> URL? {
        guard let bench = Bundle.main.executableURL else { return nil }
        let candidate = bench.deletingLastPathComponent().appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// A `kB` field of /proc/PID/status (`VmRSS`, `VmHWM`; this process when `pid` is nil), KiB; 0 when unreadable.
    static func statusKiB(_ field: String, pid: Int32? = nil) -> Int {
        let path = "/proc/\(pid.map(String.init) ?? "self")/status"
        guard let status = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("\(field):") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// User + system CPU ticks of `pid` (fields 14 and 15 of /proc/PID/stat, counted after the `)` that ends the
    /// command name); 0 when unreadable.
    static func cpuTicks(pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name, field 3 (state) is fields[0]: utime (14) and stime (15) are fields[11] and fields[12].
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    /// Clock ticks per second (the unit of ``cpuTicks(pid:)``).
    static var ticksPerSecond: Int { sysconf(Int32(_SC_CLK_TCK)) }
}
