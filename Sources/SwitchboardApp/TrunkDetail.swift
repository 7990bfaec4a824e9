import SwitchboardCore
import TerminalKit

/// The detail pane of a trunk: every field in plain words, grouped by what it decides, then
/// its problems, conflicts and the rules that can receive its calls.
enum TrunkDetail {
    static func rows(_ trunk: Trunk, catalog: WorkspaceCatalog, options: AppOptions, reveal: Bool) -> [KeyValueTable.Row] {
        var out = DetailRows(unicode: options.unicode, revealSecrets: reveal)
        let item = ItemKey(.trunk, trunk.id)
        let workspace = catalog.workspace

        out.section("Inbound trunk")
        out.field("Name", trunk.name, unset: "no name")
        out.field("ID", trunk.id + (workspace.isNew(trunk.id) ? "  (new: not in LiveKit yet)" : ""))
        out.field(
            "Kind",
            trunk.isDefault
                ? "default: answers calls to numbers no other trunk lists"
                : "specific: answers calls to its own numbers")
        out.field("From file", workspace.origins[item].map { workspace.files[$0].path } ?? "", unset: "created here")
        let (summary, role) = DetailRows.checksSummary(item, catalog: catalog)
        out.field("Checks", summary, role: role)
        out.findings(item, catalog: catalog)

        out.section("Who can call")
        out.list("Called numbers", trunk.numbers, empty: "any number (a default trunk)")
        out.list("Allowed callers", trunk.allowedNumbers, empty: "any caller")
        out.list("Source addresses", trunk.allowedAddresses, empty: "any address")

        out.section("Authentication")
        out.field("User name", trunk.authUsername)
        out.secret("Password", trunk.authPassword)
        out.field("Realm", trunk.authRealm, unset: "not set (LiveKit uses \"LiveKit\")")
        out.note(
            trunk.requiresAuth
                ? "Callers must answer a digest challenge."
                : "No challenge: LiveKit asks for credentials only when both user name and password are set.")

        out.section("Headers and attributes")
        out.map("Headers on 200 OK", trunk.headers)
        out.map("Headers \(out.arrow) attributes", trunk.headersToAttributes)
        out.map("Attributes \(out.arrow) headers", trunk.attributesToHeaders)
        out.field("Copy INVITE headers", headerOptions(trunk.includeHeaders))

        out.section("Call handling")
        out.field("Ringing timeout", DetailRows.duration(trunk.ringingTimeout), unset: "not set (3 minutes)")
        out.field("Max call duration", DetailRows.duration(trunk.maxCallDuration), unset: "not set (24 hours)")
        out.flag("Noise cancellation", trunk.krispEnabled, on: "on (Krisp)", off: "off")
        out.field("Media encryption", MediaText.encryption(trunk.mediaEncryption))
        MediaText.add(trunk.media, to: &out)

        out.section("Bookkeeping")
        out.field("Metadata", trunk.metadata, unset: "none")
        out.field("Created", trunk.createdAt)
        out.field("Updated", trunk.updatedAt)

        out.unknownKeys([("", trunk.unknownMembers), ("media.", trunk.media?.unknownMembers ?? [])])
        receivingRules(trunk, catalog: catalog, into: &out)
        return out.rows
    }

    /// The rules LiveKit considers for this trunk's calls: those listing it, then the wildcard
    /// rules (which take calls from every trunk).
    static func receivingRules(_ trunk: Trunk, catalog: WorkspaceCatalog, into out: inout DetailRows) {
        let (listing, wildcard) = catalog.rulesReceiving(trunkID: trunk.id)
        out.section("Rules that can receive its calls (\(listing.count + wildcard.count))")
        if listing.isEmpty && wildcard.isEmpty {
            out.note("None: calls on this trunk match no dispatch rule and are rejected.", role: .warning)
            return
        }
        var shown = 0
        for (label, positions) in [("Listing it", listing), ("Wildcard", wildcard)] {
            let rules = positions.prefix(max(0, DetailRows.relatedLimit - shown)).map { catalog.workspace.rules[$0] }
            shown += rules.count
            out.list(label, rules.map(RuleDetail.reference), empty: "none")
            if rules.count < positions.count {
                out.note("\(out.ellipsis) and \(positions.count - rules.count) more (press 2, then / and \(trunk.id))")
            }
        }
    }

    static func headerOptions(_ options: HeaderOptions) -> String {
        switch options {
        case .none: return "none (SIP_NO_HEADERS)"
        case .xHeaders: return "X-* headers as sip.h.* attributes (SIP_X_HEADERS)"
        case .allHeaders: return "all headers as sip.h.* attributes (SIP_ALL_HEADERS)"
        case .other(let number): return "unknown value \(number)"
        }
    }
}

/// Media settings in words, shared by trunks and rules.
enum MediaText {
    static func encryption(_ value: MediaEncryption) -> String {
        switch value {
        case .disable: return "no SRTP (SIP_MEDIA_ENCRYPT_DISABLE)"
        case .allow: return "SRTP when offered (SIP_MEDIA_ENCRYPT_ALLOW)"
        case .require: return "SRTP required (SIP_MEDIA_ENCRYPT_REQUIRE)"
        case .other(let number): return "unknown value \(number)"
        }
    }

    /// The newer `media` message, field by field, or one line saying it is not set.
    static func add(_ media: MediaConfig?, to out: inout DetailRows) {
        guard let media else {
            out.field("Media settings", "", unset: "not set")
            return
        }
        out.list(
            "Codecs", media.codecs.map { $0.rate == 0 ? $0.name : "\($0.name) at \($0.rate) Hz" },
            empty: "LiveKit's defaults")
        out.flag("Only listed codecs", media.onlyListedCodecs)
        out.field("Encryption (media)", media.encryption.map(encryption) ?? "", unset: "not set (uses the field above)")
        out.field("Media timeout", DetailRows.duration(media.mediaTimeout), unset: "not set")
    }
}
