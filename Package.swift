// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        // For the separate Benchmarks/ package, which depends on this one by path.
        .library(name: "SwitchboardCore", targets: ["SwitchboardCore"]),
        .library(name: "SwitchboardApp", targets: ["SwitchboardApp"]),
        .library(name: "TerminalKit", targets: ["TerminalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in the graph through AsyncHTTPClient; named for the TLS fault tests' server.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.0.0"),
    ],
    targets: [
        // Pure core: JSON, model, routing, the webhook contract, validation. No I/O, no UI.
        .target(
            name: "SwitchboardCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Files: reading inputs with errors that name them, atomic writes, recovery state.
        .target(name: "SwitchboardIO", dependencies: ["SwitchboardCore"]),
        // The HTTP edge: transport, signing, the mock webhook server.
        .target(
            name: "SwitchboardWebhook",
            dependencies: [
                "SwitchboardCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Pure UI toolkit: cells, widths, colours, themes, widgets, key bindings.
        .target(name: "TerminalKit"),
        // The only C: ncursesw through a module map and a shim header.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The thin adapter; the only importer of CNCursesW.
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "TerminalKit"]),
        // The SIP endpoint: UDP and TCP listeners over SwiftNIO around the pure SIP core.
        .target(
            name: "SwitchboardSIP",
            dependencies: [
                "SwitchboardCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The app: State, Message, update, view, effects.
        .target(name: "SwitchboardApp", dependencies: ["SwitchboardCore", "SwitchboardIO", "TerminalKit"]),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "SwitchboardCore", "SwitchboardIO", "SwitchboardWebhook", "SwitchboardApp", "TerminalKit", "CursesTerminal",
                "SwitchboardSIP", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SwitchboardCoreTests", dependencies: ["SwitchboardCore"]),
        .testTarget(name: "SwitchboardIOTests", dependencies: ["SwitchboardIO", "SwitchboardCore"]),
        // The SIP user agent with a fake clock: nonce expiry, forgotten transactions, ordering.
        .testTarget(name: "SwitchboardSIPTests", dependencies: ["SwitchboardSIP", "SwitchboardCore"]),
        .testTarget(
            name: "SwitchboardWebhookTests",
            // Crypto directly: the signing tests recompute the HMAC without the code under test.
            // NIOSSL: the fault matrix's self-signed https:// server. NIOEmbedded: the mock's
            // writes, watched without a socket.
            dependencies: [
                "SwitchboardWebhook", "SwitchboardCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalKit"]),
        .testTarget(
            // SwitchboardWebhook: the call runner's tests go through a real socket to the mock webhook.
            name: "SwitchboardAppTests", dependencies: ["SwitchboardApp", "SwitchboardCore", "SwitchboardWebhook", "TerminalKit"],
            // Golden screens, read by path and rewritten only with SWITCHBOARD_RECORD_SNAPSHOTS=1.
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["SwitchboardCore"]),
        // The Fuzz/ harnesses (symbolic links into Fuzz/Sources), run without libFuzzer over their
        // seeds and seeded mutations: the short fuzz run in CI, at no extra build.
        .testTarget(name: "FuzzReplayTests", dependencies: ["SwitchboardCore", "TerminalKit"]),
    ]
)
