import SwitchboardCore

/// What happens in an answered call: the ACK that confirms it, the PIN's digits over INFO, a
/// transfer's REFER and NOTIFYs, BYE from either side, and the hang-up at max call duration.
extension SIPUserAgent {
    /// An ACK for a 2xx is its own transaction, for a non-2xx part of the INVITE's: nothing is
    /// answered. It confirms the call: a transfer's REFER goes out now, and an accepted call's
    /// max-duration clock starts (a PIN call's starts once the PIN is right).
    func ack(_ ack: SIPMessage) {
        guard let callID = ack.header("call-id"), var dialog = dialogs[callID], !dialog.acknowledged else { return }
        dialog.acknowledged = true
        dialog.ackTimer?.cancel()
        if let target = dialog.referTo {
            let refer = dialog.request(
                "REFER", localHostPort: localHostPort, branch: nextTag() + nextTag(),
                extra: [
                    ("Contact", "<sip:switchboard@\(localHostPort)>"), ("Refer-To", target),
                    ("Referred-By", "<sip:switchboard@\(localHostPort)>"),
                ])
            dialog.send(refer.bytes)
        }
        dialogs[callID] = dialog
        if dialog.pin == nil { startHangupTimer(callID, after: dialog.maxCallSeconds) }
    }

    /// RFC 3261 section 13.3.1.4: over UDP the 200 OK is resent (T1, 2·T1, … up to T2) until
    /// its ACK arrives, since the datagram or the ACK may be lost; without an ACK within
    /// LiveKit's 5 s the call is ended with BYE, as LiveKit's bridge ends it.
    func awaitAck(_ callID: String, answer: [UInt8], overUDP: Bool) {
        let timers = self.timers
        dialogs[callID]?.ackTimer = Task { [weak self] in
            var waited = 0.0
            var interval = timers.t1
            while waited < timers.ackTimeout {
                let step = overUDP ? min(interval, timers.ackTimeout - waited) : timers.ackTimeout - waited
                try? await Task.sleep(nanoseconds: UInt64(step * 1e9))
                guard !Task.isCancelled else { return }
                waited += step
                interval = min(interval * 2, timers.t2)
                if overUDP, waited < timers.ackTimeout { await self?.resend(callID, answer) }
            }
            await self?.ackTimedOut(callID)
        }
    }

    /// The ACK may have come while the timer woke: only a call still unacknowledged ends.
    func ackTimedOut(_ callID: String) {
        guard let dialog = dialogs[callID], !dialog.acknowledged else { return }
        hangUp(callID, reason: "no ACK within \(Self.seconds(timers.ackTimeout))")
    }

    func resend(_ callID: String, _ answer: [UInt8]) {
        guard let dialog = dialogs[callID], !dialog.acknowledged else { return }
        dialog.send(answer)
    }

    static func seconds(_ value: Double) -> String {
        value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
    }

    func bye(_ bye: SIPMessage, send: Send) {
        guard let callID = bye.header("call-id"), let dialog = dialogs.removeValue(forKey: callID) else {
            send(bye.response(481, "Call/Transaction Does Not Exist", toTag: nil).bytes)
            return
        }
        dialog.ackTimer?.cancel()
        dialog.hangupTimer?.cancel()
        send(bye.response(200, "OK", toTag: nil).bytes)
        var record = dialog.record
        record.event = .bye
        record.hangupReason = "the caller hung up"
        record.milliseconds = now() - dialog.started
        onCall(record)
    }

    /// DTMF for the PIN prompt (livekit-routing.md 2.7): digits until `#`, then the call is
    /// evaluated again with the PIN (or with "no PIN" when only `#` was pressed); anything but
    /// ACCEPT into a room, or a 17th digit, is a wrong PIN: the endpoint hangs up.
    func info(_ info: SIPMessage, send: Send) {
        guard let callID = info.header("call-id"), var dialog = dialogs[callID] else {
            send(info.response(481, "Call/Transaction Does Not Exist", toTag: nil).bytes)
            return
        }
        send(info.response(200, "OK", toTag: nil).bytes)
        guard let digits = dialog.pin, let digit = SIPDTMF.digit(contentType: info.header("content-type"), body: info.body)
        else { return }
        guard digit == "#" else {
            dialog.pin = digits + String(digit)
            dialogs[callID] = dialog
            if digits.count + 1 > SIPDTMF.pinLimit {
                dialogs[callID]?.pin = nil
                reportPin(callID, digits: digits + String(digit), simulation: nil)
                hangUp(callID, reason: "wrong PIN: more than \(SIPDTMF.pinLimit) digits")
            }
            return
        }
        dialogs[callID]?.pin = nil  // one attempt only: later digits are not collected
        var spec = dialog.spec
        if digits.isEmpty { spec.noPin = true } else { spec.pin = digits }
        Task {
            let simulation = await router.simulate(spec)
            pinEvaluated(callID, digits: digits, simulation: simulation)
        }
    }

    func pinEvaluated(_ callID: String, digits: String, simulation: CallSimulation) {
        guard dialogs[callID] != nil else { return }  // the caller hung up meanwhile
        reportPin(callID, digits: digits, simulation: simulation)
        let outcome = simulation.outcome
        if outcome.result == .accept, outcome.room?.isEmpty == false {
            startHangupTimer(callID, after: SIPDialog.maxCallSeconds(of: outcome))
        } else {
            hangUp(callID, reason: "wrong PIN")
        }
    }

    func reportPin(_ callID: String, digits: String, simulation: CallSimulation?) {
        guard let dialog = dialogs[callID] else { return }
        var record = dialog.record
        record.event = .pin
        record.pin = digits
        record.simulation = simulation ?? record.simulation
        record.milliseconds = now() - dialog.started
        // The call's end reports the outcome the PIN led to.
        dialogs[callID]?.record.simulation = record.simulation
        dialogs[callID]?.record.pin = digits
        onCall(record)
    }

    /// A transfer's progress (RFC 3515 section 2.4.5): every NOTIFY is answered; once the
    /// target answered (`SIP/2.0 2xx` in the sipfrag), the transferred call is ours to end.
    func notify(_ notify: SIPMessage, send: Send) {
        guard let callID = notify.header("call-id"), dialogs[callID] != nil else {
            send(notify.response(481, "Call/Transaction Does Not Exist", toTag: nil).bytes)
            return
        }
        send(notify.response(200, "OK", toTag: nil).bytes)
        let fragment = String(decoding: notify.body.prefix(64), as: UTF8.self)
        if fragment.hasPrefix("SIP/2.0 2") { hangUp(callID, reason: "transferred") }
    }

    /// The endpoint ends the call with a BYE and reports it.
    func hangUp(_ callID: String, reason: String) {
        guard var dialog = dialogs.removeValue(forKey: callID) else { return }
        dialog.ackTimer?.cancel()
        dialog.hangupTimer?.cancel()
        let bye = dialog.request("BYE", localHostPort: localHostPort, branch: nextTag() + nextTag())
        dialog.send(bye.bytes)
        var record = dialog.record
        record.event = .hangup
        record.hangupReason = reason
        record.milliseconds = now() - dialog.started
        onCall(record)
    }

    /// LiveKit hangs up an answered call at its max call duration; so does the endpoint. The
    /// timer is the call's own task, cancelled by a BYE from the caller.
    func startHangupTimer(_ callID: String, after seconds: Double) {
        let text = Self.seconds(seconds)
        dialogs[callID]?.hangupTimer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            guard !Task.isCancelled else { return }
            await self?.hangUp(callID, reason: "max call duration \(text)")
        }
    }
}
