/// Syntax highlighting for JSON bodies.
///
/// The text is tokenised as is (the caller decides whether to pretty-print first), each token
/// gets a role (`jsonKey`, `jsonString`, `jsonNumber`, `jsonLiteral`, `jsonPunctuation`), and the
/// token stream is checked against the JSON grammar. Anything that is not valid JSON — a
/// truncated body, HTML from a proxy error page — is shown plain rather than half-coloured in a
/// misleading way.
public enum JSONHighlighter {
    public enum TokenKind: Hashable, Sendable {
        case key, string, number, literal, punctuation, whitespace
    }

    public struct Token: Hashable, Sendable {
        public var kind: TokenKind
        public var text: String
    }

    /// Tokens per line, or `nil` when `text` is not valid JSON.
    public static func tokenize(_ text: String) -> [[Token]]? {
        guard var tokens = lex(Array(text.unicodeScalars)) else { return nil }
        markKeys(&tokens)
        var grammar = GrammarCheck(tokens: tokens.filter { $0.kind != .whitespace && $0.text != "\n" })
        guard grammar.isValidDocument() else { return nil }
        var lines: [[Token]] = [[]]
        for token in tokens {
            if token.kind == .whitespace && token.text == "\n" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(token)
            }
        }
        return lines
    }

    /// Styled, display-safe lines for a ``TextView``; plain (sanitized) text when invalid.
    public static func highlight(_ text: String, theme: Theme) -> [StyledLine] {
        guard let lines = tokenize(text) else {
            return TextView.lines(plainText: text, style: theme.base)
        }
        return lines.map { tokens in
            tokens.map { token in
                Span(sanitizeForDisplay(token.text), style: style(for: token.kind, theme: theme))
            }
        }
    }

    static func style(for kind: TokenKind, theme: Theme) -> Style {
        switch kind {
        case .key: return theme.style(.jsonKey)
        case .string: return theme.style(.jsonString)
        case .number: return theme.style(.jsonNumber)
        case .literal: return theme.style(.jsonLiteral)
        case .punctuation: return theme.style(.jsonPunctuation)
        case .whitespace: return theme.base
        }
    }

    /// Splits into tokens; `nil` on a character that cannot start any JSON token or an
    /// unterminated string. Newlines are separate whitespace tokens.
    static func lex(_ scalars: [Unicode.Scalar]) -> [Token]? {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            switch scalar {
            case "\n":
                tokens.append(Token(kind: .whitespace, text: "\n"))
                index += 1
                continue
            case " ", "\t", "\r":
                while index < scalars.count, [" ", "\t", "\r"].contains(scalars[index]) { index += 1 }
                // Carriage returns of CRLF files are dropped rather than shown escaped.
                let blank = scalars[start..<index].filter { $0 != "\r" }
                if !blank.isEmpty {
                    tokens.append(Token(kind: .whitespace, text: String(String.UnicodeScalarView(blank))))
                }
                continue
            case "{", "}", "[", "]", ":", ",":
                index += 1
                tokens.append(Token(kind: .punctuation, text: String(scalar)))
                continue
            case "\"":
                index += 1
                var closed = false
                while index < scalars.count {
                    let current = scalars[index]
                    if current.value < 0x20 { return nil }
                    index += current == "\\" ? 2 : 1
                    if current == "\"" {
                        closed = true
                        break
                    }
                }
                guard closed, index <= scalars.count else { return nil }
                tokens.append(Token(kind: .string, text: String(String.UnicodeScalarView(scalars[start..<index]))))
                continue
            case "-", "0"..."9":
                while index < scalars.count, "+-.eE0123456789".unicodeScalars.contains(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard isValidNumber(text) else { return nil }
                tokens.append(Token(kind: .number, text: text))
                continue
            default:
                while index < scalars.count, ("a"..."z").contains(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard ["true", "false", "null"].contains(text) else { return nil }
                tokens.append(Token(kind: .literal, text: text))
            }
        }
        return tokens
    }

    /// RFC 8259 number syntax: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValidNumber(_ text: String) -> Bool {
        var characters = Array(text)[...]
        func digits() -> Int {
            let count = characters.prefix { $0.isASCII && $0.isNumber }.count
            characters = characters.dropFirst(count)
            return count
        }
        if characters.first == "-" { characters = characters.dropFirst() }
        if characters.first == "0" {
            characters = characters.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if characters.first == "." {
            characters = characters.dropFirst()
            if digits() == 0 { return false }
        }
        if characters.first == "e" || characters.first == "E" {
            characters = characters.dropFirst()
            if characters.first == "+" || characters.first == "-" { characters = characters.dropFirst() }
            if digits() == 0 { return false }
        }
        return characters.isEmpty
    }

    /// A string followed (after whitespace) by `:` is an object key.
    static func markKeys(_ tokens: inout [Token]) {
        var lastString: Int?
        for index in tokens.indices {
            switch tokens[index].kind {
            case .whitespace: continue
            case .punctuation where tokens[index].text == ":":
                if let lastString { tokens[lastString].kind = .key }
                lastString = nil
            case .string: lastString = index
            default: lastString = nil
            }
        }
    }
}

/// Recursive-descent check that a token stream is exactly one JSON value.
private struct GrammarCheck {
    let tokens: [JSONHighlighter.Token]
    var position = 0
    var depth = 0

    init(tokens: [JSONHighlighter.Token]) {
        self.tokens = tokens
    }

    mutating func isValidDocument() -> Bool {
        value() && position == tokens.count
    }

    func peek() -> JSONHighlighter.Token? { position < tokens.count ? tokens[position] : nil }

    mutating func expect(_ text: String) -> Bool {
        guard peek()?.kind == .punctuation, peek()?.text == text else { return false }
        position += 1
        return true
    }

    mutating func value() -> Bool {
        guard let token = peek() else { return false }
        switch token.kind {
        case .string, .number, .literal:
            position += 1
            return true
        case .punctuation where token.text == "{" || token.text == "[":
            // Deeply nested input is valid JSON but not worth a stack overflow.
            depth += 1
            defer { depth -= 1 }
            guard depth < 512 else { return false }
            return token.text == "{" ? object() : array()
        default:
            return false
        }
    }

    mutating func object() -> Bool {
        position += 1
        if expect("}") { return true }
        repeat {
            guard peek()?.kind == .key else { return false }
            position += 1
            guard expect(":"), value() else { return false }
        } while expect(",")
        return expect("}")
    }

    mutating func array() -> Bool {
        position += 1
        if expect("]") { return true }
        repeat {
            guard value() else { return false }
        } while expect(",")
        return expect("]")
    }
}
