import SwitchboardCore
import TerminalKit

/// The export preview: the exact bytes to be written, highlighted as JSON; for the lk
/// formats each file under a heading with its name. Bounded, so a 100,000-rule export does not
/// build millions of lines on the UI thread (the write still writes everything).
enum ExportPreview {
    /// Bytes of text the preview shows at most.
    static let limit = 512 * 1024

    /// Keys whose string values are secrets: masked in the preview unless revealed (`r`); the
    /// file itself is written as it is.
    static let secretKeys: Set<String> = ["apiSecret", "api_secret", "authPassword", "auth_password"]

    static func lines(_ files: [ExportFile], reveal: Bool = false, unicode: Bool = true) -> [SimulatorContent.Line] {
        let mask = "\"" + (unicode ? "••••••" : "******") + "\"  (r reveals)"
        func spans(_ line: [JSONHighlighter.Token]) -> [SimulatorContent.Span] {
            let secret =
                !reveal
                && line.first(where: { $0.kind == .key }).map { secretKeys.contains(String($0.text.dropFirst().dropLast())) } == true
            return line.map { token in
                let text = secret && token.kind == .string && token.text != "\"\"" ? mask : sanitizeForDisplay(token.text)
                return SimulatorContent.Span(text, SimulatorContent.tone(token.kind))
            }
        }
        var out: [SimulatorContent.Line] = []
        var shown = 0
        for (index, file) in files.enumerated() {
            if shown >= limit {
                let rest = files.count - index
                out.append(.blank)
                out.append(SimulatorContent.Line("… \(rest) more file\(rest == 1 ? "" : "s") not previewed (all are written)", .muted))
                break
            }
            if !file.name.isEmpty {
                if index > 0 { out.append(.blank) }
                out.append(
                    SimulatorContent.Line("── \(sanitizeForDisplay(file.name)) · \(SimulatorContent.size(file.bytes.count))", .heading))
            }
            let room = limit - shown
            let cut = file.bytes.count > room
            let bytes = cut ? Array(file.bytes.prefix(room)) : file.bytes
            shown += bytes.count
            let text = String(decoding: bytes, as: UTF8.self)
            if !cut, let tokens = JSONHighlighter.tokenize(text) {
                out += tokens.map { SimulatorContent.Line(spans($0)) }
                if out.last?.plainText.isEmpty == true { out.removeLast() }
            } else {
                // Not valid JSON (cut): shown plain, and without secrets unless revealed.
                let plain = reveal ? text : maskPlain(text, mask: mask)
                out += sanitizeForDisplay(plain, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false).map {
                    SimulatorContent.Line(String($0))
                }
            }
            if cut {
                out.append(SimulatorContent.Line("… preview cut at \(SimulatorContent.size(limit)); the whole file is written", .muted))
            }
        }
        return out
    }

    /// Masks `"key": "value"` for secret keys in text that did not tokenize.
    static func maskPlain(_ text: String, mask: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let key = secretKeys.first(where: { line.contains("\"\($0)\":") }) else { return String(line) }
            let prefix = line.prefix { $0 == " " }
            return prefix + "\"\(key)\": " + mask
        }.joined(separator: "\n")
    }
}
