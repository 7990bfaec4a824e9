import SwitchboardCore
import Testing

@testable import SwitchboardApp

/// The filter's index gives exactly what a plain case-insensitive "does any field contain the
/// query" would: its masks and pair filters may only skip items that cannot match.
@Suite("Search index")
struct SearchIndexTests {
    /// What the filter promises, written the slow, obvious way.
    static func expected(_ fields: [[String]], _ candidates: [Int], _ query: String) -> [Int] {
        let needle = query.lowercased()
        guard !needle.isEmpty else { return candidates }
        return candidates.filter { index in fields[index].contains { $0.lowercased().contains(needle) } }
    }

    @Test("matches within one field only, in the candidates' order, whatever the case")
    func fieldsAndOrder() {
        let fields = [["Front desk", "SDR_desk01"], ["Sales", "+15550100"], ["fro", "nt"], ["ÉTÉ Café", "x"]]
        let index = SearchIndex(fields)
        #expect(index.filter([0, 1, 2, 3], query: "FRONT") == [0])
        #expect(index.filter([3, 2, 1, 0], query: "desk") == [0])
        #expect(index.filter([0, 1, 2, 3], query: "555") == [1])
        #expect(index.filter([0, 1, 2, 3], query: "café") == [3])
        #expect(index.filter([0, 1, 2, 3], query: "été") == [3])
        #expect(index.filter([0, 1, 2, 3], query: "ont") == [0], "\"fro\" + \"nt\" are two fields")
        #expect(index.filter([2, 0], query: "") == [2, 0])
    }

    @Test("random items and queries: the same answer as a plain substring search")
    func agreesWithPlainSearch() {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("abcdesu +_-.:/19É".unicodeScalars)
        func word(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        let fields = (0..<600).map { _ in (0..<Int(generator.next() % 4)).map { _ in word(Int(generator.next() % 40)) } }
        let index = SearchIndex(fields)
        let all = Array(fields.indices)
        var shuffled = all
        shuffled.shuffle(using: &generator)
        var matchedSomething = 0
        for _ in 0..<300 {
            // Queries cut from the items' own text match something; random ones mostly don't.
            let query: String
            if generator.next() % 2 == 0, let source = fields[Int(generator.next() % UInt64(fields.count))].first, !source.isEmpty {
                let scalars = Array(source.unicodeScalars)
                let start = Int(generator.next() % UInt64(scalars.count))
                let end = min(scalars.count, start + 1 + Int(generator.next() % 5))
                query = String(String.UnicodeScalarView(scalars[start..<end])).uppercased()
            } else {
                query = word(1 + Int(generator.next() % 4))
            }
            let answer = index.filter(all, query: query)
            #expect(answer == Self.expected(fields, all, query), "query \"\(query)\"")
            // A sorted or narrowed list hands over its candidates in its own order.
            #expect(index.filter(shuffled, query: query) == Self.expected(fields, shuffled, query), "query \"\(query)\", shuffled")
            if !answer.isEmpty { matchedSomething += 1 }
        }
        #expect(matchedSomething > 100, "the queries exercised matches, not only misses")
    }
}
