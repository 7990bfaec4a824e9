/// The final responses LiveKit's SIP bridge gives (livekit-routing.md 2.6, HEAD), named so the
/// engine, the webhook resolution and the tests spell them one way.
extension CallOutcome.SIPResponse {
    /// ACCEPT: the bridge answers once a remote track is subscribed.
    public static let ok = Self(status: 200, reason: "OK")
    /// REQUEST_PIN: the call is answered so the prompt can be played.
    public static let pinPrompt = Self(status: 200, reason: "OK (pin prompt)")
    /// An error from the auth or dispatch RPC (trunk or rule conflict, webhook failure…).
    public static let tryAgainLater = Self(status: 503, reason: "Try again later")
    /// REJECT, or a result the bridge does not know.
    public static let doesNotMatch = Self(status: 404, reason: "Does not match Trunks or Dispatch Rules")
    /// LiveKit Cloud, no trunk matched (`NO_TRUNK_FOUND`).
    public static let noTrunkFound = Self(status: 404, reason: "No trunk found")
    /// DROP: no final response; the caller hears ringing until they give up.
    public static let dropped = Self(status: nil, reason: "dropped without a final response")
    /// After the pin prompt, anything but ACCEPT into a named room (cli.md section 3).
    public static let wrongPin = Self(status: 200, reason: "answered for the pin prompt; wrong pin prompt played, then hung up")
    /// After the pin prompt, the re-evaluation failed: the bridge hangs up without the prompt.
    public static let pinEvaluationFailed = Self(
        status: 200, reason: "answered for the pin prompt; evaluation failed, hung up without the wrong pin prompt")
    /// The caller typed more than 16 digits: the bridge gives up before evaluating.
    public static let pinTooLong = Self(
        status: 200, reason: "answered for the pin prompt; more than 16 digits, wrong pin prompt played, then hung up")
}
