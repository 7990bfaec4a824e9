/// The room a static rule sends a call to (livekit-routing.md 4.1, HEAD):
///
/// | type       | room                                                                 |
/// |------------|----------------------------------------------------------------------|
/// | Direct     | `room_name` verbatim                                                 |
/// | Individual | [`prefix_`]caller, then `_` + 12 random characters unless `no_randomness` |
/// | Callee     | [`prefix_`]called number, then `_` + 12 random characters if `randomize`  |
///
/// The `_` after a non-empty prefix is always added, so a prefix `call-` gives `call-_+1555…`.
/// The caller is the masked one when the rule hides the phone number; the called number is
/// never masked. Random characters come from `rng` (base-57, as LiveKit's IDs), so a seeded
/// generator reproduces room names.
public enum RoomNaming {
    public static func room(
        for kind: RuleKind, caller: String, callee: String, using rng: inout some RandomNumberGenerator
    ) -> String {
        switch kind {
        case .direct(let rule):
            return rule.roomName
        case .individual(let rule):
            return joined(rule.roomPrefix, caller, rule.noRandomness ? nil : GeneratedID.suffix(using: &rng))
        case .callee(let rule):
            return joined(rule.roomPrefix, callee, rule.randomize ? GeneratedID.suffix(using: &rng) : nil)
        case .dynamic:
            // The webhook names the room; without one there is no name to give.
            return ""
        }
    }

    /// [`prefix_`]`base`[`_suffix`], built in one buffer: chaining `+` made up to three
    /// intermediate strings per room.
    static func joined(_ prefix: String, _ base: String, _ suffix: String?) -> String {
        let length =
            (prefix.isEmpty ? 0 : prefix.utf8.count + 1) + base.utf8.count + (suffix.map { $0.utf8.count + 1 } ?? 0)
        var room = ""
        // Up to 15 bytes stay inline in the string; reserving would allocate for nothing.
        if length > 15 { room.reserveCapacity(length) }
        if !prefix.isEmpty {
            room += prefix
            room += "_"
        }
        room += base
        if let suffix {
            room += "_"
            room += suffix
        }
        return room
    }

    /// How the name was built, for the trace.
    public static func explain(_ kind: RuleKind) -> String {
        switch kind {
        case .direct: return "direct rule: room_name verbatim"
        case .individual(let rule):
            let prefix = rule.roomPrefix.isEmpty ? "caller" : "prefix \(Wording.quoted(rule.roomPrefix)) + \"_\" + caller"
            return "individual rule: \(prefix)" + (rule.noRandomness ? " (no_randomness)" : " + \"_\" + 12 random characters")
        case .callee(let rule):
            let prefix = rule.roomPrefix.isEmpty ? "called number" : "prefix \(Wording.quoted(rule.roomPrefix)) + \"_\" + called number"
            return "callee rule: \(prefix)" + (rule.randomize ? " + \"_\" + 12 random characters (randomize)" : "")
        case .dynamic: return "dynamic rule: the webhook's room_name verbatim"
        }
    }
}
