import Foundation

/// A value guarded by a lock, for the few pieces of state shared between event-loop threads
/// and async callers (a server's connection set, a transport's clients). `Mutex` would do, but
/// needs macOS 15 and the package supports 14.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
