#ifndef CNCURSES_H
#define CNCURSES_H

// The wide-character ncurses API; Swift sees these declarations through the module map.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Function forms of the ncurses macros that Swift cannot import.
int cn_lines(void);
int cn_cols(void);
unsigned int cn_attr_normal(void);
unsigned int cn_attr_bold(void);
unsigned int cn_attr_underline(void);
unsigned int cn_attr_reverse(void);
unsigned int cn_attr_dim(void);
unsigned int cn_color_pair(int pair);
int cn_key_resize(void);
int cn_key_mouse(void);
int cn_set_cell(int y, int x, const wchar_t *text, unsigned int attributes, short pair);

// Globals read through functions, so Swift 6 sees no shared mutable state.
WINDOW *cn_stdscr(void);
WINDOW *cn_curscr(void);
int cn_colors(void);
int cn_color_pairs(void);

// Opens the terminal on stdin/stdout; NULL when TERM is unknown (where initscr would exit).
SCREEN *cn_newterm(void);
// Writes a control sequence ncurses does not know (bracketed paste) straight to the terminal.
void cn_write_control(const char *sequence);
// The key code ncurses returns for the terminfo string capability `cap` (e.g. "kUP5"), or 0.
int cn_key_code_for_capability(const char *cap);

// The columns the C library gives a character (-1 for one it does not know).
int cn_wcwidth(wchar_t character);

// Runs argv[0] (found on PATH) with argv, in this process group so that it owns the terminal,
// as system() does: SIGINT and SIGQUIT are ignored here meanwhile. Returns the exit status,
// or -1 when it could not start or was killed by a signal.
int cn_run_in_foreground(char *const argv[]);

unsigned int cn_button1_pressed(void);
unsigned int cn_button4_pressed(void);
unsigned int cn_button5_pressed(void);

#endif
