import SwitchboardCore

/// One real call in the Live calls list: its INVITE's answer as the endpoint reported it, what
/// routing made of it, how it ended, and the history run that holds its panes.
public struct LiveCall: Sendable, Equatable {
    /// The latest `invite` event: who called from where, what was sent, authentication. (A
    /// challenged call's second INVITE replaces its first.)
    public private(set) var invite: LiveCallEvent
    /// The digits of the PIN, once entered.
    public var pin: String?
    /// Why the call ended, once it did.
    public var endReason: String?
    /// The latest evaluation's result and room (a PIN call's second evaluation replaces the first).
    public var result: CallOutcome.Result?
    public var room: String?
    /// The history run of the latest evaluation, opened by Enter.
    public var runID: Int?
    /// The app's clock when the INVITE's answer arrived (for the age column).
    public var arrivedAt: Int

    init(_ event: LiveCallEvent, at clock: Int) {
        invite = event
        arrivedAt = clock
    }

    public var sipCallID: String { invite.sipCallID }
    public var from: String { invite.from }
    public var to: String { invite.to }
    public var finalStatus: Int? { invite.finalStatus }
    public var finalReason: String { invite.finalReason }
    public var authentication: String? { invite.authentication }

    /// The call's state in a word, as the list shows it.
    public var state: String {
        if invite.cancelled { return "cancelled" }
        if let endReason { return endReason == "the caller hung up" ? "ended" : "hung up" }
        guard let status = finalStatus else { return "ringing" }
        if status == 200 { return pin == nil && result == .requestPin ? "PIN?" : "in call" }
        return "refused"
    }

    mutating func apply(_ event: LiveCallEvent) {
        switch event.kind {
        case .invite: invite = event
        case .pin: pin = event.pin
        case .hangup, .bye: endReason = event.endReason
        }
        // Only evaluations decide the outcome; a hang-up repeats the call's last one.
        if event.kind == .invite || event.kind == .pin, let outcome = event.simulation?.outcome {
            result = outcome.result
            room = outcome.room
        }
    }
}
