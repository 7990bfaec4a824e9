#ifndef SWITCHBOARD_CNCURSESW_SHIM_H
#define SWITCHBOARD_CNCURSESW_SHIM_H

/*
 * The only C in Switchboard. Swift sees ncursesw through this header.
 *
 * - NCURSES_WIDECHAR must be defined before curses.h or the wide API (cchar_t, get_wch,
 *   setcchar, mvwadd_wch) is invisible; SwiftPM drops the -D flags pkg-config gives, so the
 *   define lives here.
 * - Function-like macros (getmaxyx, KEY_F, the A_* attributes built with NCURSES_BITS, the
 *   mouse masks) do not import into Swift, and the globals (stdscr, LINES, COLS, COLORS,
 *   COLOR_PAIRS, stdin, stdout) import as mutable globals that Swift 6 strict concurrency
 *   rejects. Each gets a static inline wrapper below, prefixed sb_.
 */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/* Globals */
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *sb_stdin(void) { return stdin; }
static inline FILE *sb_stdout(void) { return stdout; }
static inline const char *sb_codeset(void) { return nl_langinfo(CODESET); }

static inline void sb_getmaxyx(WINDOW *win, int *rows, int *columns) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *columns = x;
}

/* Attributes */
static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
static inline attr_t sb_a_italic(void) { return A_ITALIC; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }

/* Keys */
static inline int sb_key_f(int n) { return KEY_F(n); }

/* Wide characters with extended (int) colour pairs passed through the opts pointer, so
 * pairs above 32767 work on terminals that report 65536 of them. */
static inline int sb_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    int extended = pair;
    return setcchar(cell, text, attributes, 0, &extended);
}

static inline int sb_getcchar(const cchar_t *cell, wchar_t *text, attr_t *attributes, int *pair) {
    short legacy = 0;
    return getcchar(cell, text, attributes, &legacy, pair);
}

static inline int sb_mvwadd_wch(WINDOW *win, int row, int column, const cchar_t *cell) {
    return mvwadd_wch(win, row, column, cell);
}

static inline int sb_mvwin_wch(WINDOW *win, int row, int column, cchar_t *cell) {
    return mvwin_wch(win, row, column, cell);
}

static inline int sb_mvwin_wchnstr(WINDOW *win, int row, int column, cchar_t *cells, int count) {
    return mvwin_wchnstr(win, row, column, cells, count);
}

static inline int sb_ccharw_max(void) { return CCHARW_MAX; }

/* Mouse masks */
static inline mmask_t sb_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sb_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t sb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t sb_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t sb_button2_released(void) { return BUTTON2_RELEASED; }
static inline mmask_t sb_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t sb_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t sb_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sb_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t sb_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

static inline mmask_t sb_mouse_buttons_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED | BUTTON3_PRESSED
        | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}

#endif
