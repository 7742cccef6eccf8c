#!/usr/bin/env bash
# Speed benchmark (issue 8): custseg's whole run, each stage, and peak memory on a small
# (5 000 customers / 50 000 transaction lines) and a large (100 000 / 1 000 000) dataset, against
# the floor (examples/floor.rs: read the same inputs with calamine, write as many cells with
# rust_xlsxwriter, no analysis). Needs hyperfine and /usr/bin/time (Debian: hyperfine, time).
#
# Usage: scripts/bench.sh [small|large|all]   (default all)
#        BASE=/path/to/older/custseg scripts/bench.sh small   also times that binary in the same
#        hyperfine run, so that before, after and the floor are measured under the same load.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
cargo build --release --quiet --bin custseg --example floor
bin=target/release/custseg
floor=target/release/examples/floor
data=target/bench-data

gen() { # name customers transactions
  local dir=$data/$1
  if [ ! -f "$dir/销售明细.xlsx" ]; then
    $bin sample "$dir" --customers "$2" --transactions "$3" --seed 1 >/dev/null
  fi
}

peak_mb() { # command... → peak RSS in MB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'
}

bench() { # name customers transactions
  local name=$1 dir=$data/$1
  gen "$@"
  local inputs=("$dir/客户档案.xlsx" "$dir/销售明细.xlsx")
  [ -f "$dir/使用与满意度.xlsx" ] && inputs+=("$dir/使用与满意度.xlsx")
  local out=$data/out-$name
  mkdir -p "$out"
  # The floor writes as many rows and columns as custseg's 客户明细 plus its three tier sheets.
  local rows=$(( $2 * 2 )) cols=45
  echo "== $name: $2 customers, $3 transaction lines"
  $bin "${inputs[@]}" -o "$out" -q --timings --as-of 2026-09-30 2>&1 >/dev/null | sed 's/^/   stage\t/'
  # floor-write is the floor without its inputs: its writing half, for the stage comparison.
  local base=()
  [ -n "${BASE:-}" ] && base=(-n custseg-base "$BASE ${inputs[*]} -o $out/base -q --as-of 2026-09-30")
  mkdir -p "$out/base"
  hyperfine --warmup 1 --runs "${RUNS:-3}" --export-markdown "$data/$name.md" \
    -n custseg "$bin ${inputs[*]} -o $out -q --as-of 2026-09-30" "${base[@]}" \
    -n floor "$floor $out/floor.xlsx $rows $cols ${inputs[*]}" \
    -n floor-write "$floor $out/floor.xlsx $rows $cols"
  echo "   peak memory: custseg $(peak_mb $bin "${inputs[@]}" -o "$out" -q --as-of 2026-09-30) MB," \
       "floor $(peak_mb $floor "$out/floor.xlsx" $rows $cols "${inputs[@]}") MB"
}

case $which in
  small) bench small 5000 50000 ;;
  large) bench large 100000 1000000 ;;
  all) bench small 5000 50000; bench large 100000 1000000 ;;
esac
