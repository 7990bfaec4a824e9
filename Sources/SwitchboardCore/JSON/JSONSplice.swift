/// Rewrites a JSON document to hold a new value while keeping the original bytes of everything
/// that did not change, so a saved file's `git diff` shows only what the user edited.
///
/// Unchanged values keep their text exactly (layout, escapes, number spelling). Objects and
/// arrays that changed are edited in place: members are matched by key and elements by
/// equality (an LCS), matched ones recurse, removed ones go with their comma, added ones are
/// written in the style of their neighbours (separator, indentation, inline or one per line).
/// Any other change is written fresh by ``JSONWriter``, indented to the original value's line.
///
/// The result is checked: it must parse to exactly `updated`, otherwise `splice` returns nil
/// and the caller writes the full rewrite instead. Nil is always safe.
public enum JSONSplice {
    public static func splice(original: [UInt8], updated: JSONValue) -> [UInt8]? {
        guard let (old, span) = JSONParser.parseWithSpans(original) else { return nil }
        if old == updated { return original }
        let splicer = Splicer(original)
        var out: [UInt8] = []
        out.reserveCapacity(original.count + 256)
        out.append(contentsOf: original[0..<span.start])
        splicer.render(old, span, updated, into: &out)
        out.append(contentsOf: original[span.end...])
        guard let check = try? JSONParser.parse(out), check == updated else { return nil }
        return out
    }

    /// Above this many LCS cells (old × new elements left after the common prefix and suffix)
    /// elements are matched by equality without regard to order, which is linear.
    static let lcsCellLimit = 4_000_000
}

private struct Splicer {
    let original: [UInt8]
    let newline: [UInt8]
    let indentUnit: [UInt8]

    init(_ original: [UInt8]) {
        self.original = original
        var crlf = false
        for i in original.indices.dropFirst() where original[i] == 0x0A {
            crlf = original[i - 1] == 0x0D
            break
        }
        newline = crlf ? [0x0D, 0x0A] : [0x0A]
        indentUnit = Self.detectIndentUnit(original)
    }

    /// A tab when indented lines start with one, else the smallest positive run of spaces that
    /// starts a line; two spaces (the writer's) when nothing is indented.
    static func detectIndentUnit(_ bytes: [UInt8]) -> [UInt8] {
        var smallest = Int.max
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                var j = i + 1
                if j < bytes.count, bytes[j] == 0x09 { return [0x09] }
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                let count = j - i - 1
                if count > 0, j < bytes.count, bytes[j] != 0x0A, bytes[j] != 0x0D { smallest = min(smallest, count) }
                i = j
                continue
            }
            i += 1
        }
        return smallest == Int.max ? [0x20, 0x20] : [UInt8](repeating: 0x20, count: smallest)
    }

    func render(_ old: JSONValue, _ span: JSONValueSpan, _ new: JSONValue, into out: inout [UInt8]) {
        if old == new {
            out.append(contentsOf: original[span.start..<span.end])
            return
        }
        switch (old, new) {
        case (.array(let a), .array(let b)) where !a.isEmpty && !b.isEmpty:
            spliceArray(a, span, b, into: &out)
        case (.object(let a), .object(let b)) where !a.isEmpty && !b.isEmpty:
            spliceObject(a, span, b, into: &out)
        default:
            let inline: Bool
            switch old {
            case .array(let a) where !a.isEmpty: inline = !containsNewline(span.start..<span.end)
            case .object(let o) where !o.isEmpty: inline = !containsNewline(span.start..<span.end)
            default: inline = false
            }
            fresh(new, inline: inline, baseIndent: lineIndent(at: span.start), into: &out)
        }
    }

    // MARK: Containers

    func spliceArray(_ a: [JSONValue], _ span: JSONValueSpan, _ b: [JSONValue], into out: inout [UInt8]) {
        var ids: [JSONValue: Int] = [:]
        func id(_ value: JSONValue) -> Int {
            if let known = ids[value] { return known }
            ids[value] = ids.count
            return ids.count - 1
        }
        let oldIDs = a.map(id)
        let newIDs = b.map(id)
        let plan = Self.align(oldIDs, newIDs, pairGaps: true)
        let layout = Layout(span: span, itemStarts: span.elements.map(\.start), original: original)
        renderSequence(span, layout, plan, count: b.count, into: &out) { i, into in
            if let j = plan[i] {
                render(a[j], span.elements[j], b[i], into: &into)
            } else {
                fresh(b[i], inline: layout.inline, baseIndent: layout.itemIndent, into: &into)
            }
        }
    }

    func spliceObject(_ a: JSONObject, _ span: JSONValueSpan, _ b: JSONObject, into out: inout [UInt8]) {
        var ids: [String: Int] = [:]
        func id(_ member: JSONMember) -> Int {
            if let known = ids[member.key] { return known }
            ids[member.key] = ids.count
            return ids.count - 1
        }
        let oldIDs = a.members.map(id)
        let newIDs = b.members.map(id)
        let plan = Self.align(oldIDs, newIDs, pairGaps: false)
        let layout = Layout(span: span, itemStarts: span.keys.map(\.lowerBound), original: original)
        let colon = original[span.keys[0].upperBound..<span.elements[0].start]
        renderSequence(span, layout, plan, count: b.count, into: &out) { i, into in
            let member = b.members[i]
            if let j = plan[i] {
                into.append(contentsOf: original[span.keys[j].lowerBound..<span.elements[j].start])
                render(a.members[j].value, span.elements[j], member.value, into: &into)
            } else {
                JSONWriter.writeString(member.key, into: &into)
                into.append(contentsOf: colon)
                fresh(member.value, inline: layout.inline, baseIndent: layout.itemIndent, into: &into)
            }
        }
    }

    /// The whitespace and commas of a non-empty container as the file has them.
    struct Layout {
        var itemStarts: [Int]
        var itemEnds: [Int]
        /// Between the opening bracket and the first item.
        var leading: Range<Int>
        /// Between the last item and the closing bracket.
        var trailing: Range<Int>
        var inline: Bool
        var itemIndent: [UInt8]

        init(span: JSONValueSpan, itemStarts: [Int], original: [UInt8]) {
            self.itemStarts = itemStarts
            itemEnds = span.elements.map(\.end)
            leading = (span.start + 1)..<itemStarts[0]
            trailing = itemEnds[itemEnds.count - 1]..<(span.end - 1)
            var inline = !original[leading].contains(0x0A)
            for j in 0..<(itemStarts.count - 1) where original[itemEnds[j]..<itemStarts[j + 1]].contains(0x0A) { inline = false }
            self.inline = inline
            // The last item's line: new items usually go at the end.
            var lineStart = itemStarts[itemStarts.count - 1]
            while lineStart > 0, original[lineStart - 1] != 0x0A { lineStart -= 1 }
            var indentEnd = lineStart
            while indentEnd < original.count, original[indentEnd] == 0x20 || original[indentEnd] == 0x09 { indentEnd += 1 }
            itemIndent = Array(original[lineStart..<indentEnd])
        }

        func separator(after j: Int) -> Range<Int> { itemEnds[j]..<itemStarts[j + 1] }
    }

    func renderSequence(
        _ span: JSONValueSpan, _ layout: Layout, _ plan: [Int?], count: Int, into out: inout [UInt8],
        item: (Int, inout [UInt8]) -> Void
    ) {
        out.append(original[span.start])
        out.append(contentsOf: original[layout.leading])
        let n = layout.itemStarts.count
        for i in 0..<count {
            if i > 0 {
                if let j = plan[i - 1], j < n - 1 {
                    out.append(contentsOf: original[layout.separator(after: j)])
                } else if let k = plan[i], k > 0 {
                    out.append(contentsOf: original[layout.separator(after: k - 1)])
                } else if n > 1 {
                    out.append(contentsOf: original[layout.separator(after: n - 2)])
                } else {
                    // One item before: a comma and what led to it (`[1]` → `, `).
                    out.append(UInt8(ascii: ","))
                    if layout.leading.isEmpty {
                        out.append(0x20)
                    } else {
                        out.append(contentsOf: original[layout.leading])
                    }
                }
            }
            item(i, &out)
        }
        out.append(contentsOf: original[layout.trailing])
        out.append(original[span.end - 1])
    }

    /// For each new item, the old item it continues (kept, changed in place or moved), or nil
    /// for a new one. Equal IDs match: common prefix and suffix, then an LCS of the rest,
    /// then equal items that moved; with `pairGaps`, leftovers between two matches pair up in
    /// order (an element edited in place).
    static func align(_ old: [Int], _ new: [Int], pairGaps: Bool) -> [Int?] {
        var plan = [Int?](repeating: nil, count: new.count)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] {
            plan[prefix] = prefix
            prefix += 1
        }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            plan[new.count - 1 - suffix] = old.count - 1 - suffix
            suffix += 1
        }
        let oldMid = Array(old[prefix..<(old.count - suffix)])
        let newMid = Array(new[prefix..<(new.count - suffix)])
        // Matched (old, new) pairs in the middle, increasing in both.
        var anchors: [(Int, Int)] = []
        if !oldMid.isEmpty, !newMid.isEmpty, oldMid.count * newMid.count <= JSONSplice.lcsCellLimit {
            let rows = oldMid.count + 1
            let cols = newMid.count + 1
            var table = [Int32](repeating: 0, count: rows * cols)
            for i in stride(from: oldMid.count - 1, through: 0, by: -1) {
                for j in stride(from: newMid.count - 1, through: 0, by: -1) {
                    table[i * cols + j] =
                        oldMid[i] == newMid[j]
                        ? table[(i + 1) * cols + j + 1] + 1 : max(table[(i + 1) * cols + j], table[i * cols + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < oldMid.count, j < newMid.count {
                if oldMid[i] == newMid[j] {
                    anchors.append((i, j))
                    i += 1
                    j += 1
                } else if table[(i + 1) * cols + j] >= table[i * cols + j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        var used = Set<Int>()
        for (i, j) in anchors {
            plan[prefix + j] = prefix + i
            used.insert(i)
        }
        // Moved: an equal item elsewhere that nothing matched.
        var unusedByID: [Int: [Int]] = [:]
        for i in stride(from: oldMid.count - 1, through: 0, by: -1) where !used.contains(i) {
            unusedByID[oldMid[i], default: []].append(i)
        }
        for j in 0..<newMid.count where plan[prefix + j] == nil {
            if var candidates = unusedByID[newMid[j]], let i = candidates.popLast() {
                unusedByID[newMid[j]] = candidates
                plan[prefix + j] = prefix + i
                used.insert(i)
            }
        }
        guard pairGaps else { return plan }
        // Leftovers between consecutive anchors pair up in order.
        let bounds = [(-1, -1)] + anchors + [(oldMid.count, newMid.count)]
        for g in 0..<(bounds.count - 1) {
            let olds = ((bounds[g].0 + 1)..<bounds[g + 1].0).filter { !used.contains($0) }
            let news = ((bounds[g].1 + 1)..<bounds[g + 1].1).filter { plan[prefix + $0] == nil }
            for (i, j) in zip(olds, news) {
                plan[prefix + j] = prefix + i
                used.insert(i)
            }
        }
        return plan
    }

    // MARK: Fresh text

    /// `value` as new text: inline (`["a", "b"]`, `{"k": 1}`) or the writer's layout with the
    /// file's newline and indent unit, its lines indented from `baseIndent`.
    func fresh(_ value: JSONValue, inline: Bool, baseIndent: [UInt8], into out: inout [UInt8]) {
        if inline {
            writeInline(value, into: &out)
            return
        }
        let text = JSONWriter.bytes(value, style: .pretty)
        var i = 0
        let end = text.last == 0x0A ? text.count - 1 : text.count
        while i < end {
            let b = text[i]
            i += 1
            guard b == 0x0A else {
                out.append(b)
                continue
            }
            out.append(contentsOf: newline)
            out.append(contentsOf: baseIndent)
            var spaces = 0
            while i < end, text[i] == 0x20 {
                spaces += 1
                i += 1
            }
            for _ in 0..<(spaces / 2) { out.append(contentsOf: indentUnit) }
        }
    }

    func writeInline(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), 0x20]) }
                writeInline(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), 0x20]) }
                JSONWriter.writeString(member.key, into: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), 0x20])
                writeInline(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            JSONWriter.write(value, into: &out, style: .compact, indent: 0)
        }
    }

    func containsNewline(_ range: Range<Int>) -> Bool { original[range].contains(0x0A) }

    /// The spaces and tabs that start the line holding `offset`.
    func lineIndent(at offset: Int) -> [UInt8] {
        var lineStart = offset
        while lineStart > 0, original[lineStart - 1] != 0x0A { lineStart -= 1 }
        var end = lineStart
        while end < original.count, original[end] == 0x20 || original[end] == 0x09 { end += 1 }
        return Array(original[lineStart..<end])
    }
}
