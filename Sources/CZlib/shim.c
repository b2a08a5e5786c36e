#include "CZlib.h"

// windowBits 15 + 16: a gzip wrapper (RFC 1952), so that `zcat` reads an open folder's segments.
int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
