import Glibc

/// Terminal line settings curses leaves alone.
enum TerminalModes {
    /// Turns off XON/XOFF flow control, so ctrl+s (save) and ctrl+q arrive as keys, and the
    /// suspend character, so ctrl+z arrives as undo instead of stopping the app: the keys an
    /// editing form promises must reach it. The shell's modes come back on the way out.
    static func freeEditingKeys(_ descriptor: Int32) {
        var modes = termios()
        guard tcgetattr(descriptor, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &modes.c_cc) { characters in
            // _POSIX_VDISABLE is 0 on Linux: no byte suspends.
            characters[Int(VSUSP)] = 0
        }
        _ = tcsetattr(descriptor, TCSANOW, &modes)
    }
}
