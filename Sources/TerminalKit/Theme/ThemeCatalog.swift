import Foundation

/// Finds and loads `.theme` files by name.
///
/// A theme is chosen by `--theme NAME` or `SWITCHBOARD_THEME`; NAME matches either the file
/// name without `.theme` (`high-contrast`) or the `name = "…"` inside the file
/// (`High Contrast`), case-insensitively. Directories are searched in order, so a user's theme
/// shadows a bundled one of the same name.
public struct ThemeCatalog: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// Where themes usually live, most specific first: `$XDG_CONFIG_HOME/switchboard/themes`
    /// (or `~/.config/…`), then `themes/` next to the executable and one level up (a build
    /// directory inside a checkout), then `share/switchboard/themes` beside `bin/`, then
    /// `./themes`.
    public static func standardDirectories(environment: [String: String], executablePath: String) -> [String] {
        var result: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            result.append(config + "/switchboard/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            result.append(home + "/.config/switchboard/themes")
        }
        let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(binary.appendingPathComponent("themes").path)
        result.append(binary.deletingLastPathComponent().appendingPathComponent("share/switchboard/themes").path)
        result.append("themes")
        return result
    }

    /// A theme file found on disk, not yet parsed.
    public struct Entry: Hashable, Sendable {
        /// The file name without `.theme`.
        public var id: String
        public var path: String
    }

    /// Every `.theme` file in the directories; earlier directories shadow later ones.
    public func entries() -> [Entry] {
        var seen = Set<String>()
        var result: [Entry] = []
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where name.hasSuffix(".theme") {
                let id = String(name.dropLast(".theme".count))
                guard seen.insert(id.lowercased()).inserted else { continue }
                result.append(Entry(id: id, path: directory + "/" + name))
            }
        }
        return result
    }

    /// Loads the theme called `name`.
    public func load(named name: String) throws -> Theme {
        let wanted = name.lowercased()
        let candidates = entries()
        if let entry = candidates.first(where: { $0.id.lowercased() == wanted }) {
            return try Self.load(path: entry.path)
        }
        for entry in candidates {
            if let theme = try? Self.load(path: entry.path), theme.name.lowercased() == wanted { return theme }
        }
        throw ThemeNotFound(name: name, available: candidates.map(\.id), directories: directories)
    }

    /// Parses one theme file; diagnostics name the file by its last path component.
    public static func load(path: String) throws -> Theme {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeParseError(diagnostics: [
                ThemeDiagnostic(
                    file: (path as NSString).lastPathComponent, line: 1, column: 1,
                    message: "the file is not valid UTF-8")
            ])
        }
        return try ThemeParser.parse(text, file: (path as NSString).lastPathComponent)
    }
}

/// `--theme NAME` named no theme that exists; lists what does.
public struct ThemeNotFound: Error, Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var available: [String]
    public var directories: [String]

    public var description: String {
        var message = "no theme named \"\(name)\""
        if let suggestion = Suggestion.closest(to: name, in: available) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        if available.isEmpty {
            message += " (no .theme files in \(directories.joined(separator: ", ")))"
        } else {
            message += " (available: \(available.joined(separator: ", ")))"
        }
        return message
    }
}
