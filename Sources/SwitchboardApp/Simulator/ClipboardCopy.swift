import SwitchboardCore

/// What the simulator's copy keys put on the clipboard (``Effect/copyToClipboard(_:)``).
///
/// The copies are the exact bytes, not the display text: a body as received (escape sequences
/// included — the clipboard is not the screen, and OSC 52 carries it base64-encoded), the
/// outcome as `simulate --json` prints it, and the request as a `curl` command that sends it
/// again. None of them holds a secret: the `Authorization` token is signed with the API
/// secret but does not contain it.
enum ClipboardCopy: Sendable, Equatable {
    case requestBody, responseBody, outcomeJSON, curl

    struct Unavailable: Error, Equatable {
        var message: String
    }

    /// `y` copies what the focused pane is about.
    static func pane(_ pane: SimulatorState.Pane) -> ClipboardCopy {
        switch pane {
        case .request: return .requestBody
        case .response: return .responseBody
        case .outcome: return .outcomeJSON
        }
    }

    /// How the toast names it.
    var name: String {
        switch self {
        case .requestBody: return "the request body"
        case .responseBody: return "the response body"
        case .outcomeJSON: return "the outcome JSON"
        case .curl: return "the request as curl"
        }
    }

    func text(_ result: CallResult?) -> Result<String, Unavailable> {
        guard let result, result.ending == .finished, let outcome = result.outcome else {
            return .failure(Unavailable(message: "Nothing to copy: no finished call yet"))
        }
        switch self {
        case .outcomeJSON:
            return .success(JSONWriter.string(outcome.json))
        case .requestBody, .curl:
            guard let request = result.request else {
                return .failure(Unavailable(message: "Nothing to copy: no webhook was called for this call"))
            }
            if self == .curl { return .success(CurlCommand.make(request)) }
            guard !request.body.isEmpty else {
                return .failure(Unavailable(message: "The GET request has no body; C copies it as curl"))
            }
            return .success(String(decoding: request.body, as: UTF8.self))
        case .responseBody:
            guard let response = result.exchange?.response else {
                return .failure(Unavailable(message: "Nothing to copy: no response arrived"))
            }
            guard !response.body.isEmpty else { return .failure(Unavailable(message: "The response body is empty")) }
            return .success(String(decoding: response.body, as: UTF8.self))
        }
    }
}
