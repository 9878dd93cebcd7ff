#!/usr/bin/env python3
"""Writes the application icon (the same picture src/gui/icon.rs draws) as PNG files in
assets/icons/ at the hicolor sizes, for installers and desktop entries. Standard library only."""
import os, struct, zlib

def pixel(fx, fy):
    l, r, t, b, rad = 0.06, 0.94, 0.2, 0.8, 0.07
    cx = min(max(fx, l + rad), r - rad)
    cy = min(max(fy, t + rad), b - rad)
    if not ((fx - cx) ** 2 + (fy - cy) ** 2 <= rad * rad and l <= fx <= r and t <= fy <= b):
        return (0, 0, 0, 0)
    c = (0x1F, 0x5F, 0xA8, 0xFF)
    if 0.66 < fy < 0.72 and 0.14 < fx < 0.86:
        c = (0xE8, 0xF0, 0xFA, 0xFF)
    if 0.16 <= fx < 0.40 and 0.32 <= fy < 0.56:
        c = (0xE6, 0xB8, 0x3C, 0xFF)
        if abs(fx - 0.28) < 0.01 or abs(fy - 0.44) < 0.01:
            c = (0xB0, 0x86, 0x20, 0xFF)
    return c

def png(size):
    rows = b"".join(b"\x00" + bytes(v for x in range(size) for v in pixel(x / size, y / size)) for y in range(size))
    chunk = lambda t, c: struct.pack(">I", len(c)) + t + c + struct.pack(">I", zlib.crc32(t + c) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

out = os.path.join(os.path.dirname(__file__), "..", "assets", "icons")
os.makedirs(out, exist_ok=True)
for s in (16, 32, 48, 64, 128, 256):
    with open(os.path.join(out, f"tessera-{s}.png"), "wb") as f:
        f.write(png(s))
print("icons written to assets/icons")
