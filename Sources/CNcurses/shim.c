// wcwidth is an X/Open function that glibc declares only on request.
#define _GNU_SOURCE 1
#include "CNcurses.h"
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

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
    if (setcchar(&cell, text, (attr_t)attributes, pair, NULL) != OK) {
        // A cluster ncurses refuses (marks after a character the C library does not know):
        // its first character alone.
        wchar_t first[2] = { text[0], L'\0' };
        if (setcchar(&cell, first, (attr_t)attributes, pair, NULL) != OK) return ERR;
    }
    return mvadd_wch(y, x, &cell);
}

WINDOW *cn_stdscr(void) { return stdscr; }
WINDOW *cn_curscr(void) { return curscr; }
int cn_colors(void) { return COLORS; }
int cn_color_pairs(void) { return COLOR_PAIRS; }

SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }

void cn_write_control(const char *sequence) {
    fflush(stdout);
    fputs(sequence, stdout);
    fflush(stdout);
}

int cn_key_code_for_capability(const char *cap) {
    const char *sequence = tigetstr(cap);
    if (sequence == NULL || sequence == (const char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}

int cn_wcwidth(wchar_t character) { return wcwidth(character); }

unsigned int cn_button1_pressed(void) { return BUTTON1_PRESSED; }
unsigned int cn_button4_pressed(void) { return BUTTON4_PRESSED; }
unsigned int cn_button5_pressed(void) { return BUTTON5_PRESSED; }

int cn_run_in_foreground(char *const argv[]) {
    struct sigaction ignore, savedInterrupt, savedQuit;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &savedInterrupt);
    sigaction(SIGQUIT, &ignore, &savedQuit);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);

    pid_t pid;
    int result = -1;
    if (posix_spawnp(&pid, argv[0], NULL, &attributes, argv, environ) == 0) {
        int status = 0;
        pid_t waited;
        do {
            waited = waitpid(pid, &status, 0);
        } while (waited == -1 && errno == EINTR);
        if (waited == pid && WIFEXITED(status)) result = WEXITSTATUS(status);
    }
    posix_spawnattr_destroy(&attributes);
    sigaction(SIGINT, &savedInterrupt, NULL);
    sigaction(SIGQUIT, &savedQuit, NULL);
    return result;
}
