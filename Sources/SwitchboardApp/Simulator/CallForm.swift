import SwitchboardCore
import TerminalKit

/// The simulator's call form: what `switchboard simulate` takes as options, as fields.
///
/// SIP headers are rows of `Name: value`, one per header, with an empty row at the end to add
/// another (typing into it adds the row). A saved call from the project (``CallSpec``) fills
/// every field at once; its name stays in the form, marked "edited" once a field differs.
public struct CallForm: Sendable, Equatable {
    public enum Field: Hashable, Sendable {
        case savedCall, from, to, fromHost, toHost, sourceIP, pin, noPin
        /// Header row `n`; `n == headers.count` is the empty row that adds one.
        case header(Int)

        public var label: String {
            switch self {
            case .savedCall: return "Saved call"
            case .from: return "From"
            case .to: return "To"
            case .fromHost: return "From host"
            case .toHost: return "To host"
            case .sourceIP: return "Source IP"
            case .pin: return "PIN"
            case .noPin: return "No PIN"
            case .header: return "SIP header"
            }
        }
    }

    public var from = TextFieldState()
    public var to = TextFieldState()
    public var fromHost = TextFieldState(CallSpec.defaultFromHost)
    public var toHost = TextFieldState(CallSpec.defaultToHost)
    public var sourceIP = TextFieldState(CallSpec.defaultSourceIP)
    public var pin = TextFieldState()
    public var noPin = false
    /// `Name: value` rows, without the trailing empty row.
    public var headers: [TextFieldState] = []
    /// The saved call last picked, to show its name and keep its fixed call IDs.
    public var savedCall: CallSpec?
    /// Index into ``fields`` of the focused field.
    public var focusIndex = 1

    public init() {}

    public var fields: [Field] {
        [.savedCall, .from, .to, .fromHost, .toHost, .sourceIP, .pin, .noPin] + (0...headers.count).map(Field.header)
    }

    public var focused: Field { fields[min(focusIndex, fields.count - 1)] }

    /// The text of a text field (nil for the saved-call and no-PIN rows).
    public func input(_ field: Field) -> TextFieldState? {
        switch field {
        case .savedCall, .noPin: return nil
        case .from: return from
        case .to: return to
        case .fromHost: return fromHost
        case .toHost: return toHost
        case .sourceIP: return sourceIP
        case .pin: return pin
        case .header(let index): return index < headers.count ? headers[index] : TextFieldState()
        }
    }

    /// Edits the focused text field, if it is one; returns whether it was.
    @discardableResult
    public mutating func editFocused(_ edit: (inout TextFieldState) -> Void) -> Bool {
        switch focused {
        case .savedCall, .noPin: return false
        case .from: edit(&from)
        case .to: edit(&to)
        case .fromHost: edit(&fromHost)
        case .toHost: edit(&toHost)
        case .sourceIP: edit(&sourceIP)
        case .pin: edit(&pin)
        case .header(let index):
            var row = index < headers.count ? headers[index] : TextFieldState()
            edit(&row)
            if index < headers.count {
                headers[index] = row
            } else if !row.isEmpty {
                headers.append(row)
            }
        }
        return true
    }

    /// Moves the focus by `delta` fields (wrapping); empty header rows left behind are removed.
    public mutating func moveFocus(by delta: Int) {
        let count = fields.count
        var next = ((focusIndex + delta) % count + count) % count
        if case .header(let index) = focused, index < headers.count, headers[index].isEmpty {
            headers.remove(at: index)
            if next > focusIndex { next -= 1 }
        }
        focusIndex = max(0, min(next, fields.count - 1))
    }

    /// Fills every field from a saved call (empty fields take `simulate`'s defaults).
    public mutating func fill(from spec: CallSpec) {
        from = TextFieldState(spec.from)
        to = TextFieldState(spec.to)
        fromHost = TextFieldState(spec.fromHost.isEmpty ? CallSpec.defaultFromHost : spec.fromHost)
        toHost = TextFieldState(spec.toHost.isEmpty ? CallSpec.defaultToHost : spec.toHost)
        sourceIP = TextFieldState(spec.sourceIp.isEmpty ? CallSpec.defaultSourceIP : spec.sourceIp)
        pin = TextFieldState(spec.pin)
        noPin = spec.noPin
        headers = spec.headers.map { TextFieldState($0.key + ": " + $0.value) }
        savedCall = spec
    }

    /// Problems that keep the call from running, by field (shown under each field).
    public var errors: [Field: String] {
        var errors: [Field: String] = [:]
        if !pin.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            errors[.pin] = "digits only (a caller types the PIN on a keypad)"
        } else if noPin, !pin.isEmpty {
            errors[.pin] = "a PIN or No PIN, not both"
        }
        for (index, row) in headers.enumerated() where !row.isEmpty {
            guard let colon = row.text.firstIndex(of: ":"),
                !row.text[..<colon].trimmingSpaces.isEmpty
            else {
                errors[.header(index)] = "expected Name: value"
                continue
            }
        }
        return errors
    }

    /// The call as a ``CallSpec``, the same shape `simulate`'s options and saved calls have.
    public var spec: CallSpec {
        var spec = CallSpec(from: from.text.trimmingSpaces, to: to.text.trimmingSpaces)
        spec.fromHost = fromHost.text.trimmingSpaces
        spec.toHost = toHost.text.trimmingSpaces
        spec.sourceIp = sourceIP.text.trimmingSpaces
        spec.pin = pin.text
        spec.noPin = noPin
        for row in headers {
            guard let colon = row.text.firstIndex(of: ":") else { continue }
            let name = row.text[..<colon].trimmingSpaces
            guard !name.isEmpty else { continue }
            spec.headers[name] = row.text[row.text.index(after: colon)...].trimmingSpaces
        }
        if let saved = savedCall {
            spec.name = saved.name
            spec.callId = saved.callId
            spec.sipCallId = saved.sipCallId
        }
        return spec
    }

    /// Whether the fields still say what the picked saved call says.
    public var matchesSavedCall: Bool {
        guard let saved = savedCall else { return false }
        var picked = CallForm()
        picked.fill(from: saved)
        return picked.spec.from == spec.from && picked.spec.to == spec.to && picked.spec.fromHost == spec.fromHost
            && picked.spec.toHost == spec.toHost && picked.spec.sourceIp == spec.sourceIp && picked.spec.pin == spec.pin
            && picked.spec.noPin == spec.noPin && picked.spec.headers == spec.headers
    }

    /// A first call that fits what is selected: a number of the selected trunk (or of the
    /// selected rule and its trunk) as To, a source IP the trunk allows, and a saved call's
    /// caller as From.
    static func suggested(trunk: Trunk?, rule: DispatchRule?, workspace: Workspace) -> CallForm {
        var form = CallForm()
        let trunk = trunk ?? rule.flatMap { rule in workspace.trunks.first { rule.trunkIds.contains($0.id) } }
        let firstCall = workspace.calls.first
        form.from = TextFieldState(rule?.inboundNumbers.first ?? firstCall?.from ?? "+12025550100")
        var to = rule?.numbers.first ?? trunk?.numbers.first
        if to == nil, trunk?.isDefault == true {
            // A default trunk takes calls to numbers no other trunk has: a saved call's To
            // that is nobody's number reaches it.
            let claimed = Set(workspace.trunks.flatMap(\.numbers))
            to = workspace.calls.map(\.to).first { !$0.isEmpty && !claimed.contains($0) }
        }
        form.to = TextFieldState(to ?? firstCall?.to ?? "+14155550100")
        if let trunk {
            for address in trunk.allowedAddresses {
                if let ip = Self.sampleAddress(in: address) {
                    form.sourceIP = TextFieldState(ip)
                    break
                }
            }
            if let host = trunk.allowedAddresses.first(where: { Self.sampleAddress(in: $0) == nil && $0.contains(".") }) {
                form.fromHost = TextFieldState(host)
            }
        }
        return form
    }

    /// An IPv4 address inside an allowed address or CIDR (`203.0.113.0/24` → `203.0.113.10`).
    static func sampleAddress(in allowed: String) -> String? {
        let parts = allowed.split(separator: "/", maxSplits: 1)
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        guard parts.count == 2 else { return String(parts[0]) }
        guard let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        var last = octets[3]
        if prefix <= 24 { last = 10 } else if prefix < 32 { last = octets[3] | 1 }
        return "\(octets[0]).\(octets[1]).\(octets[2]).\(last)"
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
