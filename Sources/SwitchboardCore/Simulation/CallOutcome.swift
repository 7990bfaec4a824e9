/// Everything a simulated call produced: the shape of `simulate --json` (cli.md section 3),
/// which the CLI prints, the TUI shows and `test` compares against expectations.
public struct CallOutcome: Sendable, Equatable {
    public enum Result: String, Sendable, Equatable, CaseIterable {
        case accept = "ACCEPT"
        case requestPin = "REQUEST_PIN"
        case reject = "REJECT"
        case transfer = "TRANSFER"
        case drop = "DROP"
        case error = "ERROR"
    }

    public struct TrunkMatch: Sendable, Equatable {
        public enum Kind: String, Sendable { case specific, `default` }
        public var id: String
        public var name: String
        public var match: Kind
        public init(id: String, name: String, match: Kind) {
            self.id = id
            self.name = name
            self.match = match
        }
    }

    public struct RuleChoice: Sendable, Equatable {
        public var id: String
        public var name: String
        /// `direct`, `individual`, `callee` or `dynamic`.
        public var type: String
        public init(id: String, name: String, type: String) {
            self.id = id
            self.name = name
            self.type = type
        }
    }

    public struct Participant: Sendable, Equatable {
        public var identity: String
        public var name: String
        public var metadata: String
        /// In LiveKit's order: rule attributes, then the `sip.*` keys routing sets.
        public var attributes: StringMap
        public init(identity: String, name: String, metadata: String, attributes: StringMap) {
            self.identity = identity
            self.name = name
            self.metadata = metadata
            self.attributes = attributes
        }
    }

    public struct Reject: Sendable, Equatable {
        /// nil for a wrong pin after the prompt (the call was already answered).
        public var statusCode: Int?
        public var reason: String
        public init(statusCode: Int?, reason: String) {
            self.statusCode = statusCode
            self.reason = reason
        }
    }

    public struct Transfer: Sendable, Equatable {
        public var to: String
        public var destinationName: String?
        public var ringingTimeoutSeconds: Double?
        public init(to: String, destinationName: String? = nil, ringingTimeoutSeconds: Double? = nil) {
            self.to = to
            self.destinationName = destinationName
            self.ringingTimeoutSeconds = ringingTimeoutSeconds
        }
    }

    /// The SIP final response the caller gets; `status` nil when the call is dropped.
    public struct SIPResponse: Sendable, Equatable {
        public var status: Int?
        public var reason: String
        public init(status: Int?, reason: String) {
            self.status = status
            self.reason = reason
        }
    }

    /// Settings the accepted call carries besides room and participant (shown in the UI).
    public struct Session: Sendable, Equatable {
        /// After the trunk/rule merge of livekit-routing.md 4.6 (DISABLE when neither sets it).
        public var mediaEncryption: MediaEncryption = .disable
        /// Codecs from the merge (the rule's list when non-empty, else the trunk's).
        public var codecs: [MediaConfig.Codec] = []
        public var onlyListedCodecs = false
        public var mediaTimeout: ProtoDuration?
        public var krisp = false
        public var roomPreset = ""
        public var roomConfig: JSONValue?
        public var ringingTimeout: ProtoDuration?
        public var maxCallDuration: ProtoDuration?
        public var headers = StringMap()
        public var headersToAttributes = StringMap()
        public var attributesToHeaders = StringMap()
        public var includeHeaders = HeaderOptions.none
        public init() {}
    }

    public var call: SimulatedCall
    public var trunk: TrunkMatch?
    public var rule: RuleChoice?
    public var webhook: WebhookRecord?
    public var result: Result
    public var room: String?
    public var participant: Participant?
    public var reject: Reject?
    public var transfer: Transfer?
    public var sip: SIPResponse
    public var error: String?
    public var notes: [String]
    public var trace: [TraceEntry]
    public var session: Session?

    public init(
        call: SimulatedCall, trunk: TrunkMatch? = nil, rule: RuleChoice? = nil, webhook: WebhookRecord? = nil,
        result: Result, room: String? = nil, participant: Participant? = nil, reject: Reject? = nil,
        transfer: Transfer? = nil, sip: SIPResponse, error: String? = nil, notes: [String] = [],
        trace: [TraceEntry] = [], session: Session? = nil
    ) {
        self.call = call
        self.trunk = trunk
        self.rule = rule
        self.webhook = webhook
        self.result = result
        self.room = room
        self.participant = participant
        self.reject = reject
        self.transfer = transfer
        self.sip = sip
        self.error = error
        self.notes = notes
        self.trace = trace
        self.session = session
    }
}

/// One line of the explain trace: a trunk, rule, webhook or evaluation step, what happened to
/// it and why, in plain words.
public struct TraceEntry: Sendable, Equatable {
    public enum Step: String, Sendable { case trunk, rule, webhook, evaluate }
    public var step: Step
    /// The trunk or rule ID; empty for summary lines ("3 other trunks list other numbers"),
    /// "no trunk" and "no match".
    public var id: String
    /// The words the routing engine uses, by step (tools may match on them):
    /// * trunk: `matched` (the trunk used), `skipped`, `outranked` (a default trunk beaten by a
    ///   specific one), `error`, `not considered` (summary), `no trunk`;
    /// * rule: `chosen`, `outranked`, `skipped`, `error` (conflict, unsupported rule),
    ///   `not considered` (summary);
    /// * evaluate: `accept`, `session`, `request pin`, `reject`, `error`, `no match`,
    ///   `pin prompt`, `pin too long`; the webhook code adds its own.
    public var outcome: String
    public var why: String
    public init(step: Step, id: String, outcome: String, why: String) {
        self.step = step
        self.id = id
        self.outcome = outcome
        self.why = why
    }
}

/// The webhook exchange of a dynamic rule, exactly as sent and received.
public struct WebhookRecord: Sendable, Equatable {
    public struct Request: Sendable, Equatable {
        public var method: String
        public var url: String
        public var headers: StringMap
        /// The exact body bytes sent, as text (empty for GET).
        public var body: String
        public init(method: String, url: String, headers: StringMap, body: String) {
            self.method = method
            self.url = url
            self.headers = headers
            self.body = body
        }
    }

    public struct Response: Sendable, Equatable {
        public var status: Int
        public var headers: StringMap
        /// The body received so far (at most the size limit); nil when none arrived.
        public var body: String?
        public var durationMs: Double
        public init(status: Int, headers: StringMap, body: String?, durationMs: Double) {
            self.status = status
            self.headers = headers
            self.body = body
            self.durationMs = durationMs
        }
    }

    public var request: Request
    public var response: Response?
    /// One line saying what went wrong on the wire or in the body, nil when it was usable.
    public var error: String?
    public init(request: Request, response: Response? = nil, error: String? = nil) {
        self.request = request
        self.response = response
        self.error = error
    }
}
