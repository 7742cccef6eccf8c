#!/usr/bin/env python3
"""Draws custseg.ico (a blue tile with three rising white bars and an amber dot) at 16, 32, 48
and 256 pixels, each stored as PNG inside the .ico (Windows Vista and later read that).
Run once; the .ico is committed: python3 windows/make-icon.py windows/custseg.ico"""
import struct, sys, zlib

BLUE, WHITE, AMBER = (31, 95, 168), (255, 255, 255), (242, 177, 52)


def pixel(x, y):
    """The colour at (x, y) in a 1×1 square (y down), or None for transparent."""
    m, r = 0.03, 0.16  # margin, corner radius
    cx = min(max(x, m + r), 1 - m - r)
    cy = min(max(y, m + r), 1 - m - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    for left, top in ((0.20, 0.58), (0.42, 0.42), (0.64, 0.25)):
        if left <= x <= left + 0.16 and top <= y <= 0.80:
            return WHITE
    if (x - 0.72) ** 2 + (y - 0.15) ** 2 <= 0.06 ** 2:
        return AMBER
    return BLUE


def png(size):
    s = 4  # 4×4 samples a pixel
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc, hits = [0, 0, 0], 0
            for sy in range(s):
                for sx in range(s):
                    c = pixel((px + (sx + 0.5) / s) / size, (py + (sy + 0.5) / s) / size)
                    if c:
                        hits += 1
                        acc = [a + b for a, b in zip(acc, c)]
            if hits:
                row += bytes([a // hits for a in acc] + [255 * hits // (s * s)])
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def ico(sizes):
    images = [png(n) for n in sizes]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for n, data in zip(sizes, images):
        out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(ico([16, 32, 48, 256]))
