// swift-tools-version: 6.1
// libFuzzer targets for Switchboard's parsers, in their own package so the main build and
// `swift test` never see the sanitizer flags. Build and run them with scripts/fuzz.sh; the
// exact build command is in Fuzz/README.md.
import PackageDescription

let fuzzTarget: (String, [Target.Dependency]) -> Target = { name, dependencies in
    .executableTarget(name: name, dependencies: dependencies, path: "Sources/\(name)")
}

let package = Package(
    name: "SwitchboardFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Switchboard", path: "..")],
    targets: [
        fuzzTarget("FuzzWorkspaceLoader", [.product(name: "SwitchboardCore", package: "Switchboard")]),
        fuzzTarget("FuzzWebhookReply", [.product(name: "SwitchboardCore", package: "Switchboard")]),
        fuzzTarget("FuzzMockScript", [.product(name: "SwitchboardCore", package: "Switchboard")]),
        fuzzTarget("FuzzScenarios", [.product(name: "SwitchboardCore", package: "Switchboard")]),
        fuzzTarget("FuzzTheme", [.product(name: "TerminalKit", package: "Switchboard")]),
        fuzzTarget("FuzzKeyDecoder", [.product(name: "TerminalKit", package: "Switchboard")]),
    ]
)
