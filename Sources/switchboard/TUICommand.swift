import ArgumentParser
import CursesTerminal
import Foundation
import SwitchboardApp
import SwitchboardCore
import SwitchboardSIP
import TerminalKit

/// `switchboard [tui] [FILES…]`: the terminal UI, and the default command.
///
/// Thin on purpose: read the files exactly as the other commands do, pick the theme and
/// colour depth, start the built-in mock webhook when the project names a script (so the
/// samples' dynamic rules answer while the app is open), start the curses adapter, run
/// ``AppLoop`` on this thread, and restore the terminal on the way out (the adapter also
/// covers signals and `exit`).
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Browse trunks and dispatch rules in the terminal UI (the default command).",
        discussion: "Press ? inside for every key. NO_COLOR turns colour off; SWITCHBOARD_THEME picks a theme."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Theme: a file name in themes/ without .theme, or the name inside it (also SWITCHBOARD_THEME).")
    var theme: String?

    @Option(help: "Colours: auto, never, 16, 256 or truecolor (NO_COLOR in the environment means never).")
    var color: ColorChoice = .auto

    @Flag(help: "Do not capture the mouse, so the terminal can select text (M toggles it inside).")
    var noMouse = false

    @Flag(help: "Browse without making changes.")
    var readOnly = false

    @Flag(help: .private)
    var startupReport = false

    @Flag(help: "Open the LiveKit server's trunks and rules (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).")
    var server = false

    @Option(help: "With --server: the directory the server's lists are pulled into (as `switchboard pull` writes them).")
    var pullDir = "."

    @OptionGroup(title: "LiveKit server (with --server)") var serverOptions: ServerOptions

    @Option(help: "Where the Live calls screen (L) answers real SIP calls, HOST:PORT (port 0 picks a free one).")
    var sipListen = SIPListenAddress(argument: "127.0.0.1:5060")!

    @Option(help: "The Live calls screen's SIP transports: udp, tcp or both.")
    var sipTransport: SIPEndpoint.Transports = .both

    func run() async throws {
        var startup = StartupReport()
        let environment = ProcessInfo.processInfo.environment
        let chosenTheme = try Self.loadTheme(named: theme ?? environment["SWITCHBOARD_THEME"], environment: environment)
        startup.mark("theme")
        let opened = server ? try await ServerStart.open(serverOptions, directory: pullDir, input: self.input) : nil
        let input = opened?.input ?? self.input
        let workspace = try input.loadWorkspace()
        startup.mark("load")
        // Bad arguments and bad files are reported first, even without a terminal.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            await opened?.client.shutdown()
            CLIOutput.error(
                "switchboard: the terminal UI needs a terminal on standard input and output; "
                    + "in scripts use a subcommand (validate, simulate, export, test)")
            throw ExitCode(2)
        }
        // Validation runs in the background once the loop starts (WorkspaceCheck.swift).
        let catalog = WorkspaceCatalog.checkingLater(workspace)
        startup.mark("catalog")
        // Its servers run on their own event-loop threads; the UI loop below keeps this one.
        let webhook = try await WebhookRuntime.start(workspace: workspace, explicitScript: nil)
        startup.mark("mock webhook")

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(
                options: CursesTerminal.Options(colorDepth: color.depth, enableMouse: !noMouse).deferringTermination())
        } catch {
            await webhook.shutdown()
            await opened?.client.shutdown()
            CLIOutput.error("switchboard: \(error)")
            throw ExitCode(2)
        }
        defer { terminal.shutdown() }
        startup.mark("terminal")
        TestTrapHook.startIfRequested(environment: environment)
        let options = TUIRecovery.options(
            AppOptions(readOnly: readOnly, unicode: terminal.supportsUnicode, inputPaths: input.paths, server: opened?.link),
            recoveryPath: TUIRecovery.path(inputs: input.paths, readOnly: readOnly, environment: environment), workspace: workspace)
        var state = AppState(catalog: catalog, options: options, size: terminal.size, mouseEnabled: !noMouse)
        TUIRecovery.offer(&state)
        if let note = opened?.note { state.showToast(note, kind: .warning) }
        let liveCalls = SIPLiveCalls(listen: sipListen, transports: sipTransport, webhook: webhook.context)
        let runner = LiveEffectRunner(
            setMouseReporting: { enabled in
                terminal.setMouseEnabled(enabled)
                return terminal.isMouseEnabled
            },
            copyToClipboard: { text in terminal.copyToClipboard(text, inTmux: environment["TMUX"] != nil) },
            webhook: webhook.context, server: opened.map { (service: $0.client, directory: $0.link.directory) },
            liveCalls: liveCalls)
        // SIGTERM/SIGHUP/SIGINT: the app wrote its recovery file; end as the signal would have.
        var terminationSignal: Int32?
        AppLoop.run(
            state, backend: terminal, theme: chosenTheme, runner: runner,
            terminationRequested: {
                terminationSignal = terminationSignal ?? terminal.takeTerminationRequest()
                return terminationSignal != nil
            },
            afterFirstFrame: {
                startup.mark("first frame")
                return startupReport ? .stop : .continue
            })
        if let terminationSignal { terminal.exitBySignal(terminationSignal) }
        terminal.shutdown()
        await liveCalls.shutdown()
        await webhook.shutdown()
        await opened?.client.shutdown()
        if let warning = terminal.locale.warning { CLIOutput.error(warning) }
        if startupReport { CLIOutput.error(startup.text) }
    }

    /// The named theme, or the bundled Dark one (built in when no theme files are found).
    /// A name that matches nothing, or a theme file with errors, stops with status 2.
    static func loadTheme(named name: String?, environment: [String: String]) throws -> Theme {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let catalog = ThemeCatalog(
            directories: ThemeCatalog.standardDirectories(environment: environment, executablePath: executable))
        guard let name, !name.isEmpty else {
            return (try? catalog.load(named: "dark")) ?? Theme.fallback
        }
        do {
            return try catalog.load(named: name)
        } catch {
            CLIOutput.error("switchboard: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `--color`: `auto` lets the adapter read terminfo, `COLORTERM` and `NO_COLOR`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, never
    case sixteen = "16"
    case twoFiftySix = "256"
    case truecolor

    var depth: ColorDepth? {
        self == .auto ? nil : ColorDepth(argument: rawValue)
    }
}

/// `switchboard bench-tui [FILES…]` (hidden): what one keystroke costs — update, view and the
/// frame diff — with a large configuration, at a large terminal size. Numbers, not a pass/fail.
struct BenchTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-tui", abstract: "Measure the UI's per-keystroke cost.", shouldDisplay: false)

    @Argument(help: "Files to load instead of a generated workspace.")
    var files: [String] = []

    @Option(help: "Rules in the generated workspace (when no files are given).")
    var rules = 100_000

    @Option(help: "Trunks in the generated workspace.")
    var trunks = 1000

    @Option(help: "Terminal size, COLUMNSxROWS.")
    var size = "200x60"

    @Option(help: "Selection moves to time.")
    var moves = 1000

    @Option(help: "Times to run the whole set of keystrokes; the resident memory is printed after each.")
    var rounds = 1

    @Option(help: "Form commits, undos and rule deletes to time (each changes the workspace).")
    var edits = 100

    @Flag(help: "Rebuild the whole catalog on every edit, as before edits patched it (for comparison).")
    var rebuildOnEdit = false

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size must look like 200x60") }
        let started = Date()
        let workspace: Workspace
        if files.isEmpty {
            // The same generator as `switchboard generate`, so the numbers are reproducible.
            var generator = SeededGenerator(seed: 1)
            let output = ConfigurationGenerator(trunks: trunks, rules: rules).generate(using: &generator)
            var generated = Workspace()
            generated.trunks = output.trunks
            generated.rules = output.rules
            workspace = generated
        } else {
            workspace = try InputOptions.parse(files).loadWorkspace()
        }
        WorkspaceCatalog.rebuildsOnEdit = rebuildOnEdit
        let catalog = WorkspaceCatalog(workspace: workspace)
        print(
            "workspace: \(workspace.trunks.count) trunks, \(workspace.rules.count) rules; "
                + "catalog built in \(Int(Date().timeIntervalSince(started) * 1000)) ms (once per load)")
        let benchmark = KeystrokeBenchmark(
            catalog: catalog, size: TerminalSize(columns: parts[0], rows: parts[1]),
            theme: Theme.fallback.adapted(to: .indexed256))
        print("per keystroke (update + view + diff) at \(parts[0])x\(parts[1]):")
        print("memory: \(BenchMemory.residentMB()) MB resident before the keystrokes")
        for round in 1...max(1, rounds) {
            for result in benchmark.runAll(moves: moves, edits: edits) where round == 1 { print("  " + result.summary) }
            print("memory: \(BenchMemory.residentMB()) MB resident after round \(round)")
        }
    }
}
