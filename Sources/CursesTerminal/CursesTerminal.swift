import CNCursesW
import Glibc
import TerminalKit

/// The ncursesw implementation of ``TerminalBackend``: paints cell diffs and reads keys.
///
/// The only code that imports the C module. Everything it decides is small on purpose; the
/// screen content, widths and colours were all decided in TerminalKit. Not thread-safe (neither
/// is ncurses): create, use and shut it down on one thread.
public final class CursesTerminal: TerminalBackend {
    public struct Options: Sendable {
        /// Terminal type; `nil` uses `$TERM`.
        public var terminalType: String?
        /// Read keys from this path instead of standard input (tests use `/dev/null`).
        public var inputPath: String?
        /// Write output to this path instead of standard output (tests use `/dev/null`).
        public var outputPath: String?
        /// A depth the user asked for (`--color`); never more than the terminal supports.
        /// `nil` detects it (`NO_COLOR`, terminfo).
        public var colorDepth: ColorDepth?
        /// Start with mouse reporting on (wheel and clicks); users turn it off to select text.
        public var enableMouse: Bool
        /// Restore the terminal on SIGINT/SIGTERM/SIGHUP (see ``TerminalRestore``).
        public var handleSignals: Bool
        /// SIGTERM, SIGHUP and SIGINT only ask the app to end (``CursesTerminal/takeTerminationRequest()``),
        /// so it can save first; see ``TerminationRequest``. Needs `handleSignals`.
        public var deferTermination = false
        /// The process environment, injectable for tests.
        public var environment: [String: String]

        public init(
            terminalType: String? = nil, inputPath: String? = nil, outputPath: String? = nil,
            colorDepth: ColorDepth? = nil, enableMouse: Bool = false, handleSignals: Bool = true,
            environment: [String: String] = CursesTerminal.processEnvironment()
        ) {
            self.terminalType = terminalType
            self.inputPath = inputPath
            self.outputPath = outputPath
            self.colorDepth = colorDepth
            self.enableMouse = enableMouse
            self.handleSignals = handleSignals
            self.environment = environment
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case cannotOpen(String)
        case unknownTerminal(String)

        public var description: String {
            switch self {
            case .cannotOpen(let path): return "cannot open \(path) for the terminal"
            case .unknownTerminal(let type):
                return "cannot start the terminal UI: terminal type \"\(type)\" is unknown to terminfo "
                    + "(set TERM, e.g. TERM=xterm-256color, or use the command-line subcommands)"
            }
        }
    }

    public let locale: LocaleStatus
    public private(set) var colorDepth: ColorDepth
    public var supportsUnicode: Bool { locale.isUTF8 }
    public private(set) var isMouseEnabled = false

    private var screen: OpaquePointer?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private(set) var outputFile: UnsafeMutablePointer<FILE>?
    private var savedSignalActions: [Int32: sigaction] = [:]
    private var colors: CursesColors
    private var lastPaintedSize: TerminalSize?
    private var isActive = false
    /// Whether the FILE streams were opened here (and so are closed here).
    private var ownsInput = false
    private var ownsOutput = false

    /// Sets the locale, starts ncurses and configures modes and colours.
    public init(options: Options = Options()) throws {
        locale = LocaleStatus.configure()
        if options.handleSignals {
            savedSignalActions = TerminalRestore.installSignalHandlers()
            if options.deferTermination { TerminationRequest.install() }
        }
        func open(
            _ path: String?, _ mode: String, _ fallback: UnsafeMutablePointer<FILE>?
        ) throws
            -> UnsafeMutablePointer<FILE>?
        {
            guard let path else { return fallback }
            guard let file = fopen(path, mode) else { throw StartError.cannotOpen(path) }
            return file
        }
        do {
            inputFile = try open(options.inputPath, "r", sb_stdin())
            outputFile = try open(options.outputPath, "w", sb_stdout())
        } catch {
            TerminalRestore.restoreSignalHandlers(savedSignalActions)
            throw error
        }
        let type = options.terminalType ?? options.environment["TERM"] ?? "dumb"
        // The modes before curses changes them, for the crash handler (CrashRestore.swift).
        let crashModes = options.handleSignals ? CrashRestore.saveModes(of: outputFile) : nil
        screen = newterm(type, outputFile, inputFile)
        guard let screen else {
            TerminalRestore.restoreSignalHandlers(savedSignalActions)
            if options.inputPath != nil, let inputFile { fclose(inputFile) }
            if options.outputPath != nil, let outputFile { fclose(outputFile) }
            throw StartError.unknownTerminal(type)
        }
        set_term(screen)
        isActive = true
        TerminalRestore.setCursesActive(true)
        if let crashModes { CrashRestore.arm(modes: crashModes) }
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(sb_stdscr(), true)
        _ = intrflush(sb_stdscr(), false)
        // ctrl+s (save), ctrl+q and ctrl+z (undo) must reach the app, not pause or stop it.
        // def_prog_mode makes curses keep this (its later mode changes start from it); the
        // shell's modes, IXON included, come back on the way out.
        if let inputFile {
            TerminalModes.freeEditingKeys(fileno(inputFile))
            _ = def_prog_mode()
        }
        _ = curs_set(0)
        if options.environment["ESCDELAY"] == nil { _ = set_escdelay(25) }
        colors = CursesColors(depth: .none)
        colorDepth = .none
        let started = startColors(options)
        colorDepth = started.depth
        colors = CursesColors(depth: started.depth, usesDefaultColors: started.usesDefaultColors)
        if options.enableMouse { setMouseEnabled(true) }
        ownsInput = options.inputPath != nil
        ownsOutput = options.outputPath != nil
    }

    deinit {
        shutdown()
    }

    /// The process environment as a dictionary (the default for ``Options``).
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// Colours per the notes: none at all under `NO_COLOR` or when the user asked for none
    /// (`start_color` is never called); otherwise `start_color` + `use_default_colors`, and a
    /// depth no richer than what terminfo reports.
    private func startColors(_ options: Options) -> (depth: ColorDepth, usesDefaultColors: Bool) {
        let environmentDepth = ColorDepth.detect(environment: options.environment, colors: 0x100_0000)
        if options.colorDepth == ColorDepth.none || environmentDepth == .none || !has_colors() {
            return (.none, true)
        }
        guard start_color() != ERR else { return (.none, true) }
        // Without default-colour support, "the terminal's own colour" falls back to white on black.
        let usesDefaultColors = use_default_colors() != ERR
        let capability = ColorDepth.detect(environment: [:], colors: Int(sb_colors()))
        return (min(options.colorDepth ?? capability, capability), usesDefaultColors)
    }

    // MARK: TerminalBackend

    public var size: TerminalSize {
        guard isActive else { return TerminalSize(columns: 0, rows: 0) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        sb_getmaxyx(sb_stdscr(), &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    /// Paints only the cells in `diff`, then flushes once (`wnoutrefresh` + `doupdate`).
    public func paint(_ diff: GridDiff) {
        guard isActive, let window = sb_stdscr() else { return }
        let currentSize = size
        if diff.isFullRepaint || lastPaintedSize != currentSize {
            _ = werase(window)
            _ = clearok(window, true)
        }
        lastPaintedSize = currentSize
        var cell = cchar_t()
        var text = [wchar_t](repeating: 0, count: Int(sb_ccharw_max()) + 1)
        for run in diff.runs where run.row < currentSize.rows {
            for (offset, source) in run.cells.enumerated() where !source.isContinuation {
                let column = run.column + offset
                guard column < currentSize.columns else { break }
                fill(&text, with: source)
                let pair = colors.pair(foreground: source.style.foreground, background: source.style.background)
                _ = sb_setcchar(&cell, text, attributes(of: source.style), pair)
                _ = sb_mvwadd_wch(window, Int32(run.row), Int32(column), &cell)
                if source.width == 2, !locale.isUTF8, column + 1 < currentSize.columns {
                    // ASCII fallback drew one column for a two-column glyph: blank the other.
                    text[0] = 0x20
                    text[1] = 0
                    _ = sb_setcchar(&cell, text, attributes(of: source.style), pair)
                    _ = sb_mvwadd_wch(window, Int32(run.row), Int32(column + 1), &cell)
                }
            }
        }
        if colors.exhaustedPairs {
            // Pair numbers were recycled mid-frame; repaint everything next time.
            colors.exhaustedPairs = false
            lastPaintedSize = nil
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    /// The grapheme as up to `CCHARW_MAX` code points (a longer ZWJ sequence is cut: cchar_t
    /// cannot hold it; the base glyph and width are preserved). Non-ASCII becomes `?` when the
    /// locale is not UTF-8.
    private func fill(_ text: inout [wchar_t], with cell: Cell) {
        let limit = text.count - 1
        var count = 0
        for scalar in cell.grapheme.unicodeScalars where count < limit {
            text[count] = wchar_t(bitPattern: locale.isUTF8 || scalar.isASCII ? scalar.value : 0x3F)
            count += 1
            if !locale.isUTF8 { break }
        }
        if count == 0 {
            text[0] = 0x20
            count = 1
        }
        text[count] = 0
    }

    private func attributes(of style: Style) -> attr_t {
        var result = sb_a_normal()
        if style.bold { result |= sb_a_bold() }
        if style.dim { result |= sb_a_dim() }
        if style.italic { result |= sb_a_italic() }
        if style.underline { result |= sb_a_underline() }
        if style.reverse { result |= sb_a_reverse() }
        return result
    }

    public func readKey(timeoutMs: Int) -> Key? {
        guard isActive else { return nil }
        return CursesKeys.read(timeoutMs: timeoutMs, onSignal: handleTerminationSignal)
    }

    private func handleTerminationSignal(_ signalNumber: Int32) -> Never {
        shutdown()
        TerminalRestore.reraise(signalNumber)
    }

    /// Turns mouse reporting on or off. Off lets the terminal's own text selection work.
    public func setMouseEnabled(_ enabled: Bool) {
        guard isActive else { return }
        _ = mouseinterval(0)
        _ = mousemask(enabled ? sb_mouse_buttons_mask() : 0, nil)
        isMouseEnabled = enabled
    }

    /// Hands the terminal to another program (`$EDITOR`, `$PAGER`) for the duration of `body`,
    /// then takes it back, discarding keys typed meanwhile. The caller repaints fully after.
    public func withTerminalReleased<T>(_ body: () throws -> T) rethrows -> T {
        guard isActive else { return try body() }
        _ = def_prog_mode()
        _ = endwin()
        defer {
            _ = reset_prog_mode()
            _ = flushinp()
            lastPaintedSize = nil
            _ = wrefresh(sb_stdscr())
        }
        return try body()
    }

    /// Blanks the alternate screen before curses leaves it. tmux (3.3a, checked by replaying
    /// ncurses' own bytes) leaves the bottom of the alternate screen over the shell's screen
    /// when the window grew while the alternate screen was on, unless it is empty when left;
    /// a Python curses program shows the same. On a terminal without an alternate screen this
    /// leaves a clear screen instead of the last frame, which is what a user expects anyway.
    static func clearBeforeLeaving() {
        guard let window = sb_stdscr() else { return }
        _ = wclear(window)
        _ = wrefresh(window)
    }

    /// Restores the terminal (cursor, modes, main screen) and the signal handlers. Safe to call
    /// more than once.
    public func shutdown() {
        guard isActive else { return }
        isActive = false
        CrashRestore.disarm()
        if isMouseEnabled { _ = mousemask(0, nil) }
        Self.clearBeforeLeaving()
        _ = curs_set(1)
        _ = endwin()
        TerminalRestore.setCursesActive(false)
        if let screen { delscreen(screen) }
        screen = nil
        if ownsInput, let inputFile { fclose(inputFile) }
        if ownsOutput, let outputFile { fclose(outputFile) }
        inputFile = nil
        outputFile = nil
        TerminalRestore.restoreSignalHandlers(savedSignalActions)
        savedSignalActions = [:]
    }
}
