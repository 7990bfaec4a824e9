import TerminalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The main loop: reads keys from a ``TerminalBackend``, feeds messages to ``App/reduce(_:_:)``,
/// hands effects to the ``EffectRunner`` and paints each new frame as a diff.
///
/// Everything runs on the calling thread — ncurses is not thread-safe — and effect results
/// arrive as messages taken from the runner between keys. Works the same with the curses
/// adapter and with ``MemoryBackend`` in tests.
public enum AppLoop {
    /// How long one wait for a key lasts: the latency of effect results and toast expiry.
    static let pollMilliseconds = 100
    /// Keys already waiting are handled together and drawn once, so a held arrow key or a
    /// pasted filter never queues up frames.
    static let batchLimit = 64

    /// What to do once the first frame is on screen.
    public enum AfterFirstFrame: Sendable {
        case `continue`
        /// End the loop (start-up measurements: `switchboard --startup-report`).
        case stop
    }

    /// Runs until the state says it is quitting; returns the final state.
    @discardableResult
    public static func run(
        _ initial: AppState, backend: some TerminalBackend, theme: Theme, runner: some EffectRunner,
        clock: () -> Int = monotonicMilliseconds, terminationRequested: () -> Bool = { false },
        afterFirstFrame: () -> AfterFirstFrame = { .continue }
    ) -> AppState {
        var state = initial
        let theme = theme.adapted(to: backend.colorDepth)
        var presenter = FramePresenter()
        var terminating = false
        for effect in App.reduce(&state, .resize(backend.size)) { runner.run(effect) }
        presenter.present(App.view(state, size: state.size, theme: theme), on: backend)
        if case .stop = afterFirstFrame() { return state }
        while !state.isQuitting {
            var messages = runner.takeMessages()
            if messages.isEmpty {
                messages = readMessages(backend, presenter: &presenter, clock: clock)
            }
            // SIGTERM/SIGHUP/SIGINT (polled: the handler only sets a flag): first, before any key.
            if !terminating, terminationRequested() {
                terminating = true
                messages.insert(.terminationRequested, at: 0)
            }
            var needsFrame = false
            for message in messages where !state.isQuitting {
                let toastBefore = state.toast
                for effect in App.reduce(&state, message) { runner.run(effect) }
                if case .tick = message {
                    // A call in flight redraws its spinner and elapsed time on every tick.
                    needsFrame = needsFrame || state.toast != toastBefore || state.simulator.isRunning
                } else {
                    needsFrame = true
                }
            }
            if needsFrame, !state.isQuitting {
                presenter.present(App.view(state, size: state.size, theme: theme), on: backend)
            }
        }
        return state
    }

    /// The next key, and any keys already waiting behind it; a tick when none came in time.
    static func readMessages(
        _ backend: some TerminalBackend, presenter: inout FramePresenter, clock: () -> Int
    ) -> [Message] {
        guard let first = backend.readKey(timeoutMs: pollMilliseconds) else {
            return [.tick(milliseconds: clock())]
        }
        // A fresh clock first: what the keys start (a call's spinner) counts from now, even when
        // keys came too fast for an idle tick.
        var messages: [Message] = [.tick(milliseconds: clock())]
        var key: Key? = first
        while let current = key, messages.count < batchLimit {
            if current == .resize {
                // The screen was disturbed: repaint everything at the new size.
                presenter.invalidate()
                messages.append(.resize(backend.size))
            } else {
                messages.append(.key(current))
            }
            key = backend.readKey(timeoutMs: 0)
        }
        return messages
    }

    /// A clock for toasts that never jumps with the wall clock.
    public static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
