#!/usr/bin/env bash
# Regenerates the reading fixtures in tests/fixtures/ (the generated files are committed).
# Needs: cargo, LibreOffice (soffice), iconv, python3 with msoffcrypto-tool
# (pip install msoffcrypto-tool).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=tests/fixtures
mkdir -p "$dir"

# .xlsx and UTF-8 .csv from the Rust generator (examples/make_fixtures.rs).
cargo run --quiet --example make_fixtures -- "$dir"

# The same small data in the other formats and encodings.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice --headless --convert-to xls --outdir "$tmp" "$dir/basic.xlsx" >/dev/null 2>&1
soffice --headless --convert-to ods --outdir "$tmp" "$dir/basic.xlsx" >/dev/null 2>&1
soffice --headless --convert-to xls --outdir "$tmp" "$dir/messy.xlsx" >/dev/null 2>&1
cp "$tmp/basic.xls" "$tmp/basic.ods" "$dir/"
cp "$tmp/messy.xls" "$dir/messy.xls"
printf '\xef\xbb\xbf' > "$dir/basic_bom.csv"
cat "$dir/basic.csv" >> "$dir/basic_bom.csv"
iconv -f UTF-8 -t GB18030 "$dir/basic.csv" > "$dir/basic_gbk.csv"
# Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$dir/basic_tab.txt"; } > "$dir/basic_utf16.txt"
# An xlsx whose extension says csv.
cp "$dir/basic.xlsx" "$dir/really_xlsx.csv"

# Bad files.
python3 - "$dir" <<'PY'
import sys
from msoffcrypto.format.ooxml import OOXMLFile
d = sys.argv[1]
with open(f"{d}/basic.xlsx", "rb") as src, open(f"{d}/encrypted.xlsx", "wb") as out:
    f = OOXMLFile(src)
    f.encrypt("secret", out)
PY
head -c 3000 "$dir/basic.xlsx" > "$dir/truncated.xlsx"
# An .xls whose first shared-string cell was moved to row 65 536, column 65 536 (as mutation
# testing found): calamine would build a 4-billion-cell grid.
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
b = bytearray(open(f"{d}/basic.xls", "rb").read())
at = b.index(bytes([0xFD, 0x00, 0x0A, 0x00]))
b[at + 4:at + 8] = b"\xff\xff\xff\xff"
open(f"{d}/damaged_cell.xls", "wb").write(b)
PY
# A PNG image named like a workbook.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89' > "$dir/not_spreadsheet.xlsx"
: > "$dir/empty.csv"
# The same cells as an Excel binary workbook (LibreOffice cannot write .xlsb).
python3 "$(dirname "$0")/make-xlsb.py"
echo "fixtures written to $dir"
