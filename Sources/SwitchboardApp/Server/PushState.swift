import SwitchboardCore
import SwitchboardIO

/// The push screen (`p`): the plan first, sent only after `y`, then what was done.
public struct PushState: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Fetching the server's lists to compare.
        case planning
        /// The plan, waiting for `y` (or nothing to send, or conflicts: nothing will be sent).
        case planned(PlannedPush)
        /// Steps going out; `done` of the plan's steps are finished.
        case sending(PlannedPush, done: Int)
        /// The push ran: everything, or up to a failure.
        case finished(PushRun.Outcome)
        /// The plan could not be made (server down, bad answer): one line.
        case failed(String)
    }

    public var phase: Phase = .planning
    /// First plan line shown.
    public var offset = 0

    public init(phase: Phase = .planning) {
        self.phase = phase
    }

    /// `y` may send: a plan with steps and no conflicts, not sent yet.
    public var canSend: Bool {
        guard case .planned(let planned) = phase else { return false }
        return !planned.plan.steps.isEmpty && planned.plan.conflicts.isEmpty
    }

    public var isSending: Bool {
        if case .sending = phase { return true }
        return false
    }
}
