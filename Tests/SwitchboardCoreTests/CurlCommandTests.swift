import SwitchboardCore
import Testing

@Suite("curl command")
struct CurlCommandTests {
    @Test("a POST: URL, headers in order, the body as --data-raw, all single-quoted")
    func post() {
        var headers = StringMap()
        headers["Content-Type"] = "application/json"
        headers["Authorization"] = "eyJ.abc.def"
        let request = WebhookRequest(
            method: .post, url: "http://127.0.0.1:8089/dispatch", headers: headers, body: Array(#"{"from":"+1"}"#.utf8))
        #expect(
            CurlCommand.make(request) == """
                curl 'http://127.0.0.1:8089/dispatch' \\
                  -H 'Content-Type: application/json' \\
                  -H 'Authorization: eyJ.abc.def' \\
                  --data-raw '{"from":"+1"}'
                """)
    }

    @Test("a GET has no body and no -X")
    func get() {
        let request = WebhookRequest(method: .get, url: "http://h/overflow?from=%2B1&to=2", headers: StringMap(), body: [])
        #expect(CurlCommand.make(request) == "curl 'http://h/overflow?from=%2B1&to=2'")
    }

    @Test("single quotes, $, backticks and backslashes survive the shell unchanged")
    func quoting() {
        #expect(CurlCommand.shellQuote("it's") == #"'it'\''s'"#)
        #expect(CurlCommand.shellQuote(#"$HOME `id` \n "x""#) == #"'$HOME `id` \n "x"'"#)
        #expect(CurlCommand.shellQuote("") == "''")
        // A quote with a combining mark is one Character but still a quote to the shell.
        #expect(CurlCommand.shellQuote("a'\u{301}b") == "'a'\\''\u{301}b'")
    }

    @Test("a body with a single quote is quoted, and an empty header value uses curl's Name; form")
    func bodyQuoteAndEmptyHeader() {
        var headers = StringMap()
        headers["X-Empty"] = ""
        let request = WebhookRequest(method: .post, url: "http://h/", headers: headers, body: Array(#"{"name":"O'Brien"}"#.utf8))
        let command = CurlCommand.make(request)
        #expect(command.contains("-H 'X-Empty;'"))
        #expect(command.hasSuffix(#"--data-raw '{"name":"O'\''Brien"}'"#))
    }
}
