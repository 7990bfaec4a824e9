// In a debug build SwiftPM renames an executable's entry point to `FuzzWebhookReply_main` (so tests can
// link the module) and points `main` at it, which hides libFuzzer's own `main`. This is
// that entry point: it hands over to libFuzzer's driver exactly as its `main` would. In a
// release build it is unused and libFuzzer's `main` runs.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzWebhookReply_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzWebhookReply(data, size) }
}
