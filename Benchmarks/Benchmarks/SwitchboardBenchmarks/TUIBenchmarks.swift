#if canImport(SwitchboardApp)
    import Benchmark
    import SwitchboardApp
    import SwitchboardCore
    import TerminalKit

    /// One keystroke in the rules list of the 100,000-rule workspace at 200×60: `update`, `view`
    /// and the diff against the previous frame — the work between a key and its paint.
    func tuiBenchmarks() {
        Benchmark(
            "TUI: one keystroke, update + view + diff (100k rules, 200x60)",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .mallocCountTotal], warmupIterations: 10, maxDuration: .seconds(5),
                maxIterations: 5000)
        ) { benchmark in
            let size = TerminalSize(columns: 200, rows: 60)
            let theme = Theme.fallback.adapted(to: .indexed256)
            var state = AppState(catalog: WorkspaceCatalog(workspace: Fixture.shared.workspace), size: size)
            _ = App.reduce(&state, .key(.char("2")))
            var previous = App.view(state, size: size, theme: theme)
            // Down through the list and back up, so every frame differs from the one before.
            var step = 0
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let key: Key = step % 200 < 100 ? .char("j") : .char("k")
                step += 1
                _ = App.reduce(&state, .key(key))
                let frame = App.view(state, size: size, theme: theme)
                blackHole(GridDiff.between(previous, frame))
                previous = frame
            }
        }

        Benchmark(
            "TUI: start to first frame (10k rules, 200x60)",
            configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 50)
        ) { benchmark in
            var rng = SeededGenerator(seed: 1)
            let output = ConfigurationGenerator(trunks: 1000, rules: 10_000).generate(using: &rng)
            let bytes = JSONWriter.bytes(output.ruleListDocument())
            let size = TerminalSize(columns: 200, rows: 60)
            let theme = Theme.fallback.adapted(to: .indexed256)
            benchmark.startMeasurement()
            var idRNG = SeededGenerator(seed: 1)
            let workspace = try WorkspaceLoader.load([SourceDocument(path: "dispatch-rules.json", bytes: bytes)], using: &idRNG)
            let state = AppState(catalog: WorkspaceCatalog(workspace: workspace), size: size)
            blackHole(App.view(state, size: size, theme: theme))
        }
    }
#else
    func tuiBenchmarks() {}
#endif
