/// Reads the `.theme` format documented in `themes/README.md`:
///
/// ```
/// # comment
/// name = "Dark"
///
/// [roles]
/// accent = #5fafff bold       # a colour, then optional attributes
///
/// [elements]
/// statusbar.mode = background on accent bold
/// ```
///
/// The parser is strict on purpose (like Slumber): an unknown key or a bad value is an error,
/// never silently ignored, and every error names the file, line and column and says what would
/// be right. It keeps going after an error so all problems are reported at once.
public enum ThemeParser {
    static let attributeNames = ["bold", "dim", "italic", "underline", "reverse"]
    static let topLevelKeys = ["name", "description"]
    /// Like a compiler's error limit: past this many problems the file is not a theme being
    /// edited but something else (a binary, the wrong file), and more lines of errors only bury
    /// the first ones.
    static let diagnosticLimit = 50

    /// Parses theme text. `file` is only used in diagnostics.
    public static func parse(_ text: String, file: String) throws(ThemeParseError) -> Theme {
        var parser = Parser(file: file)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard parser.diagnostics.count < diagnosticLimit else {
                parser.report(index + 1, 1, "stopped reading after \(diagnosticLimit) problems; is this a theme file?")
                throw ThemeParseError(diagnostics: parser.diagnostics)
            }
            parser.parseLine(Array(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine), number: index + 1)
        }
        return try parser.finish()
    }
}

/// A word of a line with its 1-based column.
private struct Token {
    var text: String
    var column: Int
}

private enum Section {
    case top, roles, elements
}

private struct Parser {
    let file: String
    var section = Section.top
    var rolesHeaderLine: Int?
    var name: String?
    var description: String?
    var roles: [ThemeRole: ThemeColor] = [:]
    var elements: [ThemeElement: ElementStyle] = [:]
    var seenKeys: [String: Int] = [:]
    var diagnostics: [ThemeDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(ThemeDiagnostic(file: file, line: line, column: column, message: message))
    }

    mutating func parseLine(_ characters: [Character], number line: Int) {
        let content = Array(characters[..<commentStart(characters)])
        guard let first = content.firstIndex(where: { !$0.isWhitespace }) else { return }
        let last = content.lastIndex(where: { !$0.isWhitespace }) ?? first
        if content[first] == "[" {
            parseSectionHeader(String(content[first...last]), line: line, column: first + 1)
            return
        }
        guard let equals = content.firstIndex(of: "=") else {
            let found = String(content[first...last])
            report(line, first + 1, "expected \"key = value\", found \"\(found)\"")
            return
        }
        let key = String(content[first..<equals]).trimmingTrailingWhitespace()
        guard !key.isEmpty else {
            report(line, first + 1, "missing key before \"=\"")
            return
        }
        if key.contains(where: \.isWhitespace) {
            report(line, first + 1, "invalid key \"\(key)\": keys contain no spaces")
            return
        }
        let valueStart = content[(equals + 1)...].firstIndex(where: { !$0.isWhitespace })
        guard let valueStart else {
            report(line, equals + 1, "missing value for \"\(key)\" after \"=\"")
            return
        }
        let valueCharacters = Array(content[valueStart...last])
        let keyColumn = first + 1
        if let previous = seenKeys[sectionPrefix + key] {
            report(line, keyColumn, "\"\(key)\" is set twice (first on line \(previous))")
            return
        }
        seenKeys[sectionPrefix + key] = line
        switch section {
        case .top: parseTopLevel(key, valueCharacters, line: line, keyColumn: keyColumn, valueColumn: valueStart + 1)
        case .roles: parseRole(key, tokens(valueCharacters, column: valueStart + 1), line: line, keyColumn: keyColumn)
        case .elements:
            parseElement(key, tokens(valueCharacters, column: valueStart + 1), line: line, keyColumn: keyColumn)
        }
    }

    var sectionPrefix: String {
        switch section {
        case .top: return ""
        case .roles: return "roles."
        case .elements: return "elements."
        }
    }

    /// Where a comment starts: a `#` at the start of the line or after whitespace and followed
    /// by whitespace or the end of the line (so `#5fafff` stays a colour), outside quotes.
    func commentStart(_ characters: [Character]) -> Int {
        var inQuotes = false
        var escaped = false
        for (index, character) in characters.enumerated() {
            if inQuotes {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                }
                continue
            }
            if character == "\"" { inQuotes = true }
            guard character == "#" else { continue }
            let atLineStart = characters[..<index].allSatisfy(\.isWhitespace)
            let afterSpace = index > 0 && characters[index - 1].isWhitespace
            let beforeSpace = index + 1 == characters.count || characters[index + 1].isWhitespace
            if atLineStart || (afterSpace && beforeSpace) { return index }
        }
        return characters.count
    }

    func tokens(_ characters: [Character], column: Int) -> [Token] {
        var result: [Token] = []
        var current = ""
        var start = 0
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if !current.isEmpty { result.append(Token(text: current, column: column + start)) }
                current = ""
            } else {
                if current.isEmpty { start = index }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(Token(text: current, column: column + start)) }
        return result
    }

    mutating func parseSectionHeader(_ header: String, line: Int, column: Int) {
        guard header.hasSuffix("]") else {
            report(line, column, "unterminated section header \"\(header)\"; write [roles] or [elements]")
            return
        }
        let name = header.dropFirst().dropLast().trimmed(of: " \t")
        switch name {
        case "roles":
            section = .roles
            rolesHeaderLine = line
        case "elements":
            section = .elements
        default:
            let hint = Suggestion.closest(to: name, in: ["roles", "elements"]).map { "; did you mean [\($0)]?" }
            report(line, column, "unknown section \"[\(name)]\"" + (hint ?? "; expected [roles] or [elements]"))
        }
    }

    mutating func parseTopLevel(_ key: String, _ value: [Character], line: Int, keyColumn: Int, valueColumn: Int) {
        guard ThemeParser.topLevelKeys.contains(key) else {
            if ThemeRole(rawValue: key) != nil {
                report(line, keyColumn, "\"\(key)\" is a role; put it under [roles]")
            } else if ThemeElement(rawValue: key) != nil {
                report(line, keyColumn, "\"\(key)\" is an element; put it under [elements]")
            } else if let suggestion = Suggestion.closest(to: key, in: ThemeParser.topLevelKeys) {
                report(line, keyColumn, "unknown key \"\(key)\"; did you mean \"\(suggestion)\"?")
            } else {
                report(
                    line, keyColumn, "unknown key \"\(key)\"; before any section only name and description are allowed")
            }
            return
        }
        guard let string = parseQuoted(value, line: line, column: valueColumn, key: key) else { return }
        if key == "name" {
            if string.trimmed(of: " \t").isEmpty {
                report(line, valueColumn, "name must not be empty")
            }
            name = string
        } else {
            description = string
        }
    }

    mutating func parseQuoted(_ value: [Character], line: Int, column: Int, key: String) -> String? {
        guard value.first == "\"" else {
            report(line, column, "\(key) must be a quoted string, like \(key) = \"\(String(value))\"")
            return nil
        }
        var result = ""
        var index = 1
        while index < value.count {
            let character = value[index]
            if character == "\\", index + 1 < value.count {
                result.append(value[index + 1])
                index += 2
                continue
            }
            if character == "\"" {
                if index + 1 < value.count {
                    report(line, column + index + 1, "unexpected text after the closing quote")
                    return nil
                }
                return result
            }
            result.append(character)
            index += 1
        }
        report(line, column, "unterminated string: add the closing \"")
        return nil
    }

    mutating func parseRole(_ key: String, _ tokens: [Token], line: Int, keyColumn: Int) {
        guard let role = ThemeRole(rawValue: key) else {
            if ThemeElement(rawValue: key) != nil {
                report(line, keyColumn, "\"\(key)\" is an element; put it under [elements]")
            } else if let suggestion = Suggestion.closest(to: key, in: ThemeRole.allCases.map(\.rawValue)) {
                report(line, keyColumn, "unknown role \"\(key)\"; did you mean \"\(suggestion)\"?")
            } else {
                report(line, keyColumn, "unknown role \"\(key)\" (themes/README.md lists the roles)")
            }
            return
        }
        guard let colorToken = tokens.first, let color = parseColor(colorToken, line: line, allowRoles: false) else {
            return
        }
        var value = ThemeColor(color)
        for token in tokens.dropFirst() {
            if ThemeParser.attributeNames.contains(token.text) {
                value.attributes.setAttribute(token.text)
            } else if parseColorSilently(token.text) != nil {
                report(line, token.column, "a role takes one colour; \"\(token.text)\" is a second one")
            } else {
                reportUnknownAttribute(token, line: line)
            }
        }
        roles[role] = value
    }

    mutating func parseElement(_ key: String, _ tokens: [Token], line: Int, keyColumn: Int) {
        guard let element = ThemeElement(rawValue: key) else {
            if ThemeRole(rawValue: key) != nil {
                report(line, keyColumn, "\"\(key)\" is a role; put it under [roles]")
            } else if let suggestion = Suggestion.closest(to: key, in: ThemeElement.allCases.map(\.rawValue)) {
                report(line, keyColumn, "unknown element \"\(key)\"; did you mean \"\(suggestion)\"?")
            } else {
                report(line, keyColumn, "unknown element \"\(key)\" (themes/README.md lists the elements)")
            }
            return
        }
        var style = ElementStyle()
        var index = 0
        var sawBackground = false
        var valid = true
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if token.text == "on" {
                guard index < tokens.count else {
                    report(line, token.column, "\"on\" must be followed by a background colour or role")
                    return
                }
                guard let background = parseReference(tokens[index], line: line) else { return }
                style.background = background
                sawBackground = true
                index += 1
            } else if ThemeParser.attributeNames.contains(token.text) {
                style.attributes.setAttribute(token.text)
            } else if style.foreground == nil && !sawBackground && index == 1 {
                guard let foreground = parseReference(token, line: line) else { return }
                style.foreground = foreground
            } else {
                valid = false
                report(line, token.column, "unexpected \"\(token.text)\"; write: [colour] [on colour] [attributes]")
            }
        }
        if valid { elements[element] = style }
    }

    mutating func parseReference(_ token: Token, line: Int) -> ThemeColorReference? {
        if let role = ThemeRole(rawValue: token.text) { return .role(role) }
        return parseColor(token, line: line, allowRoles: true).map { .color($0) }
    }

    mutating func reportUnknownAttribute(_ token: Token, line: Int) {
        if let suggestion = Suggestion.closest(to: token.text, in: ThemeParser.attributeNames) {
            report(line, token.column, "unknown attribute \"\(token.text)\"; did you mean \"\(suggestion)\"?")
        } else {
            let list = ThemeParser.attributeNames.joined(separator: ", ")
            report(line, token.column, "unknown attribute \"\(token.text)\"; attributes are \(list)")
        }
    }

    func parseColorSilently(_ text: String) -> Color? {
        if text == "default" { return .default }
        if let color = Color(ansiName: text) { return color }
        if text.hasPrefix("#") { return ThemeColorSyntax.hex(text) }
        if let index = Int(text), (0...255).contains(index) { return .indexed(UInt8(index)) }
        return nil
    }

    mutating func parseColor(_ token: Token, line: Int, allowRoles: Bool) -> Color? {
        if let color = parseColorSilently(token.text) { return color }
        let text = token.text
        if text.hasPrefix("#") {
            report(line, token.column, "invalid colour \"\(text)\": write #rrggbb with six hex digits")
        } else if text.allSatisfy(\.isNumber) {
            report(line, token.column, "colour index \(text) is out of range; use 0-255")
        } else if !allowRoles, ThemeRole(rawValue: text) != nil {
            report(line, token.column, "a role cannot refer to another role (\"\(text)\"); give a colour")
        } else {
            var candidates = Color.ansiNames + ["default"]
            if allowRoles { candidates += ThemeRole.allCases.map(\.rawValue) }
            if let suggestion = Suggestion.closest(to: text, in: candidates) {
                report(line, token.column, "unknown colour \"\(text)\"; did you mean \"\(suggestion)\"?")
            } else {
                report(
                    line, token.column,
                    "unknown colour \"\(text)\"; use #rrggbb, an index 0-255, default, or an ANSI name "
                        + "(black, red, …, brightWhite)")
            }
        }
        return nil
    }

    mutating func finish() throws(ThemeParseError) -> Theme {
        if name == nil {
            report(1, 1, "missing name = \"…\": every theme names itself (it is what --theme matches)")
        }
        for role in ThemeRole.required where roles[role] == nil {
            report(rolesHeaderLine ?? 1, 1, "missing required role \"\(role.rawValue)\" in [roles]")
        }
        guard diagnostics.isEmpty, let name else { throw ThemeParseError(diagnostics: diagnostics) }
        return Theme(name: name, description: description, roles: roles, elements: elements)
    }
}

/// Colour literal syntax shared by the parser and the theme writer.
enum ThemeColorSyntax {
    static func hex(_ text: String) -> Color? {
        let digits = text.dropFirst()
        guard text.hasPrefix("#"), digits.count == 6, let value = UInt32(digits, radix: 16),
            digits.allSatisfy(\.isHexDigit)
        else { return nil }
        return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }
}

extension Style {
    mutating func setAttribute(_ name: String) {
        switch name {
        case "bold": bold = true
        case "dim": dim = true
        case "italic": italic = true
        case "underline": underline = true
        case "reverse": reverse = true
        default: break
        }
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> String {
        var text = String(self)
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }

    func trimmed(of set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
