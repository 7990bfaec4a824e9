/// One finding of `validate`: an error LiveKit would refuse, or a warning about something
/// LiveKit accepts but that probably does not do what the user meant.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// The trunk or rule the finding is about (nil for workspace-wide findings).
    public var item: ItemKey?
    /// The JSON name of the field, when one field is at fault (`"numbers"`).
    public var field: String?
    public var message: String
    /// Other items involved (the rule a conflict is with), so the UI can jump to them.
    public var related: [ItemKey]

    public init(_ severity: Severity, item: ItemKey?, field: String? = nil, _ message: String, related: [ItemKey] = []) {
        self.severity = severity
        self.item = item
        self.field = field
        self.message = message
        self.related = related
    }

    public var description: String {
        var out = "\(severity.rawValue)"
        if let item { out += " \(item.kind == .trunk ? "trunk" : "rule") \(item.id)" }
        if let field { out += " \(field)" }
        return out + ": " + message
    }
}
