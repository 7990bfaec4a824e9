import TerminalKit

/// The theme parser over arbitrary text (invalid UTF-8 included, as a file may hold), then
/// the parsed theme degraded to every colour depth and every element's style resolved.
public func fuzzTheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let theme: Theme
    do {
        theme = try ThemeParser.parse(text, file: "fuzz.theme")
    } catch {
        _ = error.description
        return 0
    }
    for depth in ColorDepth.allCases {
        let adapted = theme.adapted(to: depth)
        for element in ThemeElement.allCases { _ = adapted.style(element) }
    }
    return 0
}
