import SwitchboardCore

/// The mock-webhook script reader over arbitrary bytes, then what the mock server does with a
/// script: pick the route for a POST payload and for a GET query, and write the reply body.
public func fuzzMockScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let script = try? MockScriptReader.read(SourceDocument(path: "script.json", bytes: bytes)) else { return 0 }
    let post = MockScript.payloadFields(jsonBody: [
        "project_id": "p", "trunk_id": "ST_x", "call_id": "SCL_x", "from_user": "+15551234", "from_host": "h", "to_user": "+15550100",
        "to_host": "t", "headers": .object(["X-Team": "a"]),
    ])
    let get = MockScript.payloadFields(query: "from_user=%2B15551234&to_user=%2b1555&headers.X-Team=a%20b&bad=%zz&%")
    for fields in [post, get] {
        if let route = script.route(for: fields), let body = route.body {
            _ = body.bytes
        }
    }
    return 0
}
