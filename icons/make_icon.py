#!/usr/bin/env python3
"""Draws icons/icon.png, Redaksi's app icon, with the standard library only.

Tauri needs an 8-bit RGBA PNG at compile time. The PNG is committed; this script is kept so the
icon can be changed and redrawn (`python3 icons/make_icon.py`) without an image editor.
"""

import struct
import zlib
from pathlib import Path

SIZE = 256
SUPERSAMPLE = 4
RED = (179, 38, 30)
WHITE = (255, 255, 255)


def in_rounded_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_letter_r(x, y):
    """A bold sans-serif "R": a stem, a bowl with a counter, and a diagonal leg."""
    stem = 70 <= x <= 112 and 52 <= y <= 204
    bowl = in_rounded_rect(x, y, 70, 52, 190, 140, 44)
    counter = in_rounded_rect(x, y, 112, 86, 150, 108, 11)
    # The leg runs from the bowl's lower middle down to the right.
    t = (y - 130) / (204 - 130)
    leg = 0 <= t <= 1 and (118 + 50 * t) <= x <= (162 + 34 * t)
    return (stem or bowl or leg) and not counter


def pixel(px, py):
    covered_bg = covered_fg = 0
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = px + (sx + 0.5) / SUPERSAMPLE
            y = py + (sy + 0.5) / SUPERSAMPLE
            if in_rounded_rect(x, y, 8, 8, 248, 248, 44):
                covered_bg += 1
                if in_letter_r(x, y):
                    covered_fg += 1
    samples = SUPERSAMPLE * SUPERSAMPLE
    if covered_bg == 0:
        return (0, 0, 0, 0)
    fg = covered_fg / covered_bg
    rgb = tuple(round(w * fg + r * (1 - fg)) for w, r in zip(WHITE, RED))
    return (*rgb, round(255 * covered_bg / samples))


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    out = Path(__file__).with_name("icon.png")
    out.write_bytes(png(SIZE, SIZE, rows))
    print(f"wrote {out}")
