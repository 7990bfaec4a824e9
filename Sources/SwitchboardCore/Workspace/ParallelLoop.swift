/// How to run independent pieces of work at once. The core says what may run concurrently
/// (the parts of a long list being written); the caller says how, and whether at all: the
/// CLI passes Dispatch's `concurrentPerform` over the machine's cores, tests may pass
/// `sequential`. The core itself starts no threads.
public struct ParallelLoop: Sendable {
    /// How many pieces of work are worth running at once (the cores to use).
    public let width: Int
    private let run: @Sendable (_ iterations: Int, _ body: @Sendable (Int) -> Void) -> Void

    /// - Parameter run: calls `body(0)`…`body(iterations - 1)`, possibly on several threads at
    ///   once, and returns when all have returned.
    public init(width: Int, run: @escaping @Sendable (_ iterations: Int, _ body: @Sendable (Int) -> Void) -> Void) {
        self.width = max(1, width)
        self.run = run
    }

    /// One after the other, on the calling thread.
    public static let sequential = ParallelLoop(width: 1) { iterations, body in
        for i in 0..<iterations { body(i) }
    }

    public func callAsFunction(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        run(iterations, body)
    }
}
