// In a debug build SwiftPM renames an executable's entry point to `FuzzScenarios_main` (so tests can
// link the module) and points `main` at it, which hides libFuzzer's own `main`. This is
// that entry point: it hands over to libFuzzer's driver exactly as its `main` would. In a
// release build it is unused and libFuzzer's `main` runs.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzScenarios_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzScenarios(data, size) }
}

/// libFuzzer calls this for every input. The work is in `fuzzScenarios` (FuzzScenarios.swift), a plain function
/// so the main package's `FuzzReplayTests` can compile that file too and replay the seeds in CI.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzScenarios(data, size)
}
