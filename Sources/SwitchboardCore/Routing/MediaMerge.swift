/// The media settings of an accepted call: the rule's layered over the trunk's (HEAD
/// `SIPMediaConfig.Merge`, livekit-routing.md 4.6).
///
/// * The legacy `media_encryption` field counts as `media.encryption` when the latter is unset
///   and the legacy value is not DISABLE (DISABLE doubles as "unset" in the legacy field).
/// * Encryption: one side set → that one; both set → the rule's, unless it is DISABLE, then
///   the trunk's. Neither → DISABLE. So trunk REQUIRE + rule unset → REQUIRE, trunk REQUIRE +
///   rule ALLOW → ALLOW, trunk ALLOW + rule DISABLE → ALLOW.
/// * Media timeout: the rule's if set, else the trunk's. Codecs: the rule's list (and its
///   `only_listed_codecs`) if non-empty, else the trunk's.
public struct MediaMerge: Sendable, Equatable {
    public var encryption: MediaEncryption?
    public var codecs: [MediaConfig.Codec] = []
    public var onlyListedCodecs = false
    public var mediaTimeout: ProtoDuration?

    /// The effective settings of one side, legacy field upgraded.
    public init(media: MediaConfig?, legacyEncryption: MediaEncryption) {
        encryption = media?.encryption ?? (legacyEncryption.isZero ? nil : legacyEncryption)
        codecs = media?.codecs ?? []
        onlyListedCodecs = media?.onlyListedCodecs ?? false
        mediaTimeout = media?.mediaTimeout
    }

    public init() {}

    public static func merge(trunk: MediaMerge, rule: MediaMerge) -> MediaMerge {
        var out = MediaMerge()
        switch (trunk.encryption, rule.encryption) {
        case (nil, let r): out.encryption = r
        case (let t, nil): out.encryption = t
        case (let t?, let r?): out.encryption = r.isZero ? t : r
        }
        out.mediaTimeout = rule.mediaTimeout ?? trunk.mediaTimeout
        if rule.codecs.isEmpty {
            out.codecs = trunk.codecs
            out.onlyListedCodecs = trunk.onlyListedCodecs
        } else {
            out.codecs = rule.codecs
            out.onlyListedCodecs = rule.onlyListedCodecs
        }
        return out
    }

    /// Where the merged encryption came from, for the trace.
    public static func explainEncryption(trunk: MediaMerge, rule: MediaMerge) -> String {
        let name = { (e: MediaEncryption?) in e.map { $0.name } ?? "unset" }
        let merged = merge(trunk: trunk, rule: rule).encryption ?? .disable
        return "media encryption \(merged.name) (trunk \(name(trunk.encryption)), rule \(name(rule.encryption)))"
    }
}
