/// A large input file's bytes, which the loader gives back as it reads past them. Reading a
/// 100,000-rule list then holds its model and a few megabytes of JSON at a time, instead of
/// the model and all 40 MB of the file together (issue 7 asks for at most three times the
/// file's size at the peak).
///
/// Loading stays pure: the caller (`SwitchboardIO`) made the buffer and says how to give a
/// range of it back and how to read the whole file again. The loader only gives back bytes
/// it has read past in a list, and reads nothing there again unless something goes wrong; then
/// the ordinary path reads the file again (`contents`), which reports errors exactly as ever.
public final class ReleasableBytes: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<UInt8>
    private let releaseRange: (Range<Int>) -> Void
    private let reread: () -> [UInt8]
    private let deallocate: () -> Void

    /// - Parameters:
    ///   - release: gives back the whole pages inside a range (their contents are gone).
    ///   - contents: the file's bytes read again, for the ordinary path.
    ///   - deallocate: frees `buffer` when the document is gone.
    public init(
        buffer: UnsafeBufferPointer<UInt8>, release: @escaping (Range<Int>) -> Void, contents: @escaping () -> [UInt8],
        deallocate: @escaping () -> Void
    ) {
        self.buffer = buffer
        self.releaseRange = release
        self.reread = contents
        self.deallocate = deallocate
    }

    deinit { deallocate() }

    func release(_ range: Range<Int>) { releaseRange(range) }

    /// The whole file as an array (read again: released ranges no longer hold it).
    public func contents() -> [UInt8] { reread() }
}
