#!/usr/bin/env bash
# Home-screen icons for the web app manifest (public/manifest.webmanifest), drawn from the same shapes
# as public/favicon.svg with ImageMagick `convert`. Run again after changing the favicon:
#   bash .ci/make-icons.sh
# (ImageMagick's own SVG renderer strokes shapes black unless told not to, hence stroke="none".)
set -euo pipefail
cd "$(dirname "$0")/../public"
mkdir -p icons
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
doc='<path d="M9 6h10l5 5v15H9z" fill="#fff" stroke="none"/><path d="M19 6v5h5z" fill="#c9d9ec" stroke="none"/><path d="M12 15h9M12 19h9M12 23h6" fill="none" stroke="#0a4f96" stroke-width="2" stroke-linecap="butt"/>'
# "any": the favicon as it is (rounded square). "maskable": full-bleed background, the page drawing
# inside the central safe zone (launchers cut the icon to a circle or squircle).
echo "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0a4f96\" stroke=\"none\"/>$doc</svg>" > "$tmp/any.svg"
echo "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" fill=\"#0a4f96\" stroke=\"none\"/><g transform=\"translate(16 16) scale(.7) translate(-16 -16)\">$doc</g></svg>" > "$tmp/maskable.svg"
png() { # src size out [flatten]
  convert -background none -density $(( $2 * 6 )) "$1" -resize "$2x$2" ${4:+-background '#0a4f96' -flatten} \
    -strip -depth 8 -colors 64 -define png:compression-level=9 "PNG8:$3"
}
png "$tmp/any.svg" 192 icons/icon-192.png
png "$tmp/any.svg" 512 icons/icon-512.png
png "$tmp/maskable.svg" 512 icons/icon-maskable-512.png
png "$tmp/maskable.svg" 180 icons/apple-touch-icon.png flatten
ls -l icons
