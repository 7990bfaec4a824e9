/// One line of editable text with a cursor: the simulator form's fields.
///
/// The usual line-editing keys (readline's, as in shells and lazygit's inputs): arrows,
/// Home/End, Backspace/Delete, ctrl+u clears to the start, ctrl+w deletes a word backwards. The
/// cursor counts characters (grapheme clusters), so it never splits an emoji or an accent.
public struct TextInput: Sendable, Equatable {
    public private(set) var text: String
    /// Characters before the cursor.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    public mutating func insert(_ character: Character) {
        var characters = Array(text)
        characters.insert(character, at: cursor)
        text = String(characters)
        cursor += 1
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    public mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        text = String(characters)
    }

    /// ctrl+w: the word before the cursor and the spaces after it.
    public mutating func deleteWordBackward() {
        var characters = Array(text)
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        text = String(characters)
        cursor = start
    }

    /// ctrl+u: everything before the cursor.
    public mutating func deleteToStart() {
        text = String(text.dropFirst(cursor))
        cursor = 0
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }
}
