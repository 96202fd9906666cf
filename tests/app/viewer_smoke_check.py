#!/usr/bin/env python3
"""Checks a window screenshot written by `flowview SCENE --screenshot FILE.png`.

usage: viewer_smoke_check.py FILE.png [--no-ui]
       viewer_smoke_check.py FILE-console.png --console

Passes (exit 0) when the PNG is a whole 1280x720 window with:
  - 3D content: in the 3D view (left of x=950, above y=636), at least 2% of the pixels are lit
    (any channel > 40) and some are saturated colors (the scene's blue/teal/yellow shapes);
  - with UI: the side panel (x >= 960, y < 630) shows ImGui's dark window background over most of
    its area and ImGui's blue header/button color somewhere, and the bottom bar (y >= 640) too;
  - with --no-ui: the same right-hand column holds scene pixels or black, no ImGui header blue.
With --console, FILE is the presenter console (960x600): the clock at the top left in light
text, the current beat's name in the accent blue on the left, and the next beat's preview (scene
pixels, some saturated) on the right.
Needs only the Python standard library.
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError("expected 8-bit RGB/RGBA")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def region(rows, bpp, x0, y0, x1, y1, step=2):
    for y in range(y0, y1, step):
        row = rows[y]
        for x in range(x0, x1, step):
            yield row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]


def check_console(width, height, bpp, rows):
    failures = []
    if (width, height) != (960, 600):
        failures.append(f"size {width}x{height}, expected 960x600")
        return failures
    clock = list(region(rows, bpp, 0, 0, 90, 60, 1))
    light = sum(1 for p in clock if min(p) > 180)
    name = list(region(rows, bpp, 0, 105, 480, 140, 1))
    accent = sum(1 for r, g, b in name if b > 190 and g > 140 and r < 150)
    preview = list(region(rows, bpp, 490, 145, 950, 395))
    lit = sum(1 for p in preview if max(p) > 40) / max(1, len(preview))
    saturated = sum(1 for r, g, b in preview if max(r, g, b) - min(r, g, b) > 60 and max(r, g, b) > 90)
    print(f"console: clock {light} light px, beat name {accent} accent px, "
          f"preview {lit:.1%} lit, {saturated} saturated samples")
    if light < 40:
        failures.append("no clock at the top left")
    if accent < 40:
        failures.append("no current beat name in the accent color")
    if lit < 0.05 or saturated < 5:
        failures.append("no scene preview of the next beat")
    return failures


def main():
    path = sys.argv[1]
    if "--console" in sys.argv[2:]:
        failures = check_console(*read_png(path))
        for f in failures:
            print("FAIL:", f)
        return 1 if failures else 0
    expect_ui = "--no-ui" not in sys.argv[2:]
    width, height, bpp, rows = read_png(path)
    failures = []
    if (width, height) != (1280, 720):
        failures.append(f"size {width}x{height}, expected 1280x720")
    view = list(region(rows, bpp, 0, 0, min(width, 940), min(height, 630)))
    lit = sum(1 for r, g, b in view if max(r, g, b) > 40) / max(1, len(view))
    saturated = sum(1 for r, g, b in view if max(r, g, b) - min(r, g, b) > 60 and max(r, g, b) > 90)
    print(f"3D view: {lit:.1%} lit, {saturated} saturated samples")
    if lit < 0.02:
        failures.append("the 3D view is (nearly) black")
    if saturated < 20:
        failures.append("no colored scene content in the 3D view")

    def is_header_blue(p):  # ImGui dark style: headers/buttons ~ (41,74,122) / (66,150,250)
        r, g, b = p
        return b > 100 and b > r + 50 and b > g + 20

    def is_panel_bg(p):  # ImGui dark WindowBg ~ (15,15,15)
        return all(8 <= c <= 30 for c in p) and max(p) - min(p) <= 4

    side = list(region(rows, bpp, min(width - 1, 960), 0, width, min(height, 630)))
    bottom = list(region(rows, bpp, 0, min(height - 1, 640), width, height))
    side_bg = sum(map(is_panel_bg, side)) / max(1, len(side))
    side_blue = sum(map(is_header_blue, side))
    bottom_blue = sum(map(is_header_blue, bottom))
    print(f"side panel: {side_bg:.1%} panel background, {side_blue} header-blue samples; "
          f"bottom bar: {bottom_blue} header-blue samples")
    if expect_ui:
        if side_bg < 0.4 or side_blue < 50:
            failures.append("no ImGui side panel at the right")
        if bottom_blue < 20:
            failures.append("no transport bar at the bottom")
    elif side_blue > 50 or side_bg > 0.4:
        failures.append("an ImGui panel is showing although the UI should be hidden")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
