import Foundation
import SwitchboardCore
import Testing

/// The JSON Schemas in docs/schemas describe what the code does: every payload the simulator
/// builds validates against the request schema, and the response schema accepts exactly the
/// bodies the reply reader accepts. A schema that drifted from the code would mislead every
/// webhook author who generates types or validators from it, so both are checked with a real
/// JSON Schema validator (Python's `jsonschema`, draft 2020-12).
@Suite("Webhook JSON Schemas")
struct WebhookSchemaTests {
    static let requestSchema = packageRoot.appendingPathComponent("docs/schemas/webhook-request.schema.json").path
    static let responseSchema = packageRoot.appendingPathComponent("docs/schemas/webhook-response.schema.json").path

    @Test("Every payload style the simulator sends validates; a payload missing a field does not")
    func requestsValidate() throws {
        var headers = StringMap()
        headers["X-Tenant"] = "acme"
        let call = SimulatedCall(
            from: "+15551234", to: "+15550100", callID: "SCL_TestCall0001", sipCallID: "abc@carrier", headers: headers)
        let inputs = WebhookPayload.Inputs(projectID: "p_demo", trunkID: "ST_x", ruleID: "SDR_y", call: call)
        let livekit = JSONWriter.string(.object(WebhookPayload.object(inputs, style: .livekit)), style: .compact)
        let extended = JSONWriter.string(.object(WebhookPayload.object(inputs, style: .extended)), style: .compact)
        #expect(extended.contains("\"headers\":{\"X-Tenant\":\"acme\"}"), "the extended payload carries the X- headers")
        let missing = livekit.replacingOccurrences(of: #""project_id":"p_demo","#, with: "")
        let verdicts = try Self.validate([livekit, extended, missing, #"{"surprise":1}"#], schema: Self.requestSchema)
        #expect(verdicts == [true, true, false, false])
    }

    /// Bodies chosen to hit every rule of the contract's section 3, valid and not.
    static let responses: [String] = [
        #"{"dispatch_action":"accept","room_name":"support"}"#,
        #"{"dispatchAction":"ANSWER","roomName":"support","pin":"1234","attributes":{"tier":"gold"}}"#,
        #"{"action":0,"room_name":"r"}"#,
        #"{"action":"Action_Answer","room_name":"r","krisp_enabled":true,"media_encryption":"srtp"}"#,
        #"{"dispatch_action":"reject"}"#,
        #"{"dispatch_action":"hangup","reject_status_code":603,"reject_reason":"Decline"}"#,
        #"{"action":1,"rejectStatusCode":"SIP_STATUS_BUSY_HERE"}"#,
        #"{"dispatch_action":"transfer","transfer_to":"sip:desk@pbx.example","transfer_ringing_timeout":"30s"}"#,
        #"{"action":2,"transferTo":"tel:+15550199","transferRingingTimeout":20,"destinationName":"Desk"}"#,
        #"{"dispatch_action":"accept","room_name":"r","unknown_key":[1,2]}"#,
        #"{"dispatch_action":"accept","room_name":"r","metadata":null}"#,
        // Invalid from here on.
        #"{"room_name":"r"}"#,
        #"{"dispatch_action":"accept"}"#,
        #"{"dispatch_action":"accept","room_name":""}"#,
        #"{"dispatch_action":"dance","room_name":"r"}"#,
        #"{"action":7,"room_name":"r"}"#,
        #"{"dispatch_action":"accept","action":"accept","room_name":"r"}"#,
        #"{"dispatch_action":"accept","dispatchAction":"accept","room_name":"r"}"#,
        #"{"dispatch_action":"accept","room_name":"a","roomName":"b"}"#,
        #"{"dispatch_action":"accept","room_name":5}"#,
        #"{"dispatch_action":"accept","room_name":"r","attributes":{"n":1}}"#,
        #"{"dispatch_action":"accept","room_name":"r","krisp_enabled":"yes"}"#,
        #"{"dispatch_action":"accept","room_name":"r","media_encryption":"ROT13"}"#,
        #"{"dispatch_action":"reject","reject_status_code":302}"#,
        #"{"dispatch_action":"reject","reject_status_code":700}"#,
        #"{"dispatch_action":"reject","reject_status_code":486.5}"#,
        #"{"dispatch_action":"transfer"}"#,
        #"{"dispatch_action":"transfer","transfer_to":"sip:a@b","transfer_ringing_timeout":"soon"}"#,
        #"["accept"]"#,
        #""accept""#,
    ]

    @Test("The response schema accepts exactly what the reply reader accepts")
    func responsesAgreeWithTheReader() throws {
        let reader = Self.responses.map { body in
            (try? WebhookReplyReader.read(status: 200, body: Array(body.utf8)).get()) != nil
        }
        #expect(reader.contains(true) && reader.contains(false), "the cases cover both verdicts")
        let schema = try Self.validate(Self.responses, schema: Self.responseSchema)
        for (index, body) in Self.responses.enumerated() where schema[index] != reader[index] {
            Issue.record(
                "\(body): the reader says \(reader[index] ? "valid" : "invalid"), the schema \(schema[index] ? "valid" : "invalid")")
        }
    }

    /// Validates each JSON text against `schema` in one Python process; true where valid.
    static func validate(_ documents: [String], schema: String) throws -> [Bool] {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit("python3 has no jsonschema module: pip install jsonschema")
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            docs = [json.loads(line) for line in sys.stdin.read().splitlines()]
            print(json.dumps([validator.is_valid(d) for d in docs]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(documents.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let verdicts = try JSONSerialization.jsonObject(with: data) as? [Bool],
            verdicts.count == documents.count
        else {
            throw SchemaCheckFailed(message: "python3 jsonschema failed (\(process.terminationStatus)): \(message)")
        }
        return verdicts
    }

    struct SchemaCheckFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
