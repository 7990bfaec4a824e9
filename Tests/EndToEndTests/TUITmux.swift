import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private tmux server for driving the real `switchboard` binary in a real terminal.
///
/// Two traps of launching tmux from a test process, both avoided here (see tui-notes.md):
/// `Foundation.Process` leaves its exit-detection descriptor to the tmux daemon, so waiting
/// never returns — tmux is started with `posix_spawn` and its output goes to a file; and test
/// threads block signals, which children inherit, so the app would never see SIGWINCH — the
/// spawn attributes reset the signal mask and dispositions.
final class TUITmux {
    let socket: String
    let session = "sb"
    private let scratch: URL

    init() {
        socket = "sbtui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit {
        kill()
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Starts a detached session of `columns`×`rows` running `command` in `/bin/sh`.
    @discardableResult
    func start(columns: Int, rows: Int, command: String) -> Int32 {
        tmux(["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", "/bin/sh", "-c", command])
    }

    func sendKeys(_ keys: String...) {
        tmux(["send-keys", "-t", session] + keys)
    }

    func resize(columns: Int, rows: Int) {
        tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The pane's text now.
    func capture() -> String {
        let file = scratch.appendingPathComponent("capture.txt")
        tmux(["capture-pane", "-p", "-J", "-t", session], output: file.path)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// Polls the pane until `condition` holds or `seconds` pass; returns the last capture and
    /// whether the condition held. A deadline, never a fixed sleep: fast machines go fast.
    func waitFor(seconds: Double = 15, _ condition: (String) -> Bool) -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture()
        while !condition(screen) {
            guard Date() < deadline else { return (screen, false) }
            usleep(40_000)
            screen = capture()
        }
        return (screen, true)
    }

    /// Stops the server and removes its socket file, which tmux leaves behind.
    func kill() {
        tmux(["kill-server"])
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }

    /// Runs one tmux client command to completion.
    @discardableResult
    func tmux(_ arguments: [String], output: String = "/dev/null") -> Int32 {
        let argv = ["tmux", "-u", "-L", socket, "-f", "/dev/null"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm-256color"
        // The app keeps unsaved edits under XDG_STATE_HOME: a test's edits must never land in
        // (or be offered from) the user's own state directory. Tests that check recovery set
        // their own directory in the command, which wins.
        environment["XDG_STATE_HOME"] = scratch.appendingPathComponent("state").path
        return Self.spawnAndWait(argv, environment: environment, output: output)
    }

    static func spawnAndWait(_ arguments: [String], environment: [String: String], output: String) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }
}
