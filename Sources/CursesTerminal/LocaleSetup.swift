import CNCursesW

/// The locale decision that must happen before ncurses starts.
///
/// ncursesw encodes and measures characters with the C library's multibyte functions, which
/// follow `LC_CTYPE`. With no locale configured (CI, `env -i`, cron) the process runs in the
/// `C` locale and every non-ASCII character is dropped or drawn one column wide. So: adopt the
/// user's locale; if its codeset is not UTF-8, try `C.UTF-8` for `LC_CTYPE` only (messages and
/// number formats stay as the user set them); report the outcome so callers pick ASCII borders
/// and markers when UTF-8 is not available.
public struct LocaleStatus: Hashable, Sendable {
    /// Whether the character type locale is UTF-8 after setup.
    public var isUTF8: Bool
    /// The codeset in effect (`UTF-8`, `ANSI_X3.4-1968`…).
    public var codeset: String
    /// Whether `C.UTF-8` had to be forced because the environment's locale was not UTF-8.
    public var usedFallback: Bool

    /// A line for the user when UTF-8 is unavailable, `nil` otherwise.
    public var warning: String? {
        guard !isUTF8 else { return nil }
        return "switchboard: the locale's character set is \(codeset), not UTF-8; drawing with ASCII only "
            + "(set LANG=C.UTF-8 or another UTF-8 locale for box drawing and non-English names)"
    }

    /// Applies the locale policy described above. Call once, before ``CursesTerminal/init(options:)``
    /// (which calls it itself).
    public static func configure() -> LocaleStatus {
        _ = setlocale(LC_ALL, "")
        let initial = currentCodeset()
        if isUTF8Name(initial) { return LocaleStatus(isUTF8: true, codeset: initial, usedFallback: false) }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            let codeset = currentCodeset()
            if isUTF8Name(codeset) { return LocaleStatus(isUTF8: true, codeset: codeset, usedFallback: true) }
        }
        return LocaleStatus(isUTF8: false, codeset: initial, usedFallback: false)
    }

    static func currentCodeset() -> String {
        guard let pointer = sb_codeset() else { return "unknown" }
        return String(cString: pointer)
    }

    static func isUTF8Name(_ codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }
}
