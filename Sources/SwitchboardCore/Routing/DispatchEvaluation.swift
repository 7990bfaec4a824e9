/// What a webhook answer may change about an accepted call (dynamic-dispatch.md section 3).
/// `nil` (or an empty map) leaves the rule's own value. Static rules use `.none`.
public struct AcceptOverrides: Sendable, Equatable {
    /// The room, used verbatim (no prefix, no random suffix).
    public var roomName: String?
    /// A pin the caller must enter (see `RoutedCall.accept` for the check).
    public var pin: String?
    /// Replaces the rule's metadata.
    public var metadata: String?
    /// Merged over the rule's attributes; the `sip.*` keys routing sets still win.
    public var attributes = StringMap()
    /// Takes the rule's side of the media merge (a DISABLE here still yields to the trunk).
    public var mediaEncryption: MediaEncryption?
    public var roomPreset: String?
    public var roomConfig: JSONValue?
    /// Replaces the rule's flag; the trunk's flag still turns Krisp on.
    public var krispEnabled: Bool?

    public init(
        roomName: String? = nil, pin: String? = nil, metadata: String? = nil, attributes: StringMap = StringMap(),
        mediaEncryption: MediaEncryption? = nil, roomPreset: String? = nil, roomConfig: JSONValue? = nil,
        krispEnabled: Bool? = nil
    ) {
        self.roomName = roomName
        self.pin = pin
        self.metadata = metadata
        self.attributes = attributes
        self.mediaEncryption = mediaEncryption
        self.roomPreset = roomPreset
        self.roomConfig = roomConfig
        self.krispEnabled = krispEnabled
    }

    public static let none = AcceptOverrides()
}

/// A participant's attributes as evaluation builds them: the rule's, the webhook's over them,
/// then the `sip.*` keys LiveKit sets itself, which overwrite a user's key of the same name and
/// are listed in the order LiveKit sets them, after the user's own.
struct RoutingAttributes {
    private(set) var map: StringMap
    /// Whether a user key starts with `sip.`, so one of routing's keys may already be there.
    /// Nearly never: routing's keys are then appended without scanning for them.
    private let userSetsSIPKeys: Bool

    init(_ rule: StringMap, overrides: StringMap) {
        map = rule
        map.reserveCapacity(rule.count + overrides.count + 6)
        for (key, value) in overrides { map[key] = value }
        userSetsSIPKeys = map.pairs.contains { $0.key.utf8.starts(with: "sip.".utf8) }
    }

    /// Sets one of routing's keys (each is set once per evaluation).
    mutating func set(_ key: String, _ value: String) {
        if userSetsSIPKeys {
            map.setLast(key, value)
        } else {
            map.appendAbsent(key, value)
        }
    }
}

extension RoutedCall {
    /// LiveKit's `EvaluateDispatchRule` (HEAD, livekit-routing.md section 4), in its order:
    /// attributes (rule, then overrides, then `sip.callID`/`sip.trunkID`), caller presentation,
    /// media merge, pin check, room name, `sip.ruleID`, then the ACCEPT with trunk-derived
    /// session settings. Randomness (room suffixes) comes only from `rng`.
    ///
    /// The pin check: a required pin (the rule's, or `overrides.pin`) with none entered gives
    /// REQUEST_PIN. A different pin, or `no_pin`, is LiveKit's `Incorrect PIN for SIP room`
    /// error for a static rule (selection normally prevents it) and, for a webhook's pin,
    /// a REJECT with reason `wrong pin` (dynamic-dispatch.md section 4).
    public func accept(_ overrides: AcceptOverrides = .none, using rng: inout some RandomNumberGenerator) -> CallOutcome {
        var attributes = RoutingAttributes(rule.attributes, overrides: overrides.attributes)
        attributes.set("sip.callID", call.callID)
        attributes.set("sip.trunkID", trunkID)

        let presentation: CallerPresentation
        do {
            presentation = try CallerPresentation.of(caller: call.from, hidden: rule.hidePhoneNumber, ruleID: rule.id)
        } catch {
            return failure(error.description)
        }
        if presentation.showsNumbers {
            attributes.set("sip.phoneNumber", call.from)
            attributes.set("sip.hostname", call.fromHost)
            attributes.set("sip.trunkPhoneNumber", call.to)
        }

        let session = session(overrides)
        let kind = rule.kind
        let pin = overrides.pin ?? kind?.pin ?? ""
        if !pin.isEmpty, call.pin != pin {
            if call.pin.isEmpty, !call.noPin {
                var out = outcome(
                    .requestPin, sip: .pinPrompt,
                    extraTrace: [
                        TraceEntry(
                            step: .evaluate, id: rule.id, outcome: "request pin",
                            why: "the rule needs a pin and none was entered: the call is answered and the pin prompt played")
                    ])
                out.session = session
                finishInPlace(&out)
                return out
            }
            if overrides.pin != nil {
                var out = outcome(
                    .reject, sip: .wrongPin,
                    extraTrace: [
                        TraceEntry(
                            step: .evaluate, id: rule.id, outcome: "reject",
                            why: "the webhook asked for a pin and the caller entered \(call.noPin ? "none (no_pin)" : call.pin)")
                    ])
                out.reject = CallOutcome.Reject(statusCode: nil, reason: "wrong pin")
                finishInPlace(&out)
                return out
            }
            return failure(
                "Incorrect PIN for SIP room", why: "the entered pin \(call.pin) is not the rule's: LiveKit's PermissionDenied error")
        }

        let room: String
        let roomWhy: String
        if let name = overrides.roomName {
            room = name
            roomWhy = "room name from the webhook, verbatim"
        } else if let kind {
            room = RoomNaming.room(for: kind, caller: presentation.caller, callee: call.to, using: &rng)
            roomWhy = explain ? RoomNaming.explain(kind) + (rule.hidePhoneNumber ? "; caller masked to \(presentation.caller)" : "") : ""
        } else {
            return failure("unsupported SIP Dispatch Rule: <nil>")
        }
        attributes.set("sip.ruleID", rule.id)

        let participant = CallOutcome.Participant(
            identity: presentation.identity, name: presentation.name, metadata: overrides.metadata ?? rule.metadata,
            attributes: attributes.map)
        let identityWhy =
            rule.hidePhoneNumber
            ? "identity from SHA-256 of the caller (hide_phone_number); sip.phoneNumber, sip.hostname, sip.trunkPhoneNumber left out"
            : "identity sip_ + caller"
        // Built whole, once: filling in a pre-filled outcome copied all of its fields.
        var out = CallOutcome(
            call: call, trunk: trunkMatch, rule: ruleChoice, result: .accept, room: room, participant: participant, sip: .ok,
            notes: notes,
            trace: recordsTrace
                ? trace + [
                    TraceEntry(
                        step: .evaluate, id: rule.id, outcome: "accept",
                        why: explain ? "room \(Wording.quoted(room)): \(roomWhy); \(identityWhy)" : ""),
                    TraceEntry(step: .evaluate, id: rule.id, outcome: "session", why: explain ? sessionWhy(session, overrides) : ""),
                ] : trace,
            session: session)
        // In place: `isAfterPinPrompt ? finish(out) : out` copied the whole outcome.
        finishInPlace(&out)
        return out
    }

    /// Media, Krisp, preset and config from the rule (or overrides), the rest from the trunk.
    func session(_ overrides: AcceptOverrides) -> CallOutcome.Session {
        var session = CallOutcome.Session()
        let trunkSide = trunkMedia
        var ruleSide = MediaMerge(media: rule.media, legacyEncryption: rule.mediaEncryption)
        if let encryption = overrides.mediaEncryption { ruleSide.encryption = encryption }
        let merged = MediaMerge.merge(trunk: trunkSide, rule: ruleSide)
        session.mediaEncryption = merged.encryption ?? .disable
        session.codecs = merged.codecs
        session.onlyListedCodecs = merged.onlyListedCodecs
        session.mediaTimeout = merged.mediaTimeout
        let readsTrunk = hasTrunk && trunkHasSessionSettings
        session.krisp = (readsTrunk && matchedTrunk.krispEnabled) || (overrides.krispEnabled ?? rule.krispEnabled)
        session.roomPreset = overrides.roomPreset ?? rule.roomPreset
        session.roomConfig = overrides.roomConfig ?? rule.roomConfig
        session.ringingTimeout = SessionLimits.ringingTimeout(readsTrunk ? matchedTrunk.ringingTimeout : nil)
        session.maxCallDuration = SessionLimits.maxCallDuration(readsTrunk ? matchedTrunk.maxCallDuration : nil)
        if readsTrunk {
            session.headers = matchedTrunk.headers
            session.headersToAttributes = matchedTrunk.headersToAttributes
            session.attributesToHeaders = matchedTrunk.attributesToHeaders
            session.includeHeaders = matchedTrunk.includeHeaders
        }
        return session
    }

    /// The trunk's side of the media merge (no trunk: nothing set).
    private var trunkMedia: MediaMerge {
        hasTrunk && trunkHasSessionSettings
            ? MediaMerge(media: matchedTrunk.media, legacyEncryption: matchedTrunk.mediaEncryption)
            : MediaMerge(media: nil, legacyEncryption: .disable)
    }

    private func sessionWhy(_ session: CallOutcome.Session, _ overrides: AcceptOverrides) -> String {
        var ruleSide = MediaMerge(media: rule.media, legacyEncryption: rule.mediaEncryption)
        if let encryption = overrides.mediaEncryption { ruleSide.encryption = encryption }
        let trunkSide = trunkMedia
        var parts = [MediaMerge.explainEncryption(trunk: trunkSide, rule: ruleSide)]
        parts.append("krisp \(session.krisp ? "on" : "off") (trunk OR rule)")
        parts.append("ringing timeout \(session.ringingTimeout?.text ?? "-")")
        parts.append("max call duration \(session.maxCallDuration?.text ?? "-")")
        return parts.joined(separator: "; ")
    }
}

/// The SIP bridge's defaults and clamps for trunk timings (livekit-routing.md 1.2, E13).
public enum SessionLimits {
    public static let defaultRingingTimeout = ProtoDuration(nanoseconds: 180 * 1_000_000_000)
    public static let maxCallDuration = ProtoDuration(nanoseconds: 24 * 3600 * 1_000_000_000)

    /// Unset or ≤ 0 → 3 minutes.
    public static func ringingTimeout(_ value: ProtoDuration?) -> ProtoDuration {
        guard let value, value.nanoseconds > 0 else { return defaultRingingTimeout }
        return value
    }

    /// Unset, ≤ 0 or over 24 hours → 24 hours.
    public static func maxCallDuration(_ value: ProtoDuration?) -> ProtoDuration {
        guard let value, value.nanoseconds > 0, value <= maxCallDuration else { return maxCallDuration }
        return value
    }
}
