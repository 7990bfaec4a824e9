import Testing

@testable import TerminalKit

@Suite("Layout")
struct LayoutTests {
    @Test("fixed, percent and fill constraints")
    func split() {
        let rect = Rect(x: 0, y: 0, width: 100, height: 10)
        let parts = rect.split(.horizontal, [.fixed(10), .fill(), .percent(25)])
        #expect(parts.map(\.width) == [10, 65, 25])
        #expect(parts.map(\.x) == [0, 10, 75])
        #expect(Layout.resolve([.fill(1), .fill(3)], length: 40) == [10, 30])
        #expect(Layout.resolve([.fill(), .fill(), .fill()], length: 10) == [3, 3, 4])
        #expect(Layout.resolve([.min(8), .fill()], length: 10) == [9, 1])
    }

    @Test("too little room shrinks the last parts first, never below zero")
    func overflow() {
        #expect(Layout.resolve([.fixed(10), .fixed(10)], length: 15) == [10, 5])
        #expect(Layout.resolve([.fixed(10), .fixed(10), .fill()], length: 4) == [4, 0, 0])
        let parts = Rect(x: 0, y: 0, width: 3, height: 1).split(.horizontal, [.fixed(2), .fixed(2)], spacing: 1)
        #expect(parts.map(\.width) == [2, 0])
    }

    @Test("vertical split with spacing")
    func vertical() {
        let parts = Rect(x: 2, y: 1, width: 10, height: 11).split(
            .vertical, [.fixed(1), .fill(), .fixed(1)], spacing: 1)
        #expect(
            parts == [
                Rect(x: 2, y: 1, width: 10, height: 1), Rect(x: 2, y: 3, width: 10, height: 7),
                Rect(x: 2, y: 11, width: 10, height: 1),
            ])
    }

    @Test("inset, centred, intersection")
    func helpers() {
        let rect = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 18, height: 8))
        #expect(rect.inset(by: 20).isEmpty)
        #expect(rect.centered(width: 10, height: 4) == Rect(x: 5, y: 3, width: 10, height: 4))
        #expect(rect.centered(width: 30, height: 30) == rect)
        #expect(rect.intersection(Rect(x: 15, y: 5, width: 10, height: 10)) == Rect(x: 15, y: 5, width: 5, height: 5))
        #expect(rect.intersection(Rect(x: 30, y: 0, width: 1, height: 1)).isEmpty)
        #expect(rect.bottom(2) == Rect(x: 0, y: 8, width: 20, height: 2))
    }
}
