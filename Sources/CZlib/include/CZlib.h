#ifndef CZLIB_H
#define CZLIB_H
#include <zlib.h>

/// zlib's init calls are macros, which Swift cannot call: these wrap them for a gzip stream.
int czlib_deflate_init_gzip(z_stream *stream, int level);
int czlib_inflate_init_gzip(z_stream *stream);

#endif
