/// A webhook request as a `curl` command line, for "copy as cURL": paste it into a shell to
/// send exactly what the simulator sent (same method, URL, headers and body bytes).
///
/// Every argument is single-quoted, the one quoting a POSIX shell does not interpret at all,
/// so `$`, backticks, `"` and `\` in a URL, header or JSON body arrive unchanged; a single quote
/// itself is written `'\''` (close, escaped quote, reopen).
public enum CurlCommand {
    /// `curl 'URL' -H 'Name: value' … --data-raw 'BODY'`, one argument per line joined with
    /// ` \` continuations. `--data-raw` (not `-d`) so a body starting with `@` is not read as a
    /// file name; a `POST` always carries it, so curl sends a `POST` even for an empty body.
    public static func make(_ request: WebhookRequest) -> String {
        var parts = ["curl " + shellQuote(request.url)]
        if request.method == .get, !request.body.isEmpty { parts.append("-X GET") }
        for (name, value) in request.headers {
            // `-H 'Name:'` would remove the header; `Name;` is curl's way to send it empty.
            parts.append("-H " + shellQuote(value.isEmpty ? name + ";" : name + ": " + value))
        }
        if request.method == .post {
            parts.append("--data-raw " + shellQuote(String(decoding: request.body, as: UTF8.self)))
        }
        return parts.joined(separator: " \\\n  ")
    }

    /// `text` as one single-quoted shell word.
    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    /// By code point, not by character: a quote followed by a combining mark is one Character
    /// but still a quote to the shell.
    fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
