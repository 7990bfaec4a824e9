import CursesTerminal
import Testing

@Suite("OSC 52 clipboard")
struct ClipboardTests {
    @Test("the text travels base64-encoded between ESC ] 52 ; c ; and BEL")
    func sequence() {
        let bytes = OSC52.sequence(for: "curl 'x' \u{1B}[2J é")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == "\u{1B}]52;c;" + OSC52.base64(Array("curl 'x' \u{1B}[2J é".utf8)) + "\u{07}")
        // The only ESC is the sequence's own: the payload cannot act on the terminal.
        #expect(bytes.filter { $0 == 0x1B }.count == 1)
    }

    @Test("base64 with padding, as RFC 4648 section 10's vectors")
    func base64() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (input, output) in vectors { #expect(OSC52.base64(Array(input.utf8)) == output) }
    }

    @Test("tmux passthrough wraps the sequence and doubles its ESC")
    func tmuxPassthrough() {
        let wrapped = OSC52.tmuxPassthrough(OSC52.sequence(for: "hi"))
        #expect(String(decoding: wrapped, as: UTF8.self) == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
    }
}
