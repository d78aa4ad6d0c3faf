import RocketMQTestSupport

/// The captured frames copied from `shared/rocketmq-wire/` into `Fixtures/`.
enum Fixtures {
    static func path(_ name: String) -> String {
        let here = #filePath
        let directory = here[..<here.lastIndex(of: "/")!]
        return "\(directory)/Fixtures/\(name).json"
    }

    static func exchange(_ name: String) throws -> CapturedExchange {
        try CapturedExchange(contentsOf: self.path(name))
    }
}
