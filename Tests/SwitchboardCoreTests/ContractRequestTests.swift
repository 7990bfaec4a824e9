import Testing

@testable import SwitchboardCore

@Suite("Contract: the request")
struct ContractRequestTests {
    func request(
        method: String = "POST", url: String = "https://hooks.example.net/sip", call: SimulatedCall = testCall(),
        payload: ProjectSettings.Payload = .livekit, signer: (any WebhookSigner)? = nil
    ) throws -> WebhookRequest {
        let pending = try ContractFixture.pending(url: url, method: method, call: call)
        let context = WebhookContext(
            transport: UnusedTransport(), limits: WebhookLimits(), projectID: "p_demo", payload: payload, signer: signer, version: "9.9")
        return context.request(for: pending)
    }

    @Test("POST sends the seven fields in order as compact JSON, byte for byte")
    func postBody() throws {
        let sent = try request()
        #expect(sent.method == .post)
        #expect(sent.url == "https://hooks.example.net/sip")
        let expected =
            #"{"project_id":"p_demo","trunk_id":"ST_ContractTrk1","call_id":"SCL_TestCall0001","from_user":"+15551234","#
            + #""from_host":"sip.carrier.example","to_user":"+15550100","to_host":"sip.livekit.local"}"#
        #expect(String(decoding: sent.body, as: UTF8.self) == expected)
        #expect(sent.headers.keys == ["Content-Type", "Accept", "User-Agent"])
        #expect(sent.headers["Content-Type"] == "application/json")
        #expect(sent.headers["Accept"] == "application/json")
        #expect(sent.headers["User-Agent"] == "switchboard/9.9")
    }

    @Test("GET sends the same fields as a query, every reserved character percent-encoded")
    func getQuery() throws {
        let call = testCall(from: "+1 555&x=y/é~", fromHost: "a+b.example")
        let sent = try request(method: "get", url: "https://hooks.example.net/sip?tenant=a%20b", call: call)
        #expect(sent.method == .get)
        #expect(sent.body.isEmpty)
        #expect(sent.headers["Content-Type"] == nil)
        #expect(
            sent.url
                == "https://hooks.example.net/sip?tenant=a%20b&project_id=p_demo&trunk_id=ST_ContractTrk1&call_id=SCL_TestCall0001"
                + "&from_user=%2B1%20555%26x%3Dy%2F%C3%A9~&from_host=a%2Bb.example&to_user=%2B15550100&to_host=sip.livekit.local")
    }

    @Test("a query is appended after ? or & correctly, and a fragment is dropped")
    func queryAppending() {
        #expect(QueryEncoding.appending("a=1", to: "http://h/p") == "http://h/p?a=1")
        #expect(QueryEncoding.appending("a=1", to: "http://h/p?") == "http://h/p?a=1")
        #expect(QueryEncoding.appending("a=1", to: "http://h/p?x=2&") == "http://h/p?x=2&a=1")
        #expect(QueryEncoding.appending("a=1", to: "http://h/p?x=2#frag") == "http://h/p?x=2&a=1")
        #expect(QueryEncoding.encodeComponent("A-z.0_9~ +") == "A-z.0_9~%20%2B")
    }

    @Test("the extended payload adds rule_id, sip_call_id, source_ip and the X- headers only")
    func extendedPayload() throws {
        var call = testCall()
        call.headers = ["X-Account": "42", "Via": "SIP/2.0/UDP 10.0.0.1", "x-lower": "yes"]
        let post = try request(call: call, payload: .extended)
        let object = try #require(try JSONParser.parse(post.body).objectValue)
        #expect(object.keys == WebhookPayload.standardKeys + ["rule_id", "sip_call_id", "source_ip", "headers"])
        #expect(object["rule_id"] == "SDR_ContractDyn1")
        #expect(object["sip_call_id"] == "abc@sip.carrier.example")
        #expect(object["source_ip"] == "203.0.113.7")
        #expect(object["headers"] == .object(["X-Account": "42", "x-lower": "yes"]))

        let get = try request(method: "GET", call: call, payload: .extended)
        #expect(
            get.url.hasSuffix(
                "&rule_id=SDR_ContractDyn1&sip_call_id=abc%40sip.carrier.example&source_ip=203.0.113.7"
                    + "&headers.X-Account=42&headers.x-lower=yes"))
    }

    @Test("a signer's token goes in Authorization, raw (no Bearer), for POST and GET alike")
    func authorization() throws {
        let post = try request(signer: FixedSigner())
        #expect(post.headers["Authorization"] == "token-for-\(post.body.count)-bytes")
        let get = try request(method: "GET", signer: FixedSigner())
        #expect(get.headers["Authorization"] == "token-for-0-bytes")
    }

    @Test("an empty method means POST; the trunk ID is empty when no trunk matched")
    func defaults() throws {
        #expect(try request(method: "").method == .post)
        let inputs = WebhookPayload.Inputs(projectID: "", trunkID: "", ruleID: "SDR_x", call: testCall())
        let object = WebhookPayload.object(inputs, style: .livekit)
        #expect(object.keys == WebhookPayload.standardKeys)
        #expect(object["trunk_id"] == "")
        #expect(object["project_id"] == "")
    }
}
