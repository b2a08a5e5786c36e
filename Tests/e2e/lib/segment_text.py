#!/usr/bin/env python3
"""A second, independent reader (and writer) of the segment format (SharedFolderFormat.md), for
the end-to-end tests. As a command it prints what an open folder's files hold, as text: version 2
segments with their change lines inflated and the ids each line leaves out put back, any other
file as it is. Usage: segment_text.py PATH...  (a folder is read recursively)."""
import gzip
import hashlib
import os
import sys
import zlib

TOKENS = (b"\x01", b"\x02", b"\x03")


def trailer(content, count):
    return content + b"END %d %s\n" % (count, hashlib.sha256(content).hexdigest().encode())


def read_segment(data):
    """(header line, [(signature base64, body as signed)]) of a version 1 or 2 segment."""
    header_end = data.index(b"\n")
    header = data[:header_end]
    trailer_start = data.rindex(b"\n", 0, len(data) - 1) + 1
    fields = header.split(b" ")
    if fields[1] == b"1":
        return header, [tuple(line.split(b"\t", 1)) for line in data[header_end + 1:trailer_start - 1].split(b"\n")]
    lines = zlib.decompress(data[header_end + 1:trailer_start - 1], 16 + 15).split(b"\n")[:-1]
    out, prev = [], None
    for line in lines:
        separator = min(i for i in (line.find(b"\t"), line.find(b" ")) if i >= 0)
        body = line[separator + 1:]
        if line[separator:separator + 1] == b"\t":
            for token, value in zip(TOKENS, (fields[2], fields[3], prev)):
                if value is not None:
                    body = body.replace(token, value)
        out.append((line[:separator], body))
        prev = hashlib.sha256(body).hexdigest().encode()
    return header, out


def write_segment(header, lines):
    """A version 2 segment whose lines are stored as signed (after a space): nothing left out."""
    fields = header.split(b" ")
    fields[1] = b"2"
    block = gzip.compress(b"".join(signature + b" " + body + b"\n" for signature, body in lines), mtime=0)
    return trailer(b" ".join(fields) + b"\n" + block + b"\n", len(lines))


def show(path):
    with open(path, "rb") as file:
        data = file.read()
    try:
        header, lines = read_segment(data)
        text = header + b"\n" + b"".join(signature + b"\t" + body + b"\n" for signature, body in lines)
    except (ValueError, zlib.error, IndexError):
        text = data
    sys.stdout.buffer.write(text)


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        if os.path.isdir(argument):
            for root, _, names in sorted(os.walk(argument)):
                for name in sorted(names):
                    show(os.path.join(root, name))
        else:
            show(argument)
