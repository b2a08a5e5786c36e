// An injected file layer for the fault tests (issue 19): loaded with LD_PRELOAD into the debug
// binary (dynamically linked), it fails reads, writes or syncs with EIO, as a dying disk does,
// on every file whose path contains $EIO_PATH. $EIO_OPS lists which: any of read, write, sync
// (default "write,sync"). $EIO_AFTER lets that many matching calls succeed first (default 0),
// so a fault can land in the middle of a write path rather than at its first call.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long passed;

static int failing(int fd, const char *op) {
    const char *want = getenv("EIO_PATH");
    const char *ops = getenv("EIO_OPS");
    if (!want || !*want || !strstr(ops ? ops : "write,sync", op)) return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, path, sizeof path - 1);
    if (length <= 0) return 0;
    path[length] = 0;
    if (!strstr(path, want)) return 0;
    const char *after = getenv("EIO_AFTER");
    if (after && passed < atol(after)) { passed++; return 0; }
    errno = EIO;
    return 1;
}

typedef ssize_t (*write_f)(int, const void *, size_t);
typedef ssize_t (*pwrite_f)(int, const void *, size_t, off_t);
typedef ssize_t (*read_f)(int, void *, size_t);
typedef ssize_t (*pread_f)(int, void *, size_t, off_t);
typedef int (*sync_f)(int);
#define REAL(name, type) static type real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buffer, size_t count) {
    REAL(write, write_f);
    return failing(fd, "write") ? -1 : real_write(fd, buffer, count);
}
ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    REAL(pwrite, pwrite_f);
    return failing(fd, "write") ? -1 : real_pwrite(fd, buffer, count, offset);
}
ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    REAL(pwrite64, pwrite_f);
    return failing(fd, "write") ? -1 : real_pwrite64(fd, buffer, count, offset);
}
ssize_t read(int fd, void *buffer, size_t count) {
    REAL(read, read_f);
    return failing(fd, "read") ? -1 : real_read(fd, buffer, count);
}
ssize_t pread(int fd, void *buffer, size_t count, off_t offset) {
    REAL(pread, pread_f);
    return failing(fd, "read") ? -1 : real_pread(fd, buffer, count, offset);
}
ssize_t pread64(int fd, void *buffer, size_t count, off_t offset) {
    REAL(pread64, pread_f);
    return failing(fd, "read") ? -1 : real_pread64(fd, buffer, count, offset);
}
int fsync(int fd) {
    REAL(fsync, sync_f);
    return failing(fd, "sync") ? -1 : real_fsync(fd);
}
int fdatasync(int fd) {
    REAL(fdatasync, sync_f);
    return failing(fd, "sync") ? -1 : real_fdatasync(fd);
}
