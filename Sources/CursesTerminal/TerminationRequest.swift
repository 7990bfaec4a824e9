import Glibc
import Synchronization

/// SIGTERM, SIGHUP and SIGINT (ctrl+c) as a request to the app instead of an immediate exit,
/// so it can keep what must not be lost (the TUI writes its unsaved edits to a recovery file)
/// and then end exactly as the sender expects (``CursesTerminal/exitBySignal(_:)``: terminal
/// restored, status 128+n). ctrl+c is the key people press to get out of a program; it must
/// not be the one way to lose an edit.
///
/// The handler only records the signal (an atomic store) and posts a semaphore (`sem_post` is
/// async-signal-safe). A watchdog thread waits on that semaphore: if the process has not ended
/// ``grace`` ms after the first signal, or a second signal arrives, it calls `exit(128+n)`,
/// whose `atexit` hook (``TerminalRestore``) still restores the terminal. A stuck app can
/// therefore never make SIGTERM hang.
enum TerminationRequest {
    static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    /// How long the app has, after the first signal, to finish on its own.
    static let grace = 2

    /// Installs the recording handler over the restore-and-exit one for ``signals``
    /// (the dispositions ``TerminalRestore`` saved stay the ones restored at shutdown).
    static func install() {
        // Created here, on a normal thread: the handler must never run a lazy initializer.
        _ = watchdogSemaphore
        startWatchdog()
        for signalNumber in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordRequest
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
    }

    /// The signal that asked the app to end, once (later calls return `nil`).
    static func take() -> Int32? {
        let signalNumber = requested.load(ordering: .acquiring)
        guard signalNumber != 0, !taken.exchange(true, ordering: .acquiringAndReleasing) else { return nil }
        return signalNumber
    }

    private static func startWatchdog() {
        guard !watchdogStarted.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { _ in
                TerminationRequest.watch()
                return nil
            }, nil)
        if created == 0 { pthread_detach(thread) }
    }

    /// Waits for the first signal, then for the grace period or a second signal, then exits.
    private static func watch() {
        while sem_wait(watchdogSemaphore) != 0 {}
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        deadline.tv_sec += grace
        while sem_timedwait(watchdogSemaphore, &deadline) != 0, errno == EINTR {}
        exit(128 + requested.load(ordering: .acquiring))
    }
}

extension CursesTerminal {
    /// SIGTERM, SIGHUP or SIGINT arrived (with ``Options/deferTermination``): the signal, once.
    public func takeTerminationRequest() -> Int32? {
        TerminationRequest.take()
    }

    /// Restores the terminal and ends the process as `signalNumber` would have.
    public func exitBySignal(_ signalNumber: Int32) -> Never {
        shutdown()
        TerminalRestore.reraise(signalNumber)
    }
}

private let requested = Atomic<Int32>(0)
private let taken = Atomic<Bool>(false)
private let watchdogStarted = Atomic<Bool>(false)
nonisolated(unsafe) private let watchdogSemaphore: UnsafeMutablePointer<sem_t> = {
    let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    sem_init(semaphore, 0, 0)
    return semaphore
}()

/// The first signal is the request; any later one only wakes the watchdog, which exits.
private func recordRequest(_ signalNumber: Int32) {
    _ = requested.compareExchange(expected: 0, desired: signalNumber, ordering: .acquiringAndReleasing)
    sem_post(watchdogSemaphore)
}
