import Foundation
import SwitchboardCore

extension ParallelLoop {
    /// Every core this process may use, through Dispatch: how the commands and the TUI load,
    /// and `export` writes, long lists.
    public static let cores = ParallelLoop(width: ProcessInfo.processInfo.activeProcessorCount) { iterations, body in
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    }
}
