import Crypto

/// How the caller appears in the room (livekit-routing.md 4.2–4.3): identity, display name,
/// the caller string used in Individual room names, and whether the three `sip.*` number
/// attributes are set.
///
/// With `hide_phone_number`, LiveKit derives the identity from a hash so the same caller
/// keeps the same identity without revealing the number, and shortens the number everywhere
/// else to its last four characters (the last one when it has four or fewer).
public struct CallerPresentation: Sendable, Equatable {
    public var identity: String
    public var name: String
    /// The caller as it appears in room names: the From user, or its masked tail.
    public var caller: String
    /// False when hidden: `sip.phoneNumber`, `sip.hostname`, `sip.trunkPhoneNumber` are left out.
    public var showsNumbers: Bool

    /// Errors instead of crashing where LiveKit's code would index an empty string.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case emptyCallerHidden(ruleID: String)

        public var description: String {
            switch self {
            case .emptyCallerHidden(let ruleID):
                return "rule \(ruleID) hides the phone number, but the call has no caller number (empty From user); "
                    + "LiveKit's evaluator would crash taking its last digits. Give the call a --from number"
            }
        }
    }

    public static func of(caller: String, hidden: Bool, ruleID: String) throws(Failure) -> CallerPresentation {
        guard hidden else {
            return CallerPresentation(identity: "sip_" + caller, name: "Phone " + caller, caller: caller, showsNumbers: true)
        }
        guard !caller.isEmpty else { throw .emptyCallerHidden(ruleID: ruleID) }
        let masked = maskedTail(caller)
        return CallerPresentation(identity: hashedIdentity(caller), name: "Phone " + masked, caller: masked, showsNumbers: false)
    }

    /// `sip_` + the first 8 bytes of SHA-256 of the From user in lowercase hex
    /// (`+11112222` → `sip_c15a31c71649a522`).
    public static func hashedIdentity(_ caller: String) -> String {
        var hasher = SHA256()
        var caller = caller
        caller.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digest = hasher.finalize()
        // Written straight into the string: formatting each byte made eight strings per call.
        return String(unsafeUninitializedCapacity: 20) { out in
            _ = out.initialize(from: "sip_".utf8)
            var at = 4
            for byte in digest.prefix(8) {
                out[at] = hexDigits[Int(byte >> 4)]
                out[at + 1] = hexDigits[Int(byte & 0x0f)]
                at += 2
            }
            return at
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The last four bytes, or the last one when the caller has four or fewer (LiveKit slices
    /// bytes; numbers are ASCII, and a slice through a multi-byte character keeps whole
    /// characters here).
    static func maskedTail(_ caller: String) -> String {
        let keep = caller.utf8.count > 4 ? 4 : 1
        return String(decoding: caller.utf8.suffix(keep), as: UTF8.self)
    }
}
