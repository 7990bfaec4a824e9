import SwitchboardCore

extension SIPUserAgent {
    /// A trunk with credentials: challenge, or check the answer to a challenge, as LiveKit's
    /// bridge does (livekit-routing.md 2.5). False when the INVITE was answered here (407 or 401).
    func authenticate(_ request: SIPMessage, trunk: Trunk, branch: String, send: Send) -> Bool {
        let realm = SIPDigest.realm(of: trunk)
        let time = now()
        nonces = nonces.filter { time - $0.value < SIPDigest.nonceLifetimeSeconds * 1000 }
        guard let header = request.header("proxy-authorization") else {
            let nonce = String(rng.next(), radix: 16) + String(rng.next(), radix: 16)
            nonces[nonce] = time
            invites[branch]?.record.authentication = "challenged"
            finish(
                branch, status: 407, reason: "Proxy Authentication Required",
                extra: [("Proxy-Authenticate", SIPDigest.challenge(realm: realm, nonce: nonce))], send: send)
            return false
        }
        let nonce = SIPDigest.parameters(header)?["nonce"] ?? ""
        guard nonces[nonce] != nil else {
            invites[branch]?.record.authentication = "failed"
            finish(branch, status: 401, reason: "Bad credentials", send: send)
            return false
        }
        switch SIPDigest.check(
            header, method: "INVITE", username: trunk.authUsername, password: trunk.authPassword, realm: realm, nonce: nonce)
        {
        case .valid:
            nonces[nonce] = nil
            invites[branch]?.record.authentication = "passed"
            return true
        case .badCredentials:
            invites[branch]?.record.authentication = "failed"
            finish(branch, status: 401, reason: "Bad credentials", send: send)
            return false
        case .unauthorized:
            invites[branch]?.record.authentication = "failed"
            finish(branch, status: 401, reason: "Unauthorized", send: send)
            return false
        }
    }
}
