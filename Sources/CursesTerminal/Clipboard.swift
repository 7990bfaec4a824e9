import Glibc

extension CursesTerminal {
    /// Puts `text` on the system clipboard of the terminal the user sits at, with OSC 52 —
    /// the one way that works over SSH, since the terminal emulator itself does the copy.
    ///
    /// Inside tmux (`inTmux`, from `$TMUX`) the sequence is sent twice: as is, which tmux takes
    /// when its `set-clipboard` option is `on` (it fills its paste buffer and forwards the
    /// copy to the outer terminal), and wrapped for passthrough, which reaches the outer
    /// terminal directly when `allow-passthrough` is on. Either way the clipboard gets the same
    /// text once per accepted copy; with both off, tmux drops them and nothing changes.
    public func copyToClipboard(_ text: String, inTmux: Bool) {
        let sequence = OSC52.sequence(for: text)
        writeRaw(inTmux ? sequence + OSC52.tmuxPassthrough(sequence) : sequence)
    }

    /// Writes bytes straight to the terminal, outside ncurses' picture of the screen; only for
    /// sequences that draw nothing (OSC 52). Called between frames, on the UI thread.
    public func writeRaw(_ bytes: [UInt8]) {
        guard let outputFile, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, outputFile)
        }
        fflush(outputFile)
    }
}

/// The OSC 52 "set clipboard" sequence: `ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL`.
///
/// The text travels base64-encoded, so whatever it contains (a webhook body with escape
/// sequences included) can never act on the terminal.
public enum OSC52 {
    public static func sequence(for text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(base64(Array(text.utf8)).utf8) + [0x07]
    }

    /// tmux's passthrough: `ESC P tmux; <sequence with every ESC doubled> ESC \`.
    public static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var out = Array("\u{1B}Ptmux;".utf8)
        for byte in sequence {
            if byte == 0x1B { out.append(0x1B) }
            out.append(byte)
        }
        return out + [0x1B, UInt8(ascii: "\\")]
    }

    /// Standard base64 with padding (RFC 4648 section 4), as OSC 52 expects.
    public static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(remaining > 1 ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(remaining > 2 ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
