import SwitchboardCore

/// One real call in the Live calls list: what it was answered, what routing made of it, how
/// it ended, and the history run that holds its panes.
public struct LiveCall: Sendable, Equatable {
    public var sipCallID: String
    public var source: String
    public var from: String
    public var to: String
    public var sent: [Int]
    public var finalStatus: Int?
    public var finalReason: String
    public var authentication: String?
    public var cancelled = false
    public var pin: String?
    public var endReason: String?
    /// The latest evaluation's result and room (a PIN call's second evaluation replaces the first).
    public var result: CallOutcome.Result?
    public var room: String?
    /// The history run of the latest evaluation, opened by Enter.
    public var runID: Int?
    /// The app's clock when the INVITE's answer arrived (for "12 s ago").
    public var arrivedAt: Int

    init(_ event: LiveCallEvent, at clock: Int) {
        sipCallID = event.sipCallID
        source = event.source
        from = event.from
        to = event.to
        sent = event.sent
        finalStatus = event.finalStatus
        finalReason = event.finalReason
        arrivedAt = clock
    }

    /// The call's state in a word, as the list shows it.
    public var state: String {
        if cancelled { return "cancelled" }
        if let endReason { return endReason == "the caller hung up" ? "ended" : "hung up" }
        guard let status = finalStatus else { return "ringing" }
        if status == 200 { return pin == nil && result == .requestPin ? "PIN?" : "in call" }
        return "refused"
    }

    mutating func apply(_ event: LiveCallEvent) {
        switch event.kind {
        case .invite:
            sent = event.sent
            finalStatus = event.finalStatus
            finalReason = event.finalReason
            authentication = event.authentication
            cancelled = event.cancelled
        case .pin:
            pin = event.pin
        case .hangup, .bye:
            endReason = event.endReason
        }
        // Only evaluations decide the outcome; a hang-up repeats the call's last one.
        if event.kind == .invite || event.kind == .pin, let outcome = event.simulation?.outcome {
            result = outcome.result
            room = outcome.room
        }
    }
}
