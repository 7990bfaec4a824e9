/// The three things a webhook can tell Switchboard to do with a call, and the three
/// vocabularies that name them (dynamic-dispatch.md section 3): the proposal's commit message
/// (`answer`, `hangup`), the wire strings of its code (`accept`, `reject`, `transfer`) and
/// its proto enum (`ACTION_ANSWER`… or the numbers 0, 1, 2). All are accepted, because a
/// webhook author may have read any of the three.
public enum DispatchAction: String, Sendable, CaseIterable {
    case answer
    case reject
    case transfer

    /// Reads a spelling, case-insensitively; nil for anything else.
    public init?(word: String) {
        switch word.lowercased() {
        case "accept", "answer", "action_answer": self = .answer
        case "reject", "hangup", "action_reject": self = .reject
        case "transfer", "action_transfer": self = .transfer
        default: return nil
        }
    }

    /// The proto enum number (`action` only).
    public init?(number: Int64) {
        switch number {
        case 0: self = .answer
        case 1: self = .reject
        case 2: self = .transfer
        default: return nil
        }
    }

    /// The spelling the proposal's code compares against (lower-cased `dispatch_action`).
    public var proposalWord: String {
        switch self {
        case .answer: return "accept"
        case .reject: return "reject"
        case .transfer: return "transfer"
        }
    }

    /// Every accepted spelling, for error messages that teach.
    public static let vocabularyHelp =
        "accept/answer/ACTION_ANSWER/0, reject/hangup/ACTION_REJECT/1 or transfer/ACTION_TRANSFER/2"
}
