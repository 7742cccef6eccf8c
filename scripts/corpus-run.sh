#!/usr/bin/env bash
# Runs custseg over a corpus of public spreadsheet test files (issue 15) and summarises it.
#
#   scripts/corpus-run.sh gather /work/corpus /work/.mirror/*/repo   # copy spreadsheet files out
#   scripts/corpus-run.sh run /work/corpus target/debug/custseg /tmp/corpus.tsv
#   scripts/corpus-run.sh summary /tmp/corpus.tsv                      # the table of docs/corpus.md
#   scripts/corpus-run.sh calamine /tmp/corpus.tsv                     # refused, yet calamine has data?
#
# The corpus stays outside the repository. Each file gets `custseg check` with a limit of 60 s of
# CPU under /usr/bin/time (peak memory; NICE=0 to run at normal priority); the TSV has: file, size, exit, peak KB, seconds, stderr
# lines on refusal, longest stderr line (chars), first stderr line.
set -euo pipefail

EXTS='xls|xlsx|xlsm|xlsb|ods|csv|tsv|txt|htm|html|xml|slk|sylk|dif|fods|xltx|xltm'

gather() {
    local out=$1; shift
    mkdir -p "$out"
    for git in "$@"; do
        local repo
        repo=$(basename "$(dirname "$git")")
        git --git-dir="$git" ls-tree -r -l HEAD | while read -r _ type obj size path; do
            [ "$type" = blob ] || continue
            echo "$path" | grep -qiE "\.($EXTS)\$" || continue
            # Skip files the mirror holds no copy of, empty ones, and anything over 20 MB.
            [[ "$size" =~ ^[0-9]+$ ]] && [ "$size" -gt 0 ] && [ "$size" -le 20000000 ] || continue
            # SheetJS's per-year folders hold CSV renderings of its workbooks, not inputs.
            [[ "$repo" == SheetJS+test_files && "$path" =~ ^20[0-9][0-9]/.*\.csv$ ]] && continue
            local dest="$out/$repo/$path"
            mkdir -p "$(dirname "$dest")"
            git --git-dir="$git" cat-file blob "$obj" > "$dest"
            # Git LFS pointers are not spreadsheets.
            if head -c 40 "$dest" | grep -q '^version https://git-lfs'; then rm -f "$dest"; fi
        done
    done
    find "$out" -type f | wc -l
}

one() {
    local bin=$1 file=$2 err tm code
    err=$(mktemp) tm=$(mktemp)
    set +e
    # 60 s of CPU (SIGXCPU, exit 152), so that a busy machine does not make timeouts; 10 min of
    # wall time as a backstop (exit 124).
    (ulimit -t 60; timeout 600 /usr/bin/time -o "$tm" -f '%M %e' "$bin" check "$file" \
        --as-of 2026-09-30 >/dev/null 2>"$err" </dev/null)
    code=$?
    set -e
    local peak secs
    read -r peak secs < <(tail -1 "$tm" 2>/dev/null || echo "0 0")
    [[ "$peak" =~ ^[0-9]+$ ]] || { peak=0; secs=0; }
    local lines=0 longest=0 first=""
    if [ "$code" != 0 ]; then
        # awk, not grep -c: grep counts a NUL byte in binary text as a line end.
        lines=$(awk 'END { print NR }' "$err")
        longest=$(awk '{ n = length($0); if (n > m) m = n } END { print m + 0 }' "$err")
        first=$(head -1 "$err" | tr '\t\r\0' '   ' | cut -c1-300)
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$(stat -c %s "$file")" "$code" "$peak" \
        "$secs" "$lines" "$longest" "$first"
    rm -f "$err" "$tm"
}

run() {
    local corpus=$1 bin=$2 tsv=$3
    export -f one
    find "$corpus" -type f -print0 | sort -z |
        xargs -0 -P "${JOBS:-2}" -I{} nice -n "${NICE:-19}" bash -c 'one "$0" "$1"' "$bin" {} > "$tsv"
    wc -l < "$tsv"
}

summary() {
    python3 - "$1" <<'PY'
import collections, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8", errors="replace", newline="\n")]
rows = [r for r in rows if len(r) == 8]
by = collections.defaultdict(collections.Counter)
worst = []
bad = collections.Counter()
reasons = collections.defaultdict(collections.Counter)
for f, size, code, peak, secs, lines, longest, first in rows:
    ext = f.rsplit(".", 1)[-1].lower()
    code = int(code)
    by[ext]["files"] += 1
    # A refusal by the reader says "文件 <name> …"; any other exit 1 read the file and found no
    # customers in it (these are test files, not customer lists).
    kind = "exit %d" % code if code in (0, 1, 2) else "other"
    if code == 1:
        kind = "refused" if first.startswith(("文件 ", "无法打开文件")) else "opened"
    by[ext][kind] += 1
    if code >= 124 or code not in (0, 1, 2):
        bad["signal/timeout/panic (exit %d)" % code] += 1
    if int(size) < 5_000_000 and int(peak) > 1_500_000:
        bad["peak > 1.5 GB under 5 MB"] += 1
    if code == 1 and int(lines) > 1:
        bad["message over one line"] += 1
    if code == 1 and int(longest) > 200 * 3:
        bad["message over ~200 chars"] += 1
    worst.append((int(peak), f))
    if kind == "refused":
        # The kind of refusal: the message with the file name taken out.
        name = f.rsplit("/", 1)[-1]
        reasons[ext][first.replace(name, "…")[:70]] += 1
print("| format | files | exit 0 | exit 1, read (no customer list) | exit 1, refused by the reader | other |")
print("|---|---:|---:|---:|---:|---:|")
tot = collections.Counter()
for ext in sorted(by, key=lambda e: -by[e]["files"]):
    c = by[ext]
    tot.update(c)
    print(f"| .{ext} | {c['files']} | {c['exit 0']} | {c['opened']} | {c['refused']} | {c['exit 2'] + c['other']} |")
print(f"| all | {tot['files']} | {tot['exit 0']} | {tot['opened']} | {tot['refused']} | {tot['exit 2'] + tot['other']} |")
print()
print("Problems:", dict(bad) or "none")
worst.sort(reverse=True)
print("Highest peak memory:", ", ".join(f"{p // 1024} MB {f.rsplit('/', 1)[-1]}" for p, f in worst[:3]))
print()
print("Refusals by the reader, by message (top 6 per format):")
for ext in sorted(reasons):
    for msg, n in reasons[ext].most_common(6):
        print(f"- .{ext} ×{n}: {msg}")
PY
}

# Every file custseg refused (exit 1, "文件 …"), opened with calamine alone (a scratch crate built
# in $CALCHECK, default /tmp/calcheck, with this repository's Cargo.lock): prints
# path, data|nodata|open-error|panic, non-empty cells, calamine's errors. "data" lines are the
# refusals to look at.
calamine() {
    local tsv=$1 dir=${CALCHECK:-/tmp/calcheck} root
    root=$(cd "$(dirname "$0")/.." && pwd)
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<'TOML'
[package]
name = "calcheck"
version = "0.0.0"
edition = "2021"
[dependencies]
calamine = { version = "=0.38.0", features = ["dates"] }
[workspace]
TOML
    cat > "$dir/src/main.rs" <<'RUST'
use calamine::{open_workbook_auto, Data, Reader};
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let line = std::panic::catch_unwind(|| {
        let mut book = match open_workbook_auto(&path) {
            Ok(book) => book,
            Err(e) => return format!("open-error\t0\t{}", e.to_string().replace(['\n', '\t'], " ")),
        };
        let (mut cells, mut errors) = (0usize, Vec::new());
        for name in book.sheet_names() {
            match book.worksheet_range(&name) {
                Ok(r) => cells += r.used_cells().filter(|(_, _, c)| !matches!(c, Data::Empty)).count(),
                Err(e) => errors.push(e.to_string().replace(['\n', '\t'], " ")),
            }
        }
        let verdict = if cells > 0 { "data" } else { "nodata" };
        format!("{verdict}\t{cells}\t{}", errors.join("; "))
    })
    .unwrap_or_else(|_| "panic\t0\t".to_string());
    println!("{path}\t{line}");
}
RUST
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
    CARGO_TARGET_DIR="$dir/target" cargo build --quiet --release --offline --manifest-path "$dir/Cargo.toml"
    awk -F'\t' '$3 == 1 && ($8 ~ /^文件 / || $8 ~ /^无法打开文件/) { print $1 }' "$tsv" |
        while read -r file; do
            (ulimit -v 4000000 -t 60; "$dir/target/release/calcheck" "$file") || printf '%s\tcrashed\t0\t\n' "$file"
        done
}

"$@"
