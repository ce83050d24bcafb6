#!/usr/bin/env bash
# Renders a `spindle report` page in headless Chromium and checks the screenshot is a real page:
# the expected size, and far from blank (many colours, a good share of non-white pixels).
#
#   tools/scripts/report-screenshot.sh [JOURNAL] [OUT_DIR]
#
# Without JOURNAL it records one: `spindle run --journal` over a generated tree of 1,000 files.
# Writes OUT_DIR/report.html and OUT_DIR/report.png (OUT_DIR default: a new temporary directory).
# Exit 0 when the screenshot passes, 1 otherwise; needs chromium (Debian package `chromium`) and python3.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)"
out="${2:-$(mktemp -d /tmp/spindle-report.XXXXXX)}"
mkdir -p "$out"
width=1100
height=5600

command -v chromium >/dev/null || { echo "report-screenshot: chromium is not installed (apt-get install chromium)" >&2; exit 1; }

journal="${1:-}"
if [[ -z "$journal" ]]; then
    tree="$out/tree"
    journal="$out/journal"
    rm -rf "$tree" "$journal"
    mkdir -p "$tree"
    for d in $(seq 0 19); do
        mkdir -p "$tree/d$d"
        for f in $(seq 0 49); do
            head -c $(( (d * 50 + f) * 7919 % 400000 + 1 )) /dev/urandom > "$tree/d$d/f$f"
        done
    done
    "$repo/bin/spindle" run "$tree" --journal "$journal" >/dev/null
fi

"$repo/bin/spindle" report "$journal" --out "$out/report.html"

if grep -Eq 'https?:|<script|<link|url\(' "$out/report.html"; then
    echo "report-screenshot: the page refers to something outside itself" >&2
    exit 1
fi

# Every host name unresolvable: a page that tried to fetch anything would render broken.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND' \
    --user-data-dir="$out/chromium-profile" --window-size="$width,$height" --screenshot="$out/report.png" \
    "file://$out/report.html" >"$out/chromium.log" 2>&1

python3 - "$out/report.png" "$width" "$height" <<'PY'
import struct, sys, zlib
path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        w, h, depth, colour = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert (w, h) == (want_w, want_h), f"screenshot is {w}x{h}, expected {want_w}x{want_h}"
assert depth == 8 and colour in (2, 6), f"unexpected PNG layout: depth {depth}, colour type {colour}"
raw = zlib.decompress(idat)
bpp = 3 if colour == 2 else 4
stride = w * bpp
# Unfilter the scanlines (PNG filters 0-4) to get the real pixels.
prev = bytearray(stride)
colours, inked = set(), 0
for y in range(h):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4 == 0:
        for x in range(0, w, 4):
            px = bytes(line[x * bpp:x * bpp + 3])
            colours.add(px)
            inked += px != b"\xff\xff\xff"
share = inked / ((h // 4) * (w // 4))
print(f"report-screenshot: {path}: {w}x{h}, {len(colours)} colours, {share:.1%} of the page drawn on")
assert len(colours) > 50, "too few colours: a blank or broken page"
assert share > 0.02, "almost all white: a blank or broken page"
PY
