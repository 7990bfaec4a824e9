import CNCursesW
import Glibc
import Synchronization

/// Restoring the terminal when the process crashes: a Swift runtime trap (`fatalError`, a
/// failed precondition, an array index or an arithmetic overflow, which on Linux x86_64 end in
/// `ud2` → SIGILL, or SIGTRAP on some paths), `abort()` (SIGABRT), and SIGSEGV, SIGBUS, SIGFPE.
///
/// Kept apart from ``TerminalRestore`` on purpose: termination signals are turned into a flag
/// the UI thread acts on, but after a crash no thread can be trusted to run again, so this
/// handler does the restoring itself, with async-signal-safe calls only:
///
/// 1. `tcsetattr` puts back the terminal modes saved before `newterm` (echo, canonical input);
/// 2. `write` sends bytes prepared at start-up: attributes off, mouse reporting off, keypad
///    off, the alternate screen left (terminfo `rmcup`), the cursor shown (`cnorm`);
/// 3. the disposition found at start-up is put back and the signal raised again. That is the
///    default disposition (the process dies with the signal, status 128+n, and a core dump if
///    enabled) or, when the Swift runtime's backtracer is on (the default on Linux), its
///    handler, which then prints the crash report on the restored screen.
///
/// Nothing here allocates, locks or touches curses: the state lives in memory allocated once
/// at ``arm(modes:)`` and is reached through an atomic address.
public enum CrashRestore {
    /// The signals a crash ends in.
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// The terminal's modes before curses changes them, or `nil` if `file` is not a terminal.
    /// Call before `newterm`.
    static func saveModes(of file: UnsafeMutablePointer<FILE>?) -> SavedModes? {
        guard let file else { return nil }
        let descriptor = fileno(file)
        guard descriptor >= 0, isatty(descriptor) == 1 else { return nil }
        var modes = termios()
        guard tcgetattr(descriptor, &modes) == 0 else { return nil }
        return SavedModes(descriptor: descriptor, modes: modes)
    }

    struct SavedModes {
        var descriptor: Int32
        var modes: termios
    }

    /// Prepares the restore bytes (terminfo strings, so call after `newterm`) and installs the
    /// crash handlers. Safe to call again after ``disarm()``.
    static func arm(modes saved: SavedModes) {
        // Armed twice, the saved "previous" disposition would be this handler itself, and a
        // crash would re-raise into it forever.
        disarm()
        let state = crashState()
        state.pointee.descriptor = saved.descriptor
        state.pointee.modes = saved.modes
        var bytes: [UInt8] = []
        func capability(_ name: String, fallback: String) {
            let value = tigetstr(name)
            // tigetstr answers nil when absent and (char *)-1 when `name` is not a string capability.
            if let value, Int(bitPattern: value) != -1, !containsPadding(value) {
                bytes += Array(String(cString: value).utf8)
            } else {
                bytes += Array(fallback.utf8)
            }
        }
        capability("sgr0", fallback: "\u{1B}[0m")
        // Every xterm mouse mode ncurses may have turned on: SGR, urxvt, any-motion, drag, click.
        bytes += Array("\u{1B}[?1006l\u{1B}[?1015l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8)
        capability("rmkx", fallback: "\u{1B}[?1l\u{1B}>")
        // Blank first: see CursesTerminal.clearBeforeLeaving for why.
        capability("clear", fallback: "\u{1B}[H\u{1B}[2J")
        capability("rmcup", fallback: "\u{1B}[?1049l")
        capability("cnorm", fallback: "\u{1B}[?25h")
        let count = min(bytes.count, CrashState.capacity)
        for index in 0..<count { state.pointee.bytes[index] = bytes[index] }
        state.pointee.byteCount = count

        for (slot, signalNumber) in crashSignals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreOnCrash
            sigemptyset(&action.sa_mask)
            // On the alternate stack when the thread has one (the Swift runtime gives the main
            // thread one), so a stack overflow's SIGSEGV still gets here.
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(signalNumber, &action, state.pointee.previous.advanced(by: slot))
        }
        crashArmed.store(true, ordering: .releasing)
    }

    /// Puts back the dispositions ``arm(modes:)`` replaced (normal shutdown).
    static func disarm() {
        guard crashArmed.exchange(false, ordering: .acquiringAndReleasing) else { return }
        let state = crashState()
        for (slot, signalNumber) in crashSignals.enumerated() {
            sigaction(signalNumber, state.pointee.previous.advanced(by: slot), nil)
        }
    }

    /// `$<…>` padding is for the terminal driver (tputs), not for `write`: use the fallback.
    private static func containsPadding(_ value: UnsafePointer<CChar>) -> Bool {
        String(cString: value).contains("$<")
    }

    /// The process-wide state, allocated on first use and never freed (a handler may run at
    /// any time after).
    private static func crashState() -> UnsafeMutablePointer<CrashState> {
        if let state = UnsafeMutablePointer<CrashState>(bitPattern: crashStateAddress.load(ordering: .acquiring)) {
            return state
        }
        let state = UnsafeMutablePointer<CrashState>.allocate(capacity: 1)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: crashSignals.count)
        previous.initialize(repeating: sigaction(), count: crashSignals.count)
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: CrashState.capacity)
        bytes.initialize(repeating: 0, count: CrashState.capacity)
        state.initialize(to: CrashState(descriptor: -1, modes: termios(), bytes: bytes, byteCount: 0, previous: previous))
        crashStateAddress.store(Int(bitPattern: state), ordering: .releasing)
        return state
    }
}

/// Everything the handler reads. Plain memory: no references, nothing to retain.
private struct CrashState {
    static let capacity = 256
    var descriptor: Int32
    var modes: termios
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount: Int
    /// One per ``CrashRestore/crashSignals`` entry, in that order.
    var previous: UnsafeMutablePointer<sigaction>
}

private let crashStateAddress = Atomic<Int>(0)
/// True while curses owns the terminal; the first crash clears it, so a second one (another
/// thread, or the backtracer itself) does not restore twice.
private let crashArmed = Atomic<Bool>(false)

/// The signal handler. Async-signal-safe: atomics, `tcsetattr`, `write`, `sigaction`, `raise`.
private func restoreOnCrash(_ signalNumber: Int32) {
    let savedErrno = errno
    guard let state = UnsafeMutablePointer<CrashState>(bitPattern: crashStateAddress.load(ordering: .acquiring)) else {
        return
    }
    if crashArmed.exchange(false, ordering: .acquiringAndReleasing) {
        let descriptor = state.pointee.descriptor
        withUnsafePointer(to: &state.pointee.modes) { _ = tcsetattr(descriptor, TCSANOW, $0) }
        var offset = 0
        let count = state.pointee.byteCount
        while offset < count {
            let written = write(descriptor, state.pointee.bytes + offset, count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
    }
    // Back to what was there before (the default, or the Swift backtracer's handler) and
    // again: the signal stays blocked until this handler returns, then it is delivered to that
    // disposition with the crashing instruction as the interrupted context.
    let slot: Int
    switch signalNumber {
    case SIGILL: slot = 0
    case SIGTRAP: slot = 1
    case SIGABRT: slot = 2
    case SIGSEGV: slot = 3
    case SIGBUS: slot = 4
    default: slot = 5
    }
    let previous = state.pointee.previous.advanced(by: slot)
    if unsafeBitCast(previous.pointee.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        // An ignored crash signal would return to the faulting instruction forever.
        var fallback = sigaction()
        fallback.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&fallback.sa_mask)
        sigaction(signalNumber, &fallback, nil)
    } else {
        sigaction(signalNumber, previous, nil)
    }
    raise(signalNumber)
    errno = savedErrno
}
