#include "CNcurses.h"

int cn_lines(void) { return LINES; }
int cn_cols(void) { return COLS; }
unsigned int cn_attr_normal(void) { return A_NORMAL; }
unsigned int cn_attr_bold(void) { return A_BOLD; }
unsigned int cn_attr_underline(void) { return A_UNDERLINE; }
unsigned int cn_attr_reverse(void) { return A_REVERSE; }
unsigned int cn_attr_dim(void) { return A_DIM; }
unsigned int cn_color_pair(int pair) { return COLOR_PAIR(pair); }
int cn_key_resize(void) { return KEY_RESIZE; }
int cn_key_mouse(void) { return KEY_MOUSE; }

// Writes one cell (a grapheme cluster as wide characters) with attributes and a colour pair.
int cn_set_cell(int y, int x, const wchar_t *text, unsigned int attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attributes, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}
