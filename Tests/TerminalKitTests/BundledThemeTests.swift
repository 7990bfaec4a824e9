import Foundation
import Testing

@testable import TerminalKit

/// The `themes/` folder at the repository root, found from this file's path.
let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("themes").path

@Suite("Bundled themes")
struct BundledThemeTests {
    static let files = ["dark.theme", "light.theme", "high-contrast.theme", "ansi16.theme"]

    func load(_ file: String) throws -> Theme {
        try ThemeCatalog.load(path: themesDirectory + "/" + file)
    }

    @Test("every bundled theme parses", arguments: files)
    func parses(file: String) throws {
        let theme = try load(file)
        #expect(!theme.name.isEmpty)
        #expect(theme.description != nil)
    }

    @Test("the catalog lists exactly the bundled themes")
    func catalog() {
        let ids = ThemeCatalog(directories: [themesDirectory]).entries().map(\.id).sorted()
        #expect(ids == ["ansi16", "dark", "high-contrast", "light"])
    }

    @Test("themes load by file name or by their name, case-insensitively")
    func loadByName() throws {
        let catalog = ThemeCatalog(directories: [themesDirectory])
        #expect(try catalog.load(named: "high-contrast").name == "High Contrast")
        #expect(try catalog.load(named: "High Contrast").name == "High Contrast")
        #expect(try catalog.load(named: "LIGHT").name == "Light")
        #expect(throws: ThemeNotFound.self) { try catalog.load(named: "drak") }
        do {
            _ = try catalog.load(named: "drak")
        } catch {
            #expect(
                "\(error)"
                    == "no theme named \"drak\"; did you mean \"dark\"? (available: ansi16, dark, high-contrast, light)"
            )
        }
    }

    @Test("the built-in fallback is dark.theme")
    func fallbackMatchesDark() throws {
        let dark = try load("dark.theme")
        #expect(dark == Theme.fallback)
    }

    @Test("the ANSI theme uses only the 16 ANSI colours (and the terminal's default)")
    func ansiOnly() throws {
        let theme = try load("ansi16.theme")
        for (role, value) in theme.roles {
            switch value.color {
            case .ansi, .default: break
            default: Issue.record("\(role) uses \(value.color.name)")
            }
        }
        #expect(theme.elements.isEmpty)
    }

    @Test(
        "selection stays readable in every theme at every depth",
        arguments: files, [ColorDepth.ansi16, .indexed256, .truecolor])
    func selectionReadable(file: String, depth: ColorDepth) throws {
        let theme = try load(file).adapted(to: depth)
        #expect(theme.color(.selection) != theme.color(.selectionText))
        #expect(theme.color(.selection) != theme.color(.background))
        #expect(theme.color(.statusBar) != theme.color(.statusBarText))
        let selected = theme.style(.listSelected)
        #expect(selected.foreground != selected.background)
    }

    @Test("without colour, selection and the status bar use reverse video", arguments: files)
    func selectionWithoutColor(file: String) throws {
        let theme = try load(file).adapted(to: .none)
        let selected = theme.style(.listSelected)
        #expect(selected.reverse)
        #expect(selected.foreground == .default && selected.background == .default)
        #expect(theme.style(ThemeElement.statusBar).reverse)
        #expect(theme.style(.modalButtonFocused).reverse)
        #expect(!theme.style(.listItem).reverse)
        #expect(theme.style(.listSelectedInactive).underline)
        #expect(theme.style(.searchMatch).reverse)
    }

    @Test("the safety net separates text from a background it collapsed into")
    func collapseGuard() {
        var roles = Theme.fallback.roles
        roles[.selection] = ThemeColor(.rgb(250, 250, 250))
        roles[.selectionText] = ThemeColor(.rgb(255, 255, 255))
        let theme = Theme(name: "Bad", roles: roles).adapted(to: .ansi16)
        let selected = theme.style(.listSelected)
        #expect(selected.background == .ansi(15))
        #expect(selected.foreground == .ansi(0))
    }
}
