/// Turns a webhook's HTTP response into a `WebhookReply`, or the one-line reason it cannot be
/// used (dynamic-dispatch.md section 3). Pure: it sees the status and body bytes, nothing else.
public enum WebhookReplyReader {
    public static func read(status: Int, body: [UInt8]) -> Result<WebhookReply, WebhookReplyError> {
        do {
            return .success(try readThrowing(status: status, body: body))
        } catch {
            return .failure(error)
        }
    }

    static func readThrowing(status: Int, body: [UInt8]) throws(WebhookReplyError) -> WebhookReply {
        guard status == 200 else {
            throw WebhookReplyError(.status, "webhook returned non-200 status: \(status)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            let position = TextPosition(offset: error.offset, in: body)
            throw WebhookReplyError(.notJSON, "webhook response body is not JSON: \(error.message) (at \(position))")
        }
        guard case .object(let object) = value else {
            throw WebhookReplyError(.notObject, "webhook response body must be a JSON object, found \(value.kindDescription)")
        }
        var fields = ReplyFields(object)
        let action = try readAction(&fields)
        var notes: [String] = []
        let decision: WebhookReply.Decision
        switch action {
        case .answer: decision = .answer(try readAnswer(&fields))
        case .reject: decision = .reject(try readReject(&fields))
        case .transfer:
            let (transfer, note) = try readTransfer(&fields)
            decision = .transfer(transfer)
            if let note { notes.append(note) }
        }
        for key in fields.unconsumedKeys {
            if let owner = ReplyKeys.owner(of: key) {
                notes.append("webhook response key \"\(key)\" ignored: it applies to \(owner.rawValue), not \(action.rawValue)")
            } else {
                notes.append("webhook response key \"\(key)\" ignored: not part of the dynamic dispatch contract")
            }
        }
        return WebhookReply(decision: decision, notes: notes)
    }

    static func readAction(_ fields: inout ReplyFields) throws(WebhookReplyError) -> DispatchAction {
        let dispatch = try fields.value(ReplyKeys.action.0, ReplyKeys.action.1)
        let plain = try fields.value("action")
        if let dispatch, plain != nil {
            throw WebhookReplyError(.duplicateKey, "webhook response gives both \"action\" and \"\(dispatch.key)\"; keep one")
        }
        guard let (key, value) = dispatch ?? plain.map({ ("action", $0.value) }) else {
            throw WebhookReplyError(
                .missingAction, "webhook response has no \"dispatch_action\" (or \"action\"): expected \(DispatchAction.vocabularyHelp)")
        }
        switch value {
        case .string(let word):
            guard let action = DispatchAction(word: word) else {
                throw WebhookReplyError(
                    .unknownAction,
                    "webhook response \"\(key)\" is \"\(word)\", an unknown action: expected \(DispatchAction.vocabularyHelp)")
            }
            return action
        case .number(let n) where key == "action":
            guard let number = n.int64Value, let action = DispatchAction(number: number) else {
                throw WebhookReplyError(
                    .unknownAction, "webhook response \"action\" is \(n.text), an unknown action number: expected 0, 1 or 2")
            }
            return action
        case .number:
            throw WebhookReplyError(
                .wrongType,
                "webhook response \"\(key)\" must be a string, found \(ReplyFields.describe(value)) (numbers are read only in \"action\")")
        default:
            throw ReplyFields.typeError(key, key == "action" ? "a string or 0, 1, 2" : "a string", value)
        }
    }

    static func readAnswer(_ fields: inout ReplyFields) throws(WebhookReplyError) -> WebhookReply.Answer {
        let room = try fields.string("room_name", "roomName") ?? ""
        guard !room.isEmpty else {
            throw WebhookReplyError(
                .missingRoomName, "webhook answered without \"room_name\": an answer must name the room to put the call in")
        }
        var answer = WebhookReply.Answer(roomName: room)
        answer.pin = try fields.string("pin") ?? ""
        if !answer.pin.allSatisfy(\.isASCIIDigit) {
            throw WebhookReplyError(.badValue, "webhook response \"pin\" must be digits a caller can type, found \"\(answer.pin)\"")
        }
        answer.metadata = try fields.string("metadata") ?? ""
        answer.attributes = try fields.stringMap("attributes") ?? StringMap()
        if let text = try fields.string("media_encryption", "mediaEncryption"), !text.isEmpty {
            guard let encryption = mediaEncryption(text) else {
                throw WebhookReplyError(
                    .badValue,
                    "webhook response media encryption \"\(text)\" is unknown: expected SRTP/REQUIRE, ALLOW or DISABLE (or SIP_MEDIA_ENCRYPT_*)"
                )
            }
            answer.mediaEncryption = encryption
        }
        answer.roomPreset = try fields.string("room_preset", "roomPreset") ?? ""
        answer.roomConfig = try fields.object("room_config", "roomConfig")
        answer.krispEnabled = try fields.bool("krisp_enabled", "krispEnabled")
        return answer
    }

    /// The media encryption vocabulary: the proposal's `SRTP`, the short enum words and the
    /// full enum names, case-insensitive.
    public static func mediaEncryption(_ text: String) -> MediaEncryption? {
        switch text.uppercased() {
        case "SRTP", "REQUIRE", "SIP_MEDIA_ENCRYPT_REQUIRE": return .require
        case "ALLOW", "SIP_MEDIA_ENCRYPT_ALLOW": return .allow
        case "DISABLE", "SIP_MEDIA_ENCRYPT_DISABLE": return .disable
        default: return nil
        }
    }

    static func readReject(_ fields: inout ReplyFields) throws(WebhookReplyError) -> WebhookReply.Reject {
        var code = SIPStatus.defaultRejectCode
        var given = false
        if let (key, value) = try fields.value("reject_status_code", "rejectStatusCode") {
            given = true
            switch value {
            case .number(let n):
                guard let v = n.int64Value, let int = Int(exactly: v) else {
                    throw WebhookReplyError(.wrongType, "webhook response \"\(key)\" must be a whole number, found \(n.text)")
                }
                code = int
            case .string(let name):
                guard let named = SIPStatus.code(enumName: name) else {
                    throw WebhookReplyError(
                        .badValue,
                        "webhook response \"\(key)\" \"\(name)\" is not a SIP_STATUS_* failure name (for example SIP_STATUS_BUSY_HERE)")
                }
                code = named
            default:
                throw ReplyFields.typeError(key, "a status number (400–699) or a SIP_STATUS_* name", value)
            }
            guard SIPStatus.rejectRange.contains(code) else {
                throw WebhookReplyError(
                    .rejectCodeOutOfRange, "webhook response \"\(key)\" is \(code): a reject status must be from 400 to 699")
            }
        }
        let reason = try fields.string("reject_reason", "rejectReason") ?? ""
        return WebhookReply.Reject(statusCode: code, reason: reason.isEmpty ? SIPStatus.reasonPhrase(code) : reason, statusCodeGiven: given)
    }

    static func readTransfer(_ fields: inout ReplyFields) throws(WebhookReplyError) -> (WebhookReply.Transfer, String?) {
        let raw = try fields.string("transfer_to", "transferTo") ?? ""
        guard !raw.isEmpty else {
            throw WebhookReplyError(.missingTransferTarget, "webhook transfer has no \"transfer_to\": expected \(TransferTarget.help)")
        }
        guard let target = TransferTarget.parse(raw) else {
            throw WebhookReplyError(.invalidTransferTarget, "webhook transfer_to \"\(raw)\" is not \(TransferTarget.help)")
        }
        var transfer = WebhookReply.Transfer(to: target.uri)
        if let name = try fields.string("destination_name", "destinationName"), !name.isEmpty { transfer.destinationName = name }
        if let (key, value) = try fields.value("transfer_ringing_timeout", "transferRingingTimeout") {
            transfer.ringingTimeoutSeconds = try ringingTimeout(key, value)
        }
        return (transfer, target.note)
    }

    /// Whole seconds, or a protobuf duration string (`"30s"`); 0 means "LiveKit's default".
    static func ringingTimeout(_ key: String, _ value: JSONValue) throws(WebhookReplyError) -> Double? {
        let seconds: Double
        switch value {
        case .number(let n):
            guard let v = n.int64Value, v >= 0 else {
                throw WebhookReplyError(.wrongType, "webhook response \"\(key)\" must be whole seconds (0 or more), found \(n.text)")
            }
            seconds = Double(v)
        case .string(let s):
            guard let d = ProtoDuration(parsing: s), d.nanoseconds >= 0 else {
                throw WebhookReplyError(
                    .wrongType, "webhook response \"\(key)\" must be seconds or a duration like \"30s\", found \"\(s)\"")
            }
            seconds = d.seconds
        default:
            throw ReplyFields.typeError(key, "seconds or a duration like \"30s\"", value)
        }
        return seconds > 0 ? seconds : nil
    }
}
