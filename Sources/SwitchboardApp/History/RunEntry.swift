import SwitchboardCore

/// One run in the ``RunHistory``: the simulator's result, kept as it arrived (so the detail
/// view draws it with the simulator's own panes), with large bodies cut.
public struct RunEntry: Sendable, Equatable {
    public var result: CallResult

    public init(_ result: CallResult) {
        self.result = result
    }

    public var runID: Int { result.runID }
    /// The call with every default applied, so a re-run sends the same call.
    public var call: SimulatedCall { result.call }
    /// nil when the run was cancelled.
    public var outcome: CallOutcome? { result.outcome }
    public var durationMs: Double { result.durationMs }

    /// The outcome in a word, as the list shows it: answer, pin, reject, transfer, drop, error
    /// or cancelled.
    public var word: String {
        guard result.ending == .finished, let outcome = result.outcome else { return "cancelled" }
        switch outcome.result {
        case .accept: return "answer"
        case .requestPin: return "pin"
        case .reject: return "reject"
        case .transfer: return "transfer"
        case .drop: return "drop"
        case .error: return "error"
        }
    }

    /// The webhook's HTTP status, or the SIP status when no webhook answered.
    public var statusCode: Int? {
        result.exchange?.response?.status ?? outcome?.webhook?.response?.status
    }

    /// Cuts webhook response bodies at `bodyLimit` bytes (marked), so a huge body does not stay
    /// in memory for the session: the raw bytes of the exchange and the outcome's text copy.
    mutating func compact(bodyLimit: Int) {
        let marker = { (extra: Int) in "\n… (\(extra) more bytes not kept in the history)" }
        if let body = result.exchange?.response?.body, body.count > bodyLimit {
            result.exchange?.response?.body = Array(body.prefix(bodyLimit)) + Array(marker(body.count - bodyLimit).utf8)
        }
        if let body = result.outcome?.webhook?.response?.body, body.utf8.count > bodyLimit {
            let kept = String(decoding: body.utf8.prefix(bodyLimit), as: UTF8.self)
            result.outcome?.webhook?.response?.body = kept + marker(body.utf8.count - bodyLimit)
        }
    }
}
