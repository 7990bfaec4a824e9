// swift-tools-version: 6.1
import PackageDescription

// SWITCHBOARD_BENCH_CORE_ONLY=1 leaves out the TUI benchmarks and the app targets they need:
// the core benchmarks then build while the app is mid-change.
let coreOnly = Context.environment["SWITCHBOARD_BENCH_CORE_ONLY"] != nil

// Micro benchmarks, kept in their own package so `swift test` and CI never build the benchmark
// dependencies. Run from the repository root:
//
//     swift package --package-path Benchmarks --scratch-path Benchmarks/.build benchmark
let package = Package(
    name: "SwitchboardBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Switchboard", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SwitchboardBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SwitchboardCore", package: "Switchboard"),
            ]
                + (coreOnly
                    ? []
                    : [
                        .product(name: "SwitchboardApp", package: "Switchboard"),
                        .product(name: "TerminalKit", package: "Switchboard"),
                    ]),
            path: "Benchmarks/SwitchboardBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
