/// Everything a dynamic rule's webhook call needs besides the call itself: the transport, the
/// limits, the payload style, who signs, and the version for `User-Agent`.
public struct WebhookContext: Sendable {
    public var transport: any WebhookTransport
    public var limits: WebhookLimits
    public var projectID: String
    public var payload: ProjectSettings.Payload
    public var signer: (any WebhookSigner)?
    /// `switchboard/<version>` in `User-Agent`.
    public var version: String

    public init(
        transport: any WebhookTransport, limits: WebhookLimits, projectID: String = "", payload: ProjectSettings.Payload = .livekit,
        signer: (any WebhookSigner)? = nil, version: String
    ) {
        self.transport = transport
        self.limits = limits
        self.projectID = projectID
        self.payload = payload
        self.signer = signer
        self.version = version
    }

    /// The project's settings applied: limits, project ID, payload style.
    public init(transport: any WebhookTransport, settings: ProjectSettings, signer: (any WebhookSigner)?, version: String) {
        self.init(
            transport: transport, limits: WebhookLimits(settings), projectID: settings.projectId, payload: settings.payload,
            signer: signer, version: version)
    }

    /// This context for a workspace with `settings`: its limits, project ID and payload style
    /// (the transport and signer stay), as an edit of the project's settings asks.
    public func adopting(_ settings: ProjectSettings) -> WebhookContext {
        var context = self
        context.limits = WebhookLimits(settings)
        context.projectID = settings.projectId
        context.payload = settings.payload
        return context
    }

    /// The request a pending dynamic call sends (dynamic-dispatch.md section 2).
    public func request(for pending: PendingDynamicCall) -> WebhookRequest {
        let inputs = WebhookPayload.Inputs(
            projectID: projectID, trunkID: pending.trunk?.id ?? "", ruleID: pending.rule.id, call: pending.call)
        return WebhookRequestBuilder.build(
            rule: pending.dynamicRule, payload: WebhookPayload.object(inputs, style: payload), version: version, signer: signer)
    }
}

/// Simulates calls end to end: the routing engine, and for a dynamic rule its webhook. The
/// one entry point `simulate`, `test` and the TUI share, so all three give the same outcome.
public struct CallSimulator: Sendable {
    public var engine: RoutingEngine
    /// nil: dynamic rules end in the engine's "needs its webhook" ERROR.
    public var webhook: WebhookContext?

    public init(engine: RoutingEngine, webhook: WebhookContext?) {
        self.engine = engine
        self.webhook = webhook
    }

    public func simulate(_ call: SimulatedCall, using rng: inout some RandomNumberGenerator) async -> CallOutcome {
        await run(call, using: &rng).outcome
    }

    /// ``simulate(_:using:)`` with the exchange kept: the request exactly as sent and the
    /// response as received (raw bytes), which the TUI's panes and `curl` copy show.
    public func run(_ call: SimulatedCall, using rng: inout some RandomNumberGenerator) async -> CallSimulation {
        switch engine.begin(call, using: &rng) {
        case .finished(let outcome):
            return CallSimulation(outcome: outcome)
        case .needsWebhook(let pending):
            guard let webhook else { return CallSimulation(outcome: pending.finishWithoutWebhook()) }
            let request = webhook.request(for: pending)
            let exchange = await webhook.transport.send(request, limits: webhook.limits)
            let outcome = WebhookResolution.resolve(
                pending, request: request, exchange: exchange, payload: webhook.payload, using: &rng)
            return CallSimulation(outcome: outcome, request: request, exchange: exchange)
        }
    }
}

/// One simulated call with its webhook exchange, if a dynamic rule asked for one.
public struct CallSimulation: Sendable, Equatable {
    public var outcome: CallOutcome
    /// The request as sent; nil when no webhook was called.
    public var request: WebhookRequest?
    /// What came back (raw body bytes); nil when no webhook was called.
    public var exchange: WebhookExchange?

    public init(outcome: CallOutcome, request: WebhookRequest? = nil, exchange: WebhookExchange? = nil) {
        self.outcome = outcome
        self.request = request
        self.exchange = exchange
    }
}
