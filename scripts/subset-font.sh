#!/usr/bin/env bash
# Reproduces fonts/NotoSansSC-*-custseg.otf: the Simplified-Chinese face of Noto Sans CJK (OFL-1.1),
# cut down to the characters Chinese company names and management reports use, so that
# custseg can embed it (include_bytes!) and every PDF stays small.
#
# Needs fonttools (pip install fonttools) and the Noto Sans CJK collections, e.g. Debian's
# fonts-noto-cjk. Usage: scripts/subset-font.sh [DIR-OF-NotoSansCJK-*.ttc]
set -euo pipefail
cd "$(dirname "$0")/.."
src_dir="${1:-/usr/share/fonts/opentype/noto}"
# Face 2 of NotoSansCJK-*.ttc is Simplified Chinese (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
face=2
unicodes=(
  U+0020-007E   # ASCII
  U+00A0-00FF   # Latin-1 (¥ is U+00A5)
  U+2000-206F   # general punctuation (— ‘ ’ “ ” … ‰)
  U+2100-214F   # letterlike (℃ №)
  U+2160-216F   # roman numerals
  U+2190-21FF   # arrows (↑ ↓ → in findings)
  U+2200-22FF   # maths (≥ ≤ ×)
  U+2460-24FF   # enclosed numbers ①
  U+2500-257F   # box drawing
  U+25A0-25FF   # geometric shapes (■ ● ▲)
  U+2600-26FF   # misc symbols (★)
  U+3000-303F   # CJK symbols and punctuation (、。《》【】)
  U+3200-32FF   # enclosed CJK (㈱)
  U+3300-33FF   # CJK compatibility (㎡)
  U+3400-4DBF   # CJK Extension A (rare characters in names)
  U+4E00-9FFF   # CJK Unified Ideographs (all of GBK's Han characters)
  U+F900-FAFF   # CJK compatibility ideographs (GBK has some)
  U+FE30-FE4F   # CJK compatibility forms
  U+FF00-FFEF   # full-width forms (，：（）％ ￥)
)
regular_set="$(IFS=,; echo "${unicodes[*]}")"
# Bold is for headings only: the GB2312 Han characters (the 6 763 in everyday use) keep it small;
# the report falls back to Regular for a heading with a character Bold lacks.
gb2312_han="$(python3 -c '
import sys
cps = []
for cp in range(0x4E00, 0xA000):
    try:
        chr(cp).encode("gb2312")
        cps.append("U+%04X" % cp)
    except UnicodeEncodeError:
        pass
print(",".join(cps))
')"
bold_set="$(IFS=,; echo "${unicodes[*]:0:14}"),U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF,$gb2312_han"
for weight in Regular Bold; do
  in="$src_dir/NotoSansCJK-$weight.ttc"
  out="fonts/NotoSansSC-$weight-custseg.otf"
  if [ "$weight" = Regular ]; then set_="$regular_set"; else set_="$bold_set"; fi
  pyftsubset "$in" --font-number="$face" --unicodes="$set_" \
    --layout-features='' --no-hinting \
    --name-IDs='*' --name-languages='*' --notdef-outline \
    --output-file="$out"
  echo "$out: $(stat -c %s "$out") bytes"
done
