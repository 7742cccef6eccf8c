#!/usr/bin/env bash
# Runs one custseg binary over a fixed set of scenarios and dumps what a user sees — every cell
# of every workbook (with its notes) and the text of every PDF — into OUT/, so that two builds can
# be compared with `diff -r`. Used to check that a refactoring changes no output:
#   scripts/golden.sh target/release/custseg /tmp/after   (and the same with the old binary)
# The 5 000-customer set is made by the binary itself (`custseg sample`, fixed seed).
set -euo pipefail
BIN=$(realpath "$1"); OUT=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$OUT"; mkdir -p "$OUT/work"
W="$OUT/work"
S="$ROOT/samples"
run() { # name, args…
  local name=$1; shift
  mkdir -p "$W/$name"
  "$BIN" "$@" -o "$W/$name" -q >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || echo "exit $?" >>"$OUT/$name.stderr"
}
run_prev() { # name, previous, args…
  local name=$1 prev=$2; shift 2
  mkdir -p "$W/$name"
  "$BIN" "$@" -o "$W/$name" -q --previous "$prev" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || echo "exit $?" >>"$OUT/$name.stderr"
}
sw=("$S/客户档案.xlsx" "$S/销售明细.xlsx" "$S/使用与满意度.xlsx")
q2=("$S/2026Q2/客户档案.xlsx" "$S/2026Q2/销售明细.xlsx" "$S/2026Q2/使用与满意度.xlsx")
run software_zh "${sw[@]}"
run software_en "${sw[@]}" --lang en
run q2_zh "${q2[@]}" --as-of 2026-06-30
run q2_en "${q2[@]}" --as-of 2026-06-30 --lang en
prev_zh=$(ls "$W"/q2_zh/*.xlsx | head -1); prev_en=$(ls "$W"/q2_en/*.xlsx | head -1)
run_prev prev_zh "$prev_zh" "${sw[@]}" --as-of 2026-09-30
run_prev prev_en "$prev_en" "${sw[@]}" --as-of 2026-09-30 --lang en
run decoration_zh "$S/装饰业主档案.xlsx" -p decoration
run decoration_en "$S/装饰业主档案.xlsx" -p decoration --lang en
mkdir -p "$W/gen5000"
"$BIN" sample "$W/gen5000" --customers 5000 --seed 7 -q >/dev/null 2>&1 || "$BIN" sample "$W/gen5000" --customers 5000 --seed 7 >/dev/null
# The software files only: the sample folder also holds a decoration owners file, another
# company's customers.
run big5000 "$W/gen5000/客户档案.xlsx" "$W/gen5000/销售明细.xlsx" "$W/gen5000/使用与满意度.xlsx"
"$BIN" check "${sw[@]}" >"$OUT/check.stdout" 2>"$OUT/check.stderr" || echo "exit $?" >>"$OUT/check.stderr"
python3 "$ROOT/scripts/dump_outputs.py" "$W" "$OUT"
# paths and timings differ between runs; the dumps hold everything else
sed -i -E 's#"elapsed_ms":[0-9]+##; s#[^ "]*/work/#WORK/#g' "$OUT"/*.stdout "$OUT"/*.stderr
