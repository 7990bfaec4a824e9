import Foundation
import SwitchboardCore

extension ParallelLoop {
    /// Every core this process may use, through Dispatch: how the commands load and export
    /// long lists.
    static let cores = ParallelLoop(width: ProcessInfo.processInfo.activeProcessorCount) { iterations, body in
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    }
}
