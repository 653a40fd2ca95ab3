#!/usr/bin/env bash
# Makes seal-templates/dev-sample-seal.png: a development SAMPLE round seal (not a real seal of any body).
# One-off tool kept for the record; the PNG is committed. Needs ImageMagick (convert) and fonts-wqy-zenhei:
#   apt-get install --no-install-recommends imagemagick fonts-wqy-zenhei
# Usage: ops/tools/make-sample-seal.sh [output.png]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
OUT="${1:-$ROOT/seal-templates/dev-sample-seal.png}"
FONT=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
RED='#D0021B'

SIZE=420                     # canvas, px
C=$((SIZE / 2))              # centre
RING_R=194                   # outer ring radius (centre of the stroke)
RING_W=14                    # outer ring width
TEXT_R=146                   # radius of the centres of the arc characters
TEXT_PT=46                   # arc text size
BOLD=1.4                     # glyph outline width, makes the sans font look like seal lettering
ARC_SPAN=236                 # degrees covered by the arc text, symmetric around the top
STAR_R=62                    # star outer radius
STAR_CY=$((C - 4))           # star centre y
BOTTOM_TEXT="样章 仅供测试"
BOTTOM_PT=27
BOTTOM_DY=92                 # bottom text centre below the seal centre

ARC_TEXT="职称认定平台（开发样章）"

command -v convert >/dev/null || { echo "needs ImageMagick's convert" >&2; exit 1; }
[[ -f $FONT ]] || { echo "needs $FONT (fonts-wqy-zenhei)" >&2; exit 1; }

# Five-pointed star polygon, first point straight up.
star="$(awk -v cx="$C" -v cy="$STAR_CY" -v ro="$STAR_R" 'BEGIN {
  ri = ro * 0.382; pi = atan2(0, -1); s = ""
  for (i = 0; i < 10; i++) {
    a = -pi / 2 + i * pi / 5; r = (i % 2 == 0) ? ro : ri
    s = s sprintf("%.2f,%.2f ", cx + r * cos(a), cy + r * sin(a))
  }
  print s }')"

args=(-size "${SIZE}x${SIZE}" xc:none
      -fill none -stroke "$RED" -strokewidth "$RING_W" -draw "circle $C,$C $C,$((C - RING_R))"
      -stroke none -fill "$RED" -draw "polygon $star")

# Arc text: each character rendered on its own, rotated to face outwards, placed on the arc.
n=${#ARC_TEXT}
for ((i = 0; i < n; i++)); do
  ch="${ARC_TEXT:i:1}"
  read -r angle dx dy < <(awk -v i="$i" -v n="$n" -v span="$ARC_SPAN" -v r="$TEXT_R" 'BEGIN {
    pi = atan2(0, -1); a = -span / 2 + i * span / (n - 1); t = a * pi / 180
    printf "%.2f %+d %+d\n", a, r * sin(t), -r * cos(t) }')
  args+=( "(" -background none -fill "$RED" -stroke "$RED" -strokewidth "$BOLD" -font "$FONT" -pointsize "$TEXT_PT" "label:$ch"
          -trim +repage -rotate "$angle" ")" -gravity center -geometry "${dx}${dy}" -composite )
done

args+=( "(" -background none -fill "$RED" -stroke "$RED" -strokewidth "$BOLD" -font "$FONT" -pointsize "$BOTTOM_PT" "label:$BOTTOM_TEXT" -trim +repage ")"
        -gravity center -geometry "+0+$BOTTOM_DY" -composite )

convert "${args[@]}" -strip -define png:compression-level=9 -define png:color-type=6 "PNG32:$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
