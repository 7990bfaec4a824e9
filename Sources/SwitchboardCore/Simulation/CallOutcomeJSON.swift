/// `simulate --json` (cli.md section 3): a contract. Every key is always written, in the
/// order of the spec's example, with `null` for "no value"; key names are exactly the spec's.
/// The session settings (media, Krisp, trunk timings) are not part of the contract and are
/// left out here; the human summary shows them.
extension CallOutcome {
    public var json: JSONValue {
        .object([
            "call": call.json,
            "trunk": trunk.map { .object(["id": .string($0.id), "name": .string($0.name), "match": .string($0.match.rawValue)]) } ?? .null,
            "rule": rule.map { .object(["id": .string($0.id), "name": .string($0.name), "type": .string($0.type)]) } ?? .null,
            "webhook": webhook?.json ?? .null,
            "result": .string(result.rawValue),
            "room": room.map(JSONValue.string) ?? .null,
            "participant": participant?.json ?? .null,
            "reject": reject.map { .object(["statusCode": Self.number($0.statusCode), "reason": .string($0.reason)]) } ?? .null,
            "transfer": transfer?.json ?? .null,
            "sip": .object(["status": Self.number(sip.status), "reason": .string(sip.reason)]),
            "error": error.map { .object(["message": .string($0)]) } ?? .null,
            "notes": .array(notes.map(JSONValue.string)),
            "trace": .array(trace.map(\.json)),
        ])
    }

    static func number(_ value: Int?) -> JSONValue { value.map { .number(JSONNumber($0)) } ?? .null }
    static func number(_ value: Double?) -> JSONValue { value.map { .number(JSONNumber($0)) } ?? .null }
    static func map(_ map: StringMap) -> JSONValue { .object(JSONObject(map.map { JSONMember($0.key, .string($0.value)) })) }
}

extension SimulatedCall {
    /// `pin` is null when none was entered; `headers` an object in the order given.
    public var json: JSONValue {
        .object([
            "from": .string(from),
            "to": .string(to),
            "fromHost": .string(fromHost),
            "toHost": .string(toHost),
            "sourceIp": .string(sourceIP),
            "callId": .string(callID),
            "pin": pin.isEmpty ? .null : .string(pin),
            "noPin": .bool(noPin),
            "headers": CallOutcome.map(headers),
        ])
    }
}

extension CallOutcome.Participant {
    var json: JSONValue {
        .object([
            "identity": .string(identity),
            "name": .string(name),
            "metadata": .string(metadata),
            "attributes": CallOutcome.map(attributes),
        ])
    }
}

extension CallOutcome.Transfer {
    var json: JSONValue {
        .object([
            "to": .string(to),
            "destinationName": destinationName.map(JSONValue.string) ?? .null,
            "ringingTimeoutSeconds": CallOutcome.number(ringingTimeoutSeconds),
        ])
    }
}

extension WebhookRecord {
    public var json: JSONValue {
        .object([
            "request": .object([
                "method": .string(request.method),
                "url": .string(request.url),
                "headers": CallOutcome.map(request.headers),
                "body": .string(request.body),
            ]),
            "response": response.map {
                .object([
                    "status": .number(JSONNumber($0.status)),
                    "headers": CallOutcome.map($0.headers),
                    "body": $0.body.map(JSONValue.string) ?? .null,
                    "durationMs": .number(JSONNumber($0.durationMs)),
                ])
            } ?? .null,
            "error": error.map(JSONValue.string) ?? .null,
        ])
    }
}

extension TraceEntry {
    public var json: JSONValue {
        .object(["step": .string(step.rawValue), "id": .string(id), "outcome": .string(outcome), "why": .string(why)])
    }
}
