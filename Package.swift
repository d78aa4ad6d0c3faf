// swift-tools-version: 6.1
import PackageDescription

/// Swift 6 language mode everywhere, plus the upcoming features the STYLE guide asks for.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Ferry",
    platforms: [.macOS(.v15)],
    products: [
        // (each module adds its product here)
        .library(name: "RocketMQRemoting", targets: ["RocketMQRemoting"]),
        .library(name: "RocketMQClient", targets: ["RocketMQClient"]),
        .library(name: "MigrationEngine", targets: ["MigrationEngine"]),
        .library(name: "MigrationStore", targets: ["MigrationStore"]),
        .library(name: "YAMLDiagnostics", targets: ["YAMLDiagnostics"]),
        .library(name: "MetadataMigration", targets: ["MetadataMigration"]),
        .library(name: "RocketMQServer", targets: ["RocketMQServer"]),
        .library(name: "RocketMQSandbox", targets: ["RocketMQSandbox"]),
        .library(name: "HookRuntime", targets: ["HookRuntime"]),
        .library(name: "TrafficMigration", targets: ["TrafficMigration"]),
        .library(name: "TrafficReadiness", targets: ["TrafficReadiness"]),
        .library(name: "NameServerProxy", targets: ["NameServerProxy"]),
        .library(name: "ControlProtocol", targets: ["ControlProtocol"]),
        .library(name: "FerryMetrics", targets: ["FerryMetrics"]),
        .library(name: "FerryAgent", targets: ["FerryAgent"]),
        .library(name: "FerryCoordinator", targets: ["FerryCoordinator"]),
        .library(name: "FerryDashboard", targets: ["FerryDashboard"]),
        .library(name: "LiveDemo", targets: ["LiveDemo"]),
        .executable(name: "ferry", targets: ["ferry"]),
        .executable(name: "ferry-agent", targets: ["ferry-agent"]),
        .executable(name: "ferry-coordinator", targets: ["ferry-coordinator"]),
        .executable(name: "ferry-bench", targets: ["FerryBench"]),
        .plugin(name: "CheckHooksPlugin", targets: ["CheckHooksPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        // MARK: Lua hook runtime
        .systemLibrary(
            name: "CLua",
            path: "Sources/CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(
            name: "CLuaSandbox",
            dependencies: ["CLua"]
        ),
        .target(
            name: "HookRuntime",
            dependencies: [
                "CLua",
                "CLuaSandbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HookRuntimeTests",
            dependencies: [
                "HookRuntime",
                "CLua",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "CheckHooksPlugin",
            capability: .command(
                intent: .custom(verb: "check-hooks", description: "Check Ferry Lua hook scripts (default: hooks or scripts/hooks)")
            ),
            dependencies: ["ferry"]
        ),

        // MARK: RocketMQ wire layer
        // (added by the remoting work)
        .target(
            name: "RocketMQRemoting",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RocketMQRemotingTests",
            dependencies: [
                "RocketMQRemoting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),

        // MARK: RocketMQ client
        .target(
            name: "RocketMQClient",
            dependencies: [
                "RocketMQRemoting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RocketMQTestSupport",
            dependencies: [
                "RocketMQRemoting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RocketMQClientTests",
            dependencies: [
                "RocketMQClient",
                "RocketMQRemoting",
                "RocketMQTestSupport",
                "RocketMQSandbox",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),

        // MARK: Remoting server (shared by the sandbox and the routing proxy)
        .target(
            name: "RocketMQServer",
            dependencies: [
                "RocketMQRemoting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RocketMQServerTests",
            dependencies: [
                "RocketMQServer",
                "RocketMQRemoting",
                "RocketMQTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Sandbox clusters
        .target(
            name: "RocketMQSandbox",
            dependencies: [
                "RocketMQRemoting",
                "RocketMQServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RocketMQSandboxTests",
            dependencies: [
                "RocketMQSandbox",
                "RocketMQRemoting",
                "RocketMQClient",
                "RocketMQTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),

        // MARK: Migration (metadata export / plan / import)
        .target(
            name: "MigrationEngine",
            dependencies: ["RocketMQRemoting", "HookRuntime"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MigrationEngineTests",
            dependencies: [
                "MigrationEngine", "HookRuntime", "RocketMQRemoting", .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "YAMLDiagnostics",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MetadataMigration",
            dependencies: [
                "MigrationEngine", "MigrationStore", "RocketMQRemoting", "RocketMQClient", "YAMLDiagnostics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetadataMigrationTests",
            dependencies: [
                "MetadataMigration", "MigrationEngine", "MigrationStore", "HookRuntime", "RocketMQSandbox",
                "RocketMQClient", "RocketMQRemoting", .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MigrationStore",
            dependencies: ["MigrationEngine", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MigrationStoreTests",
            dependencies: ["MigrationStore", "MigrationEngine", "RocketMQRemoting"],
            swiftSettings: swiftSettings
        ),

        // MARK: Traffic migration (stage steps, status, preview over live clusters)
        .target(
            name: "TrafficMigration",
            dependencies: [
                "MigrationEngine", "MigrationStore", "RocketMQClient", "RocketMQRemoting",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrafficMigrationTests",
            dependencies: [
                "TrafficMigration", "MigrationEngine", "MigrationStore", "RocketMQClient", "RocketMQRemoting",
                "RocketMQSandbox", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Routing proxy (traffic switching)
        .target(
            name: "NameServerProxy",
            dependencies: [
                "RocketMQRemoting", "RocketMQClient", "RocketMQServer", "MigrationEngine", "MigrationStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NameServerProxyTests",
            dependencies: [
                "NameServerProxy", "RocketMQSandbox", "RocketMQClient", "RocketMQRemoting", "MigrationEngine", "MigrationStore",
                "TrafficMigration", "TrafficReadiness", "RocketMQTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Readiness facts gathering (issue 9)
        .target(
            name: "TrafficReadiness",
            dependencies: [
                "MigrationEngine", "HookRuntime", "RocketMQClient", "RocketMQRemoting", "MigrationStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrafficReadinessTests",
            dependencies: [
                "TrafficReadiness", "MigrationEngine", "HookRuntime", "RocketMQClient", "RocketMQRemoting",
                "RocketMQSandbox", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables
        .executableTarget(
            name: "ferry",
            dependencies: [
                "HookRuntime",
                "RocketMQClient",
                "RocketMQRemoting",
                "RocketMQSandbox",
                "MetadataMigration",
                "MigrationEngine",
                "MigrationStore",
                "TrafficMigration",
                "TrafficReadiness",
                "NameServerProxy",
                "ControlProtocol",
                "LiveDemo",
                "FerryCoordinator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ferry-agent",
            dependencies: [
                "FerryAgent", "FerryMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ferry-coordinator",
            dependencies: [
                "FerryCoordinator", "FerryDashboard", "FerryMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "FerryBench",
            dependencies: [
                "HookRuntime",
                "MetadataMigration",
                "MigrationEngine",
                "MigrationStore",
                "NameServerProxy",
                "RocketMQClient",
                "RocketMQRemoting",
                "RocketMQSandbox",
                "TrafficReadiness",
                "TrafficMigration",
                "ControlProtocol",
                "FerryCoordinator",
                "FerryDashboard",
                "FerryMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Agent–coordinator line protocol
        .target(
            name: "ControlProtocol",
            dependencies: [
                "MigrationEngine", "MigrationStore", "TrafficMigration",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ControlProtocolTests",
            dependencies: [
                "ControlProtocol", "MigrationEngine", "TrafficMigration",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Metrics (Prometheus exposition on /metrics)
        .target(
            name: "FerryMetrics",
            dependencies: [
                "ControlProtocol", "MigrationEngine", "TrafficMigration",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FerryMetricsTests",
            dependencies: [
                "FerryMetrics", "ControlProtocol", "MigrationEngine", "TrafficMigration", "HookRuntime",
                "NameServerProxy", "RocketMQSandbox", "RocketMQClient", "RocketMQRemoting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: The daemons
        .target(
            name: "FerryAgent",
            dependencies: [
                "ControlProtocol", "FerryMetrics", "HookRuntime", "MetadataMigration", "MigrationEngine",
                "MigrationStore", "NameServerProxy", "RocketMQClient", "TrafficMigration", "TrafficReadiness",
                "RocketMQRemoting", "YAMLDiagnostics",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FerryAgentTests",
            dependencies: [
                "FerryAgent", "ControlProtocol", "MigrationEngine", "MigrationStore", "RocketMQClient",
                "RocketMQSandbox", "TrafficMigration", "RocketMQRemoting", "NameServerProxy",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FerryCoordinator",
            dependencies: [
                "ControlProtocol", "FerryMetrics", "MigrationStore",
                "MigrationEngine", "TrafficMigration", "FerryDashboard", "YAMLDiagnostics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FerryCoordinatorTests",
            dependencies: [
                "FerryCoordinator", "ControlProtocol", "MigrationStore",
                "MigrationEngine", "TrafficMigration",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FerryDashboard",
            dependencies: [
                "ControlProtocol", "FerryMetrics",
                "MigrationEngine", "MigrationStore", "TrafficMigration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FerryDashboardTests",
            dependencies: [
                "FerryDashboard", "ControlProtocol",
                "MigrationEngine", "MigrationStore", "TrafficMigration",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LiveDemo",
            dependencies: [
                "ControlProtocol", "FerryAgent", "FerryCoordinator", "MigrationEngine", "RocketMQClient",
                "RocketMQRemoting", "RocketMQSandbox", "TrafficMigration",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LiveDemoTests",
            dependencies: [
                "LiveDemo", "ControlProtocol", "RocketMQSandbox", "MigrationEngine", "FerryDashboard",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
