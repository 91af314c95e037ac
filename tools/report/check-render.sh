#!/usr/bin/env bash
# check-render.sh — checks that a Primer report.html is self-contained and renders in headless
# Chromium (Debian's `chromium`; `chromium-browser` or `google-chrome` also work).
#
# Usage: tools/report/check-render.sh REPORT.html [SCREENSHOT.png]
#   SCREENSHOT defaults to a file in a temporary directory; its path is printed.
#   CHECK_RENDER_WINDOW=1280,3000 sets the window (the screenshot) size in CSS pixels.
#
# It fails (exit 1, one line saying why) when:
#   - the page has a <script>, an http(s) URL, or an <img> that is not an embedded PNG data URI
#     (checked down to the PNG signature);
#   - Chromium exits with an error, writes no screenshot, or logs a page console message or a
#     network error (the network is blocked: nothing outside the file may be needed);
#   - the screenshot is blank (under 0.5% of its pixels not white) or shows no chart (under
#     1000 coloured pixels: the report's CSS is grey, so colour comes only from its charts).
# Exit 3: no Chromium or no Java found (nothing was checked).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
report="${1:?usage: check-render.sh REPORT.html [SCREENSHOT.png]}"
[[ -f "$report" ]] || { echo "check-render: no such file: $report" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/check-render.XXXXXX")"
shot="${2:-$work/screenshot.png}"
window="${CHECK_RENDER_WINDOW:-1280,3000}"

trap 'rm -rf "$work/profile"' EXIT
fail() { echo "check-render: $report: $*" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
[[ -n "$browser" ]] || { echo "check-render: no chromium found (apt-get install chromium)" >&2; exit 3; }
command -v java >/dev/null 2>&1 || { echo "check-render: no java found" >&2; exit 3; }

# 1. Self-contained: no scripts, no links out, every image embedded.
if grep -qi '<script' "$report"; then fail "it has a <script>"; fi
if grep -qiE 'https?://' "$report"; then
  fail "it refers to a URL: $(grep -oiE 'https?://[^"'"'"' )<>]*' "$report" | head -1)"
fi
images=$({ grep -o '<img [^>]*>' "$report" || true; } | wc -l)
embedded=$({ grep -o '<img [^>]*src="data:image/png;base64,[A-Za-z0-9+/=]*"' "$report" || true; } | wc -l)
if [[ "$images" -ne "$embedded" ]]; then
  fail "$((images - embedded)) of its $images images are not embedded PNG data URIs"
fi
n=0
while read -r data; do
  n=$((n + 1))
  printf '%s' "$data" | base64 -d >"$work/image.png" 2>/dev/null || fail "image $n is not valid base64"
  signature="$(head -c 8 "$work/image.png" | od -An -tx1 | tr -d ' \n')"
  [[ "$signature" == "89504e470d0a1a0a" ]] || fail "image $n is not a PNG (it starts with '$signature')"
done < <({ grep -o 'src="data:image/png;base64,[A-Za-z0-9+/=]*"' "$report" || true; } | sed 's/^src="data:image\/png;base64,//; s/"$//')

# 2. Render with the network blocked; keep Chromium's log.
abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
log="$work/chromium.log"
if ! "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 \
    --screenshot="$shot" --window-size="$window" "file://$abs" >"$log" 2>&1; then
  fail "chromium failed; its log: $log"
fi
[[ -s "$shot" ]] || fail "chromium wrote no screenshot; its log: $log"
if grep -E ':CONSOLE[:(]|net::ERR_|Failed to load|Not allowed to load' "$log" >"$work/errors"; then
  fail "chromium reported: $(head -1 "$work/errors")"
fi

# 3. Not blank, and a chart is on screen.
read -r width height ink colored < <(java "$here/ScreenshotStats.java" "$shot") \
  || fail "the screenshot $shot cannot be read"
awk -v ink="$ink" 'BEGIN { exit !(ink >= 0.005) }' || fail "the screenshot is blank (ink $ink): $shot"
[[ "$colored" -ge 1000 ]] || fail "no chart is visible in the screenshot ($colored coloured pixels): $shot"

echo "check-render: $report renders: ${width}x${height} screenshot $shot, $images embedded images, ink $ink, $colored coloured pixels"
