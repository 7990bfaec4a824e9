/// Field checks for one inbound trunk (`SIPInboundTrunkInfo.Validate`, HEAD), plus warnings.
enum TrunkChecks {
    static func check(_ trunk: Trunk) -> [Diagnostic] {
        let item = ItemKey(.trunk, trunk.id)
        var out: [Diagnostic] = []
        func error(_ field: String?, _ message: String) { out.append(Diagnostic(.error, item: item, field: field, message)) }
        func warning(_ field: String?, _ message: String) { out.append(Diagnostic(.warning, item: item, field: field, message)) }

        let hasAuth = !trunk.authUsername.isEmpty || !trunk.authPassword.isEmpty
        if !hasAuth && trunk.allowedAddresses.isEmpty && trunk.numbers.isEmpty {
            error(nil, "for security, one of the fields must be set: AuthUsername+AuthPassword, AllowedAddresses or Numbers")
        }
        if trunk.authUsername.isEmpty != trunk.authPassword.isEmpty {
            warning(
                trunk.authUsername.isEmpty ? "authUsername" : "authPassword",
                "only one of authUsername and authPassword is set: LiveKit challenges callers only when both are, so this trunk accepts calls without authentication"
            )
        }
        for entry in trunk.allowedAddresses where !AddressFilter.isWellFormedEntry(entry) {
            warning("allowedAddresses", "entry \"\(entry)\" is not an IP, CIDR or hostname; LiveKit drops it silently")
        }
        if !trunk.allowedAddresses.isEmpty && trunk.allowedAddresses.allSatisfy({ !AddressFilter.isWellFormedEntry($0) }) {
            warning("allowedAddresses", "no valid entry remains, so LiveKit allows calls from any address")
        }
        for (name, value) in trunk.headers {
            if let problem = SIPHeaderRules.nameProblem(name) { error("headers", problem) }
            if SIPHeaderRules.reserved.contains(name.lowercased()) {
                error("headers", "header \"\(name)\" is managed by LiveKit and cannot be set in headers")
            }
            if let problem = SIPHeaderRules.valueProblem(name, value) { error("headers", problem) }
        }
        for (name, _) in trunk.headersToAttributes {
            if let problem = SIPHeaderRules.nameProblem(name) { error("headersToAttributes", problem) }
        }
        for (_, header) in trunk.attributesToHeaders {
            if let problem = SIPHeaderRules.nameProblem(header) { error("attributesToHeaders", problem) }
        }
        if let media = trunk.media { out += MediaChecks.check(media, item: item) }
        if case .other(let n) = trunk.mediaEncryption { error("mediaEncryption", "unknown media encryption \(n)") }
        if let ringing = trunk.ringingTimeout, ringing.nanoseconds < 0 {
            error("ringingTimeout", "ringing timeout must not be negative")
        }
        if let max = trunk.maxCallDuration, max.nanoseconds > 24 * 3_600_000_000_000 {
            warning("maxCallDuration", "longer than 24h: LiveKit's SIP bridge cuts calls at 24h")
        }
        for number in trunk.numbers where PhoneNumber.normalize(number) != number && number.contains(where: \.isNumber) {
            warning(
                "numbers",
                "\"\(number)\" is matched after normalization as \"\(PhoneNumber.normalize(number))\"; dispatch-rule filters are compared exactly, so write the normalized form there"
            )
        }
        return out
    }
}

/// `SIPMediaConfig` checks shared by trunks and rules.
enum MediaChecks {
    static func check(_ media: MediaConfig, item: ItemKey) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for codec in media.codecs {
            if codec.name.isEmpty {
                out.append(Diagnostic(.error, item: item, field: "media", "codec name must not be empty"))
            } else if codec.name.contains(where: { $0.isWhitespace || $0 == "/" }) {
                out.append(
                    Diagnostic(.error, item: item, field: "media", "codec name \"\(codec.name)\" must not contain whitespace or '/'"))
            }
        }
        if let timeout = media.mediaTimeout {
            if timeout.nanoseconds < 0 || timeout.nanoseconds > 600_000_000_000 {
                out.append(
                    Diagnostic(.error, item: item, field: "media", "media timeout must be between 0s and 600s, found \(timeout.text)"))
            }
        }
        if case .other(let n)? = media.encryption {
            out.append(Diagnostic(.error, item: item, field: "media", "unknown media encryption \(n)"))
        }
        return out
    }
}
