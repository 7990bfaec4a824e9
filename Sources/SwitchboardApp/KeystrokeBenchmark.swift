import SwitchboardCore
import TerminalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measures what one keystroke costs the UI: `update` + `view` + the diff against the previous
/// frame, the work the loop does between a key and its paint (the paint itself is ncurses
/// writing the few changed cells). Used by the hidden `switchboard bench-tui` command; kept out
/// of the unit tests, whose timings on a shared two-core machine would only be noise.
public struct KeystrokeBenchmark {
    /// Timings of one scenario, in milliseconds.
    public struct Result: Sendable {
        public var name: String
        /// Whole keystrokes: update + view + diff.
        public var samples: [Double]
        /// The three parts, to see where the time goes.
        public var updateSamples: [Double] = []
        public var viewSamples: [Double] = []
        public var diffSamples: [Double] = []
        /// Each sample's key, so the slowest one can be named (a p99 over 15 keys is one key).
        public var keys: [String] = []

        public var median: Double { Self.percentile(samples, 0.5) }
        public var p99: Double { Self.percentile(samples, 0.99) }
        public var maximum: Double { samples.max() ?? 0 }

        static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
            guard !samples.isEmpty else { return 0 }
            let sorted = samples.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
        }

        public var summary: String {
            "\(name): \(samples.count) keys, median \(format(median)) ms, p99 \(format(p99)) ms, "
                + "max \(format(maximum)) ms (medians: update \(format(Self.percentile(updateSamples, 0.5))), "
                + "view \(format(Self.percentile(viewSamples, 0.5))), diff \(format(Self.percentile(diffSamples, 0.5))))"
                + slowest
        }

        /// `; slowest: "u" 10.01 ms (update 8.60)`.
        var slowest: String {
            guard let index = samples.indices.max(by: { samples[$0] < samples[$1] }), index < keys.count else { return "" }
            return "; slowest: \(keys[index]) \(format(samples[index])) ms (update \(format(updateSamples[index])))"
        }

        func format(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            let fraction = String(hundredths % 100)
            return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
        }
    }

    public var catalog: WorkspaceCatalog
    public var size: TerminalSize
    public var theme: Theme

    public init(catalog: WorkspaceCatalog, size: TerminalSize, theme: Theme) {
        self.catalog = catalog
        self.size = size
        self.theme = theme
    }

    /// Every scenario: moving through the rules list, paging, typing a filter and deleting it,
    /// then (with `edits`) committing form edits, undoing them, deleting rules and undoing that.
    /// `edits`: how many form commits, undos and deletes to time (each patches the catalog).
    public func runAll(moves: Int = 1000, edits: Int = 0) -> [Result] {
        var state = AppState(catalog: catalog, options: AppOptions(inputPaths: ["bench.json"]), size: size)
        _ = App.reduce(&state, .key(.char("2")))
        var previous = App.view(state, size: size, theme: theme)
        var results: [Result] = []
        func measure(_ name: String, _ keys: [Key]) {
            var remaining = keys[...]
            measure(name, count: keys.count) { remaining.popFirst()! }
        }
        /// Times `count` keys, each returned by `next` (which may first press untimed keys).
        func measure(_ name: String, count: Int, _ next: () -> Key) {
            var result = Result(name: name, samples: [])
            func milliseconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1_000_000 }
            for _ in 0..<count {
                let key = next()
                let start = Self.now()
                _ = App.reduce(&state, .key(key))
                let updated = Self.now()
                let frame = App.view(state, size: size, theme: theme)
                let drawn = Self.now()
                let diff = GridDiff.between(previous, frame)
                let end = Self.now()
                previous = frame
                precondition(diff.width == size.columns)
                result.samples.append(milliseconds(start, end))
                result.updateSamples.append(milliseconds(start, updated))
                result.viewSamples.append(milliseconds(updated, drawn))
                result.diffSamples.append(milliseconds(drawn, end))
                result.keys.append(key.displayName)
            }
            results.append(result)
        }
        measure("move down (j)", Array(repeating: .char("j"), count: moves))
        measure("move up (k)", Array(repeating: .char("k"), count: moves / 2))
        measure("page down", Array(repeating: .pageDown, count: 100))
        measure("last/first (G, g)", Array([Key.char("G"), .char("g")].repeated(25)))
        let query = "support line 1"
        measure("type filter \"\(query)\"", [.char("/")] + query.map { Key.char($0) })
        measure("move in filtered list", Array(repeating: .down, count: 200))
        measure("backspace filter, then Esc", Array(repeating: .backspace, count: query.count) + [.escape])
        measure("switch tabs (1, 2)", Array([Key.char("1"), .char("2")].repeated(25)))
        measure("sort (s)", Array(repeating: .char("s"), count: 8))
        if edits > 0 {
            // Edits, in file order: each one patches the catalog (the findings but for
            // reachability at once). Untimed keys set each one up: the form opened on the next
            // rule with its name typed into, or the delete asked for; the key timed is the one
            // that changes the workspace.
            while state.rules.sort != .file { _ = App.reduce(&state, .key(.char("s"))) }
            func setUp(_ keys: [Key]) {
                for key in keys { _ = App.reduce(&state, .key(key)) }
                previous = App.view(state, size: size, theme: theme)
            }
            let rules = state.workspace.rules.count
            measure("commit a form (ctrl+s)", count: edits) {
                setUp([.char("j"), .char("e")])
                for _ in 0..<40 where state.form.map({ $0.focus.field != .name }) ?? false { setUp([.tab]) }
                setUp([.char("x")])
                return .ctrl("s")
            }
            // Every key timed must have changed the workspace, or the figures time nothing.
            precondition(state.edits.undoStack.count == edits, "a commit did not apply")
            measure("undo (u)", Array(repeating: .char("u"), count: edits))
            precondition(state.edits.undoStack.isEmpty)
            measure("delete a rule (Delete, then y)", count: edits) {
                setUp([.char("j"), .delete])
                return .char("y")
            }
            precondition(state.workspace.rules.count == rules - edits, "a delete did not apply")
            measure("undo a delete (u)", Array(repeating: .char("u"), count: edits))
            precondition(state.workspace.rules.count == rules)
        }
        return results
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

extension Array {
    fileprivate func repeated(_ times: Int) -> [Element] {
        (0..<times).flatMap { _ in self }
    }
}
