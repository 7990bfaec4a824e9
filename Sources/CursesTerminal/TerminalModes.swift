import Glibc

/// Terminal line settings curses leaves alone.
enum TerminalModes {
    /// Turns off XON/XOFF flow control, so ctrl+s and ctrl+q arrive as keys.
    static func disableFlowControl(_ descriptor: Int32) {
        var modes = termios()
        guard tcgetattr(descriptor, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        _ = tcsetattr(descriptor, TCSANOW, &modes)
    }
}
