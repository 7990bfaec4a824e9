/// A simulated call as `simulate` prints it: the JSON contract (cli.md section 3), or a few
/// aligned lines for a person, with the explain trace on request.
public struct SimulationReport: Sendable {
    public var outcome: CallOutcome

    public init(_ outcome: CallOutcome) { self.outcome = outcome }

    public var json: JSONValue { outcome.json }

    /// The summary; with `explain`, followed by every trace entry.
    public func text(explain: Bool) -> String {
        var lines: [(String, String)] = []
        let call = outcome.call
        var callLine = "\(call.from.isEmpty ? "\"\"" : call.from) → \(call.to.isEmpty ? "\"\"" : call.to)"
        callLine += " (From host \(call.fromHost), source \(call.sourceIP), call ID \(call.callID)"
        if call.noPin { callLine += ", no_pin" } else if !call.pin.isEmpty { callLine += ", pin \(call.pin)" }
        lines.append(("call", callLine + ")"))
        lines.append(("result", "\(outcome.result.rawValue) — SIP \(Self.sipText(outcome.sip))"))
        lines.append(("trunk", outcome.trunk.map { "\($0.id) \(Wording.quoted($0.name)) (\($0.match.rawValue))" } ?? "none"))
        lines.append(("rule", outcome.rule.map { "\($0.id) \(Wording.quoted($0.name)) (\($0.type))" } ?? "none"))
        if let room = outcome.room { lines.append(("room", room.isEmpty ? "\"\" (empty name)" : room)) }
        if let participant = outcome.participant {
            lines.append(("participant", "\(participant.identity) \(Wording.quoted(participant.name))"))
            if !participant.metadata.isEmpty { lines.append(("metadata", participant.metadata)) }
            for (i, attribute) in participant.attributes.enumerated() {
                lines.append((i == 0 ? "attributes" : "", "\(attribute.key)=\(attribute.value)"))
            }
        }
        if let session = outcome.session { lines += Self.sessionLines(session) }
        if let reject = outcome.reject {
            lines.append(("reject", [reject.statusCode.map(String.init), reject.reason].compactMap { $0 }.joined(separator: " ")))
        }
        if let transfer = outcome.transfer {
            var text = transfer.to
            if let name = transfer.destinationName { text += " (\(name))" }
            if let seconds = transfer.ringingTimeoutSeconds { text += ", ringing \(JSONNumber(seconds))s" }
            lines.append(("transfer", text))
        }
        if let webhook = outcome.webhook {
            var text = "\(webhook.request.method) \(webhook.request.url)"
            if let response = webhook.response { text += " → \(response.status) in \(JSONNumber(response.durationMs)) ms" }
            if let error = webhook.error { text += " — \(error)" }
            lines.append(("webhook", text))
        }
        if let error = outcome.error { lines.append(("error", error)) }
        for note in outcome.notes { lines.append(("note", note)) }

        // Room, participant, metadata, attributes, headers, reasons and errors can come from a
        // webhook's reply, names from files: no control character reaches the terminal raw.
        lines = lines.map { ($0.0, TerminalText.escaped($0.1)) }
        let width = lines.map(\.0.count).max() ?? 0
        var out = lines.map { pad($0.0, width) + "  " + $0.1 }.joined(separator: "\n") + "\n"
        if explain { out += "\n" + traceText() }
        return out
    }

    /// The trace as aligned columns: step, id, outcome, why.
    public func traceText() -> String {
        guard !outcome.trace.isEmpty else { return "trace: empty\n" }
        let rows = outcome.trace.map { entry in
            (
                step: entry.step.rawValue, id: TerminalText.escaped(displayID(entry)), outcome: TerminalText.escaped(entry.outcome),
                why: TerminalText.escaped(entry.why)
            )
        }
        let idWidth = rows.map(\.id.count).max() ?? 0
        let outcomeWidth = rows.map(\.outcome.count).max() ?? 0
        var out = "trace:\n"
        for row in rows {
            out += "  " + pad(row.step, 8) + "  " + pad(row.id, idWidth) + "  "
            out += pad(row.outcome, outcomeWidth) + "  " + row.why + "\n"
        }
        return out
    }

    private func displayID(_ entry: TraceEntry) -> String { entry.id.isEmpty ? "-" : entry.id }

    static func sipText(_ sip: CallOutcome.SIPResponse) -> String {
        sip.status.map { "\($0) \(sip.reason)" } ?? "none (\(sip.reason))"
    }

    static func sessionLines(_ session: CallOutcome.Session) -> [(String, String)] {
        var media = "encryption \(session.mediaEncryption.name)"
        if !session.codecs.isEmpty {
            let codecs = session.codecs.map { $0.rate == 0 ? $0.name : "\($0.name)/\($0.rate)" }
            media += ", codecs \(codecs.joined(separator: " "))" + (session.onlyListedCodecs ? " (only these)" : "")
        }
        if let timeout = session.mediaTimeout { media += ", media timeout \(timeout.text)" }
        var lines: [(String, String)] = [("media", media)]
        lines.append(("krisp", session.krisp ? "on" : "off"))
        var timing = "ringing timeout \(session.ringingTimeout?.text ?? "-")"
        timing += ", max call duration \(session.maxCallDuration?.text ?? "-")"
        lines.append(("timing", timing))
        if !session.roomPreset.isEmpty { lines.append(("room preset", session.roomPreset)) }
        if let config = session.roomConfig { lines.append(("room config", JSONWriter.string(config, style: .compact))) }
        let maps: [(String, StringMap)] = [
            ("headers", session.headers), ("headers→attrs", session.headersToAttributes),
            ("attrs→headers", session.attributesToHeaders),
        ]
        for (label, map) in maps where !map.isEmpty {
            lines.append((label, map.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))
        }
        if !session.includeHeaders.isZero { lines.append(("include headers", session.includeHeaders.name)) }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
