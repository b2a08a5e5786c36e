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

#endif
