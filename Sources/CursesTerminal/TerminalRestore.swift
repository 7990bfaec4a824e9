import CNCursesW
import Glibc
import Synchronization

/// Making sure the terminal is restored on every way out of the process.
///
/// A TUI that dies with the terminal in raw mode, the cursor hidden and the alternate screen
/// active leaves the user typing blind. The exits and how each is covered:
///
/// * **Normal quit or a thrown error**: the app calls ``CursesTerminal/shutdown()`` (also run by
///   `deinit`).
/// * **`exit()` from anywhere** (argument errors after start-up, a library calling exit): an
///   `atexit` hook calls `endwin()` if curses is still active.
/// * **SIGINT, SIGTERM, SIGHUP**: a signal handler may not call curses (it allocates, takes
///   locks, writes through stdio — none of it async-signal-safe). So the handler only stores
///   the signal number in a lock-free atomic. ``CursesTerminal/readKey(timeoutMs:)`` waits in
///   short slices (at most ``pollSlice`` ms) and checks the atomic between slices, on the UI
///   thread; when a signal is pending it restores the terminal, restores the previous signal
///   disposition and re-raises the signal, so the process ends exactly as the sender expected
///   (exit status 128+n, the shell prints nothing odd). An app busy outside `readKey` reacts on
///   its next call, which its loop makes within a frame.
/// * **A crash** (a Swift runtime trap, SIGABRT, SIGSEGV, SIGBUS, SIGFPE): no thread can be
///   trusted to run on, so ``CrashRestore`` restores the modes and screen from the handler
///   itself, with async-signal-safe calls only, then lets the crash proceed.
/// * **SIGWINCH** is left to ncurses, which turns it into `KEY_RESIZE`; **SIGTSTP** (ctrl+z) too,
///   which already restores and re-enters the screen around the suspension.
///
/// Our handlers are installed *before* `newterm`, because ncurses installs its own
/// SIGINT/SIGTERM handlers (which do call curses from the handler) only when it finds the
/// default disposition in place.
enum TerminalRestore {
    /// Signals that end the program and must leave a usable terminal behind.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Longest wait inside one `get_wch` before the pending-signal flag is checked again.
    static let pollSlice = 100

    /// Installs the flag-setting handler; returns the dispositions it replaced, which
    /// ``restoreSignalHandlers(_:)`` puts back.
    static func installSignalHandlers() -> [Int32: sigaction] {
        var previousActions: [Int32: sigaction] = [:]
        for signalNumber in terminationSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var previous = sigaction()
            if sigaction(signalNumber, &action, &previous) == 0 {
                previousActions[signalNumber] = previous
            }
        }
        return previousActions
    }

    static func restoreSignalHandlers(_ previousActions: [Int32: sigaction]) {
        for (signalNumber, action) in previousActions {
            var previous = action
            sigaction(signalNumber, &previous, nil)
        }
    }

    /// The signal received and not yet acted on, clearing it.
    static func takePendingSignal() -> Int32? {
        let value = pendingSignal.exchange(0, ordering: .acquiringAndReleasing)
        return value == 0 ? nil : value
    }

    /// Marks curses as active (or not) for the `atexit` hook, registering the hook once.
    static func setCursesActive(_ active: Bool) {
        cursesActive.store(active, ordering: .releasing)
        if active, !atexitRegistered.exchange(true, ordering: .acquiringAndReleasing) {
            atexit(restoreAtExit)
        }
    }

    /// Ends the process with `signalNumber` after the terminal was restored.
    static func reraise(_ signalNumber: Int32) -> Never {
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
        // Only reached if the signal is blocked; exit with the conventional status instead.
        exit(128 + signalNumber)
    }
}

/// Set by the signal handler, read by the UI thread. An atomic store is async-signal-safe.
private let pendingSignal = Atomic<Int32>(0)
private let cursesActive = Atomic<Bool>(false)
private let atexitRegistered = Atomic<Bool>(false)

private func recordSignal(_ signalNumber: Int32) {
    pendingSignal.store(signalNumber, ordering: .releasing)
}

private func restoreAtExit() {
    if cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
        CursesTerminal.clearBeforeLeaving()
        _ = curs_set(1)
        _ = endwin()
    }
}
