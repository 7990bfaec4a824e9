extension Theme {
    /// The theme used when no theme file can be found (a binary copied without `themes/`), so
    /// the app always starts. It is `themes/dark.theme` transcribed; a test keeps the two equal.
    public static let fallback: Theme = {
        func rgb(_ value: UInt32, bold: Bool = false) -> ThemeColor {
            ThemeColor(.rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)), bold: bold)
        }
        let roles: [ThemeRole: ThemeColor] = [
            .background: ThemeColor(.default),
            .foreground: rgb(0xd0d0d0),
            .accent: rgb(0x5fafff),
            .selection: rgb(0x005f87),
            .selectionText: rgb(0xffffff, bold: true),
            .border: rgb(0x585858),
            .borderFocused: rgb(0x5fafff),
            .muted: rgb(0x8a8a8a),
            .success: rgb(0x87d787),
            .warning: rgb(0xffd75f),
            .error: rgb(0xff5f5f, bold: true),
            .title: rgb(0x87d7ff, bold: true),
            .info: rgb(0x5fafff),
            .dirty: rgb(0xffaf5f),
            .statusBar: rgb(0x303030),
            .statusBarText: rgb(0xbcbcbc),
            .jsonKey: rgb(0x87afff),
            .jsonString: rgb(0xafd787),
            .jsonNumber: rgb(0xd7af87),
            .jsonLiteral: rgb(0xd787d7),
            .jsonPunctuation: rgb(0x8a8a8a),
            .status2xx: rgb(0x87d787),
            .status3xx: rgb(0x5fd7d7),
            .status4xx: rgb(0xffd75f),
            .status5xx: rgb(0xff5f5f, bold: true),
        ]
        let elements: [ThemeElement: ElementStyle] = [
            .statusBarMode: ElementStyle(
                foreground: .role(.statusBar), background: .role(.accent), attributes: Style(bold: true))
        ]
        return Theme(
            name: "Dark", description: "Soft blue accents on the terminal's own dark background", roles: roles,
            elements: elements)
    }()
}
