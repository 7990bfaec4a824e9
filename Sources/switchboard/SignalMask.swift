#if canImport(Glibc)
    import Glibc
#endif

/// A parent may start us with signals blocked (test runners, some CI agents and process
/// supervisors do, and children inherit the mask). Then Ctrl-C never stops `mock-webhook`,
/// SIGTERM never lets the TUI restore the terminal, and a resize never arrives. The signals
/// we handle are unblocked first thing, before any other thread exists to inherit the mask.
enum SignalMask {
    /// Also the crash signals (`CrashRestore` in CursesTerminal): a crash sent with `kill`, or
    /// `abort()`'s SIGABRT, must reach the handler that restores the terminal.
    static let handled: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT, SIGTSTP, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE,
    ]

    static func unblockHandledSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
