import SwitchboardCore
import TerminalKit

/// What the three panes show for one result, built once when the result arrives (pretty
/// printing a body on every frame would be wasted work) and drawn by ``SimulatorView``.
///
/// Every piece of text is passed through ``sanitizeForDisplay(_:keepNewlines:tabWidth:)`` here,
/// so an escape sequence in a webhook's header or body is shown as `\x1b[2J` and never reaches
/// the terminal. Secrets never get here: the request carries only the signed token (the API
/// secret is not in it) and the outcome has no trunk passwords.
public struct SimulatorContent: Sendable, Equatable {
    /// How a span looks; mapped to the theme by the view, so the content does not depend on it.
    public enum Tone: Sendable, Equatable {
        case text, muted, heading, key, accent, success, warning, error
        case jsonKey, jsonString, jsonNumber, jsonLiteral, jsonPunctuation
        case status(Int)
    }

    public struct Span: Sendable, Equatable {
        public var text: String
        public var tone: Tone

        public init(_ text: String, _ tone: Tone = .text) {
            self.text = text
            self.tone = tone
        }
    }

    /// One logical line; the view wraps it to the pane's width, continuation rows indented by
    /// ``indent`` columns (header values line up under their column).
    public struct Line: Sendable, Equatable {
        public var spans: [Span]
        public var indent: Int

        public init(_ spans: [Span], indent: Int = 0) {
            self.spans = spans
            self.indent = indent
        }

        public init(_ text: String, _ tone: Tone = .text) {
            self.init([Span(text, tone)])
        }

        public static let blank = Line([])

        public var plainText: String { spans.map(\.text).joined() }
    }

    public var request: [Line] = []
    public var response: [Line] = []
    public var outcome: [Line] = []
    /// Pane title notes (`POST · 312 B`, `200 OK · 312 B · 23 ms`, `ACCEPT · 25 ms`).
    public var requestNote: String?
    public var responseNote: String?
    public var outcomeNote: String?
    /// The status class colour of the response note.
    public var responseStatus: Int?

    public init() {}

    public func lines(_ pane: SimulatorState.Pane) -> [Line] {
        switch pane {
        case .request: return request
        case .response: return response
        case .outcome: return outcome
        }
    }

    public func note(_ pane: SimulatorState.Pane) -> String? {
        switch pane {
        case .request: return requestNote
        case .response: return responseNote
        case .outcome: return outcomeNote
        }
    }

    /// The short form of a note for a tab (`200`, `reset`, `ACCEPT`): the first word.
    public func tabNote(_ pane: SimulatorState.Pane) -> String? {
        guard pane != .request, let note = note(pane) else { return nil }
        return note.split(separator: " ").first.map(String.init)
    }

    /// Bodies longer than this are shown cut (the copy keys still copy all of it): pretty
    /// printing and highlighting a 1 MiB body on the UI thread would stall a keystroke.
    static let displayBodyLimit = 64 * 1024
    /// Longer lines (a minified body, a `huge` fault's filler) are stored in pieces of this
    /// many characters, so drawing and scrolling wrap only what is on screen, never one
    /// 64 kB line per frame.
    static let lineChunk = 512

    // MARK: - Building

    public static func build(_ result: CallResult) -> SimulatorContent {
        var content = SimulatorContent()
        guard result.ending == .finished, let outcome = result.outcome else {
            let seconds = Self.seconds(result.durationMs)
            let line = Line("Cancelled after \(seconds): no outcome. Enter runs the call again.", .warning)
            content.request = [line]
            content.response = [line]
            content.outcome = [line]
            content.outcomeNote = "cancelled · \(seconds)"
            return content
        }
        content.buildRequest(result, outcome)
        content.buildResponse(result, outcome)
        content.buildOutcome(result, outcome)
        return content
    }

    mutating func buildRequest(_ result: CallResult, _ outcome: CallOutcome) {
        guard let request = result.request else {
            request = Self.noWebhookLines(outcome)
            return
        }
        requestNote = request.method.rawValue + (request.body.isEmpty ? "" : " · " + Self.size(request.body.count))
        var lines: [Line] = [
            Line([Span(request.method.rawValue, .heading), Span(" "), Span(sanitizeForDisplay(request.url), .accent)], indent: 2),
            .blank, Line("Headers", .heading),
        ]
        lines += Self.headerLines(request.headers)
        if let token = request.headers["Authorization"], let decoded = JWTPreview(token: token) {
            lines.append(.blank)
            lines.append(Line("Authorization, decoded (HS256 JWT signed with the API secret; not secret itself)", .heading))
            lines += Self.tableLines([("header", decoded.header), ("claims", decoded.claims)], tone: .jsonString)
        }
        lines.append(.blank)
        if request.method == .get {
            lines.append(Line("No body: a GET sends the call's fields as query parameters in the URL.", .muted))
        } else {
            lines.append(Line("Body · " + Self.size(request.body.count), .heading))
            lines += Self.bodyLines(request.body)
        }
        self.request = lines
    }

    mutating func buildResponse(_ result: CallResult, _ outcome: CallOutcome) {
        guard let exchange = result.exchange else {
            response = [Line("No response: no webhook was called.", .muted)]
            return
        }
        var lines: [Line] = []
        let duration = Self.milliseconds(exchange.durationMs)
        if let failure = exchange.failure {
            lines.append(Line(Self.faultSummary(failure, durationMs: exchange.durationMs), .error))
            lines.append(Line(sanitizeForDisplay(failure.message), .muted))
            lines.append(.blank)
        }
        guard let response = exchange.response else {
            lines.append(Line("No response arrived.", .muted))
            responseNote = (exchange.failure.map(Self.faultWord) ?? "no response") + " · " + duration
            self.response = lines
            return
        }
        responseStatus = response.status
        let phrase = HTTPReason.phrase(response.status)
        let status = phrase.isEmpty ? "\(response.status)" : "\(response.status) \(phrase)"
        responseNote = status + " · " + Self.size(response.body.count) + " · " + duration
        lines.append(Line([Span("HTTP ", .muted), Span(status, .status(response.status))]))
        lines.append(.blank)
        lines.append(Line("Headers", .heading))
        lines += response.headers.isEmpty ? [Line("  (none)", .muted)] : Self.headerLines(response.headers)
        lines.append(.blank)
        lines.append(Line("Body · " + Self.size(response.body.count), .heading))
        lines += response.body.isEmpty ? [Line("(empty)", .muted)] : Self.bodyLines(response.body)
        if let error = outcome.webhook?.error, exchange.failure == nil {
            lines.append(.blank)
            lines.append(Line(sanitizeForDisplay(error), .error))
        }
        self.response = lines
    }

    mutating func buildOutcome(_ result: CallResult, _ outcome: CallOutcome) {
        outcomeNote = outcome.result.rawValue + " · " + Self.milliseconds(result.durationMs)
        var lines: [Line] = [Line(sanitizeForDisplay(Self.headline(outcome)), Self.tone(outcome.result)), .blank]
        let report = SimulationReport(outcome)
        let summary = report.text(explain: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The report pads its labels to one width: the value column is where the first line's
        // value starts, and continuation rows wrap under it.
        let firstLine = summary.first ?? ""
        let labelEnd = firstLine.firstIndex(of: " ").map { firstLine.distance(from: firstLine.startIndex, to: $0) } ?? 0
        let valueColumn = labelEnd + (firstLine.dropFirst(labelEnd).prefix { $0 == " " }.count)
        for line in summary where !line.isEmpty {
            let label = String(line.prefix(valueColumn))
            let value = String(line.dropFirst(valueColumn))
            lines.append(Line([Span(label, .key), Span(sanitizeForDisplay(value))], indent: valueColumn))
        }
        lines.append(.blank)
        let trace = report.traceText().split(separator: "\n").map(String.init)
        for (index, line) in trace.enumerated() {
            if index == 0 {
                lines.append(Line("Trace (every trunk and rule, and why)", .heading))
            } else {
                lines.append(Line([Span(sanitizeForDisplay(line), Self.traceTone(line))], indent: 12))
            }
        }
        self.outcome = lines
    }

    // MARK: - Pieces

    /// The result in plain words: "Answer → room support-42 as sip_+15550123".
    static func headline(_ outcome: CallOutcome) -> String {
        switch outcome.result {
        case .accept:
            var text = "Answer → room " + (outcome.room.map { $0.isEmpty ? "\"\"" : $0 } ?? "?")
            if let participant = outcome.participant { text += " as " + participant.identity }
            return text
        case .requestPin:
            return "Answer and ask for the PIN (\(outcome.room.map { "room " + $0 } ?? "then evaluate again"))"
        case .reject:
            let code = outcome.reject?.statusCode.map { "\($0) " } ?? ""
            return "Reject " + code + (outcome.reject?.reason ?? "")
        case .transfer:
            return "Transfer → " + (outcome.transfer?.to ?? "?")
        case .drop:
            return "Drop: no final response (the caller hears ringing)"
        case .error:
            return "Error: " + (outcome.error ?? "the call could not be routed")
        }
    }

    static func tone(_ result: CallOutcome.Result) -> Tone {
        switch result {
        case .accept: return .success
        case .requestPin, .drop: return .warning
        case .transfer: return .accent
        case .reject, .error: return .error
        }
    }

    static func traceTone(_ line: String) -> Tone {
        let words = line.split(separator: " ")
        guard words.count > 2 else { return .text }
        if line.contains(" chosen ") || line.contains(" matched ") || line.contains(" accept ") { return .success }
        if line.contains(" error ") { return .error }
        return .text
    }

    /// Why the request pane is empty for a call that called no webhook.
    static func noWebhookLines(_ outcome: CallOutcome) -> [Line] {
        var lines = [Line("No webhook is called.", .heading)]
        if let rule = outcome.rule {
            if rule.type == "dynamic" {
                lines.append(Line(sanitizeForDisplay(outcome.error ?? "The dynamic rule's webhook was not called."), .warning))
            } else {
                lines.append(
                    Line(
                        sanitizeForDisplay(
                            "Rule \(rule.id) \"\(rule.name)\" is a \(rule.type) rule: LiveKit routes the call "
                                + "from the configuration alone.")))
            }
        } else {
            lines.append(Line("No dispatch rule was chosen for this call (the Outcome pane's trace says why)."))
        }
        return lines
    }

    /// `  Name  value` rows, names padded to one column.
    static func headerLines(_ headers: StringMap) -> [Line] {
        tableLines(headers.map { ($0.key, $0.value) }, tone: .text)
    }

    static func tableLines(_ rows: [(String, String)], tone: Tone) -> [Line] {
        let names = rows.map { sanitizeForDisplay($0.0) }
        let width = min(24, names.map { DisplayWidth.of($0) }.max() ?? 0)
        return zip(names, rows).map { name, row in
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(name)))
            return Line([Span("  " + name + padding, .key), Span("  " + sanitizeForDisplay(row.1), tone)], indent: width + 4)
        }
    }

    /// A body pretty-printed and highlighted when it is JSON, else its text as is (escaped).
    static func bodyLines(_ body: [UInt8]) -> [Line] {
        let cut = body.count > displayBodyLimit
        let shown = cut ? Array(body.prefix(displayBodyLimit)) : body
        var lines: [Line]
        if !cut, let value = try? JSONParser.parse(shown), let tokens = JSONHighlighter.tokenize(JSONWriter.string(value, style: .pretty)) {
            lines = tokens.map { Line($0.map { Span(sanitizeForDisplay($0.text), tone($0.kind)) }) }
        } else {
            lines = sanitizeForDisplay(String(decoding: shown, as: UTF8.self), keepNewlines: true)
                .split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) }
        }
        lines = lines.flatMap { chunked($0) }
        if cut {
            lines.append(Line("… cut at \(size(displayBodyLimit)) for display; y copies all \(size(body.count))", .muted))
        }
        return lines
    }

    /// A line cut into lines of at most ``lineChunk`` characters, spans kept.
    static func chunked(_ line: Line) -> [Line] {
        guard line.spans.reduce(0, { $0 + $1.text.utf8.count }) > lineChunk else { return [line] }
        var out: [Line] = []
        var current: [Span] = []
        var count = 0
        for span in line.spans {
            var text = Substring(span.text)
            while !text.isEmpty {
                let piece = text.prefix(lineChunk - count)
                current.append(Span(String(piece), span.tone))
                count += piece.count
                text = text.dropFirst(piece.count)
                if count >= lineChunk {
                    out.append(Line(current, indent: line.indent))
                    current = []
                    count = 0
                }
            }
        }
        if !current.isEmpty { out.append(Line(current, indent: line.indent)) }
        return out
    }

    static func tone(_ kind: JSONHighlighter.TokenKind) -> Tone {
        switch kind {
        case .key: return .jsonKey
        case .string: return .jsonString
        case .number: return .jsonNumber
        case .literal: return .jsonLiteral
        case .punctuation: return .jsonPunctuation
        case .whitespace: return .text
        }
    }

    /// What went wrong, in a few words with the time: "connection reset after 12 ms".
    static func faultSummary(_ failure: WebhookFailure, durationMs: Double) -> String {
        let after = " after " + milliseconds(durationMs)
        switch failure {
        case .connectionRefused(let host, let port): return "connection refused by \(host):\(port)" + after
        case .dnsFailure(let host): return "DNS lookup for \(host) failed" + after
        case .tlsFailure: return "TLS handshake failed" + after
        case .connectTimeout(let ms): return "connect timed out after \(ms) ms"
        case .totalTimeout(let ms): return "no complete answer within \(ms) ms"
        case .closedEarly: return "connection closed before the response was complete" + after
        case .connectionReset: return "connection reset" + after
        case .responseTooLarge(let limit): return "response larger than \(size(limit)), stopped reading" + after
        case .other: return "request failed" + after
        }
    }

    static func faultWord(_ failure: WebhookFailure) -> String {
        switch failure {
        case .connectionRefused: return "refused"
        case .dnsFailure: return "DNS failed"
        case .tlsFailure: return "TLS failed"
        case .connectTimeout: return "connect timeout"
        case .totalTimeout: return "timeout"
        case .closedEarly: return "closed"
        case .connectionReset: return "reset"
        case .responseTooLarge: return "too large"
        case .other: return "failed"
        }
    }

    /// `312 B`, `1.5 kB`, `1.0 MB` (decimal units, as HTTP tools show them).
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return oneDecimal(Double(bytes) / 1000) + " kB" }
        return oneDecimal(Double(bytes) / 1_000_000) + " MB"
    }

    /// `23 ms`, `1.2 s`.
    static func milliseconds(_ ms: Double) -> String {
        ms < 1000 ? "\(Int(ms.rounded())) ms" : seconds(ms)
    }

    static func seconds(_ ms: Double) -> String { oneDecimal(ms / 1000) + " s" }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
