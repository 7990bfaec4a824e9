/// The server's two lists as one fetch returned them: the items, and each response's root
/// object (kept so a pulled file holds every other member the server sent).
public struct ServerLists: Sendable, Equatable {
    public var trunks: [Trunk]
    public var rules: [DispatchRule]
    public var trunkRoot: JSONObject
    public var ruleRoot: JSONObject

    public init(trunks: [Trunk], rules: [DispatchRule], trunkRoot: JSONObject = [:], ruleRoot: JSONObject = [:]) {
        self.trunks = trunks
        self.rules = rules
        self.trunkRoot = trunkRoot
        self.ruleRoot = ruleRoot
    }
}

/// LiveKit's SIP service as pull, diff, push and the TUI need it. The Twirp client over
/// AsyncHTTPClient (`SIPClient`, in SwitchboardWebhook) is the real one; the protocol keeps
/// the app and the push runner free of HTTP, and lets their tests answer from memory.
public protocol SIPService: Sendable {
    /// The server's base URL, for messages and the pull record (never a key or secret).
    var serverBase: String { get }
    /// Every inbound trunk and dispatch rule the server holds.
    func fetchLists() async throws(ServerError) -> ServerLists
    /// One Twirp call: the answer's body for a 200, a `ServerError` for anything else.
    func call(_ method: SIPMethod, _ body: JSONObject) async throws(ServerError) -> [UInt8]
}
