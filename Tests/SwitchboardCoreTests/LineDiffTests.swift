import SwitchboardCore
import Testing

@Suite("Line diff")
struct LineDiffTests {
    @Test("equal texts are all the same; an empty side is all added or removed")
    func trivial() {
        #expect(LineDiff.steps(["a", "b"], ["a", "b"]).allSatisfy { $0.change == .same })
        #expect(LineDiff.steps([], ["a"]) == [LineDiff.Step(.added, old: nil, new: 0)])
        #expect(LineDiff.steps(["a"], []) == [LineDiff.Step(.removed, old: 0, new: nil)])
    }

    @Test("a changed line in the middle is one removal and one addition, paired side by side")
    func changedLine() {
        let old = ["{", "  \"result\": \"ACCEPT\",", "  \"room\": \"a\"", "}"]
        let new = ["{", "  \"result\": \"REJECT\",", "  \"room\": \"a\"", "}"]
        #expect(LineDiff.steps(old, new).map(\.change) == [.same, .removed, .added, .same, .same])
        let rows = LineDiff.rows(old, new)
        #expect(rows.count == 4)
        #expect(rows[1] == LineDiff.Row(.changed, left: "  \"result\": \"ACCEPT\",", right: "  \"result\": \"REJECT\","))
        #expect(rows.filter { $0.change != .same }.count == 1)
    }

    @Test("insertions and deletions keep the common lines aligned (longest common subsequence)")
    func alignment() {
        let old = ["a", "b", "c", "d", "e"]
        let new = ["a", "c", "d", "x", "e", "f"]
        let rows = LineDiff.rows(old, new)
        #expect(rows.map(\.change) == [.same, .removed, .same, .same, .added, .same, .added])
        #expect(rows.map(\.left) == ["a", "b", "c", "d", nil, "e", nil])
        #expect(rows.map(\.right) == ["a", nil, "c", "d", "x", "e", "f"])
        // Every old line appears once on the left, every new line once on the right, in order.
        #expect(rows.compactMap(\.left) == old)
        #expect(rows.compactMap(\.right) == new)
    }

    @Test("a middle too large for the table is still a correct diff")
    func largeMiddle() {
        let old = ["head"] + (0..<2_500).map { "old \($0)" } + ["tail"]
        let new = ["head"] + (0..<2_500).map { "new \($0)" } + ["tail"]
        let rows = LineDiff.rows(old, new)
        #expect(rows.compactMap(\.left) == old)
        #expect(rows.compactMap(\.right) == new)
        #expect(rows.first?.change == .same)
        #expect(rows.last?.change == .same)
        #expect(rows.filter { $0.change == .changed }.count == 2_500)
    }
}
