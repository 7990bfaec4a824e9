import CNCursesW
import Glibc
import TerminalKit

/// Turning `get_wch` results into ``Key``s.
///
/// `get_wch` returns a status and a value separately: `OK` with a character, `KEY_CODE_YES`
/// with a function-key code, or `ERR`. They are never folded into one integer, because
/// `KEY_RESIZE` (410) is also the code point U+019A (ƚ).
enum CursesKeys {
    /// Waits up to `timeoutMs` (negative: indefinitely) in slices of
    /// ``TerminalRestore/pollSlice``, checking for termination signals between slices.
    static func read(timeoutMs: Int, onSignal: (Int32) -> Never) -> Key? {
        var remaining = timeoutMs
        while true {
            if let signalNumber = TerminalRestore.takePendingSignal() { onSignal(signalNumber) }
            let slice = remaining < 0 ? TerminalRestore.pollSlice : min(remaining, TerminalRestore.pollSlice)
            wtimeout(sb_stdscr(), Int32(slice))
            var value: wint_t = 0
            let started = monotonicMilliseconds()
            let status = wget_wch(sb_stdscr(), &value)
            if status == KEY_CODE_YES {
                if let key = functionKey(Int32(value)) { return key }
            } else if status == OK {
                return character(UInt32(value))
            }
            let early = slice - (monotonicMilliseconds() - started)
            if status == ERR, early > 0 {
                // ERR before the timeout: input is at end of file (a closed terminal or
                // /dev/null). Wait out the slice instead of spinning.
                usleep(useconds_t(early * 1000))
            }
            if remaining >= 0 {
                remaining -= max(1, monotonicMilliseconds() - started)
                if remaining <= 0 {
                    if let signalNumber = TerminalRestore.takePendingSignal() { onSignal(signalNumber) }
                    return nil
                }
            }
        }
    }

    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    /// A character `get_wch` returned with status `OK`.
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .char("\u{FFFD}") }
            return .char(Character(scalar))
        }
    }

    /// A code `get_wch` returned with status `KEY_CODE_YES`; `nil` for keys we do not map.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouse()
        case sb_key_f(1)...sb_key_f(24): return .function(Int(code - sb_key_f(0)))
        default: return nil
        }
    }

    static func mouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let action: MouseEvent.Action
        if state & sb_button4_pressed() != 0 {
            action = .scrollUp
        } else if state & sb_button5_pressed() != 0 {
            action = .scrollDown
        } else if state & (sb_button1_pressed() | sb_button1_clicked()) != 0 {
            action = .press(.left)
        } else if state & sb_button2_pressed() != 0 {
            action = .press(.middle)
        } else if state & sb_button3_pressed() != 0 {
            action = .press(.right)
        } else if state & (sb_button1_released() | sb_button2_released() | sb_button3_released()) != 0 {
            action = .release
        } else {
            return nil
        }
        return .mouse(MouseEvent(action: action, column: Int(event.x), row: Int(event.y)))
    }
}

/// ncurses key codes re-exported for the adapter's tests, which do not import the C module.
enum CursesKeyCode {
    static let resize = KEY_RESIZE
    static let up = KEY_UP
    static let pageDown = KEY_NPAGE
    static let backTab = KEY_BTAB
    static let delete = KEY_DC
    static func function(_ number: Int32) -> Int32 { sb_key_f(number) }
}
