#!/usr/bin/env bash
# The Windows test (issue 17): cross-builds custseg.exe for x86_64-pc-windows-gnu with mingw-w64,
# runs the README's main command under wine (zh_CN locale, code page 936) from a folder with a
# Chinese name, and compares the outputs with the Linux build's (every cell, the PDF text); then a
# locked output and a read-only output folder must give their messages. Exits non-zero on any
# difference. scripts/test.sh runs it last.
#
# What it installs when missing (Debian packages): gcc-mingw-w64-x86-64, wine, wine64, locales,
# python3-openpyxl, poppler-utils; the Rust target x86_64-pc-windows-gnu.
# What it keeps between runs, outside the repository, so that CI on the same machine is warm:
#   $CUSTSEG_WIN_CACHE (default /var/cache/custseg-windows): target/ (the cross-build), prefix/
#   (the wine prefix), helpers/ (the two small mingw programs below).
# A new machine builds all of it cold. Timings are printed at the end.
#
# Usage: scripts/test-windows.sh [LINUX_BINARY]   (default: target/debug/custseg, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CACHE=${CUSTSEG_WIN_CACHE:-/var/cache/custseg-windows}
TARGET=x86_64-pc-windows-gnu
PROFILE=windows-test
say() { printf '[test-windows] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# ── tools ──
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null 2>&1 || need+=(wine)
[ -x /usr/lib/wine/wine64 ] || need+=(wine64)
command -v localedef >/dev/null 2>&1 || need+=(locales)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The python3 on PATH may not be Debian's (pyenv): then openpyxl comes from PyPI.
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl
rustup target list --installed 2>/dev/null | grep -qx "$TARGET" || rustup target add "$TARGET"
locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' || as_root localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
mkdir -p "$CACHE/helpers"
# One run at a time on a machine: the cache, the wine prefix and its wineserver are shared.
exec 9>"$CACHE/lock"
flock 9

# ── the two helpers, built from C here (nothing downloaded) ──
# wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's std calls for random numbers;
# real Windows 10/11 has it. The stand-in forwards to advapi32!SystemFunction036 (RtlGenRandom).
H=$CACHE/helpers
cat >"$H/bcryptprimitives.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
BOOL WINAPI DllMain(HINSTANCE h, DWORD reason, LPVOID reserved) { return TRUE; }
EOF
# lock.exe FILE MARKER: opens FILE with no sharing (as Excel holds an open workbook), creates
# MARKER to say so, and keeps it open until MARKER is deleted (at most 120 s).
cat >"$H/lock.c" <<'EOF'
#include <windows.h>
int wmain(int argc, wchar_t **argv) {
    if (argc < 3) return 2;
    HANDLE f = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (f == INVALID_HANDLE_VALUE) return 1;
    HANDLE m = CreateFileW(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    CloseHandle(m);
    for (int i = 0; i < 1200 && GetFileAttributesW(argv[2]) != INVALID_FILE_ATTRIBUTES; i++) Sleep(100);
    CloseHandle(f);
    return 0;
}
EOF
if [ ! -f "$H/bcryptprimitives.dll" ] || [ "$H/bcryptprimitives.c" -nt "$H/bcryptprimitives.dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$H/bcryptprimitives.dll" "$H/bcryptprimitives.c" -ladvapi32
fi
if [ ! -f "$H/lock.exe" ] || [ "$H/lock.c" -nt "$H/lock.exe" ]; then
  x86_64-w64-mingw32-gcc -O2 -s -municode -o "$H/lock.exe" "$H/lock.c"
fi

# ── the wine prefix: Chinese locale (code page 936), kept between runs ──
export WINEPREFIX=$CACHE/prefix WINEARCH=win64 WINEDEBUG=-all LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono / Gecko installer
unset DISPLAY
t0=$(now)
if [ ! -f "$WINEPREFIX/.custseg-ready" ]; then
  say "making the wine prefix $WINEPREFIX"
  rm -rf "$WINEPREFIX"
  wineboot -i >/dev/null 2>&1 || true
  wineserver -w
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] || fail "wineboot made no prefix"
  touch "$WINEPREFIX/.custseg-ready"
fi
cp "$H/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
t_prefix=$(secs "$t0" "$(now)")

# ── the builds ──
t0=$(now)
CARGO_TARGET_DIR=$CACHE/target CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo build --locked -q --profile "$PROFILE" --target "$TARGET" --bin custseg
t_cross=$(secs "$t0" "$(now)")
EXE=$CACHE/target/$TARGET/$PROFILE/custseg.exe
LIN=${1:-}
if [ -z "$LIN" ]; then
  LIN=${CARGO_TARGET_DIR:-$ROOT/target}/debug/custseg
  cargo build --locked -q --bin custseg
fi
LIN=$(realpath "$LIN")

# ── the main command, from a folder with a Chinese name ──
T=$(mktemp -d /tmp/custseg-windows.XXXXXX)
cleanup() {
  wineserver -k >/dev/null 2>&1 || true
  chattr -i "$T/只读文件夹" >/dev/null 2>&1 || true
  rm -rf "$T"
}
trap cleanup EXIT
for side in linux wine; do
  mkdir -p "$T/$side/财务部 客户分类/samples"
  cp samples/客户档案.xlsx samples/销售明细.xlsx samples/使用与满意度.xlsx "$T/$side/财务部 客户分类/samples/"
done
args=(samples/客户档案.xlsx samples/销售明细.xlsx samples/使用与满意度.xlsx)
t0=$(now)
(cd "$T/linux/财务部 客户分类" && "$LIN" "${args[@]}" -q) >"$T/linux.out" 2>"$T/linux.err" ||
  fail "the Linux run failed: $(cat "$T/linux.err")"
t_linux=$(secs "$t0" "$(now)")
cp "$EXE" "$T/wine/财务部 客户分类/custseg.exe"
# The README's command as typed (cmd.exe takes / too): the workbook lists the inputs as given.
wine_args=("${args[@]}")
wineserver -p 60 # a running wineserver: the timed runs do not pay its start
t0=$(now)
# No --no-pause: with stdin not a terminal it must not wait for Enter.
(cd "$T/wine/财务部 客户分类" && timeout 900 wine custseg.exe "${wine_args[@]}" -q </dev/null) >"$T/wine.out" 2>"$T/wine.err" ||
  fail "the wine run failed: $(cat "$T/wine.err")"
t_wine=$(secs "$t0" "$(now)")
grep -q '^完成：' "$T/wine.out" || fail "no done line under wine: $(cat "$T/wine.out")"
grep -q '\\\\?\\' "$T/wine.out" && fail "the done line shows a \\\\?\\ path: $(cat "$T/wine.out")"
say "wine: $(cat "$T/wine.out")"

# Every cell (floats to 9 significant digits: glibc and mingw differ in the last bit of
# ln_1p/exp_m1) and the PDF text, through the dumper golden.sh uses.
for side in linux wine; do
  mkdir -p "$T/work-$side/main"
  cp "$T/$side/财务部 客户分类/samples/"*_客户分类.xlsx "$T/$side/财务部 客户分类/samples/"*_管理报告.pdf "$T/work-$side/main/"
  python3 scripts/dump_outputs.py "$T/work-$side" "$T/dump-$side"
done
[ "$(ls "$T/work-linux/main" | wc -l)" = 2 ] || fail "the Linux run wrote $(ls "$T/work-linux/main")"
diff -r "$T/dump-linux" "$T/dump-wine" >"$T/dump.diff" || {
  head -40 "$T/dump.diff" >&2
  fail "the wine outputs differ from the Linux ones"
}
say "outputs equal: $(ls "$T/work-wine/main" | tr '\n' ' ')"

# ── a locked output: held open with no sharing, as Excel does ──
W="$T/wine/财务部 客户分类"
win_args=('samples\客户档案.xlsx' 'samples\销售明细.xlsx' 'samples\使用与满意度.xlsx') # as Explorer passes them
xlsx=$(cd "$W/samples" && ls *_客户分类.xlsx)
rm -f "$W/locked"
(cd "$W" && wine "$H/lock.exe" "samples\\$xlsx" locked >/dev/null 2>&1) &
lock_pid=$!
for _ in $(seq 1 300); do [ -e "$W/locked" ] && break; sleep 0.1; done
[ -e "$W/locked" ] || fail "lock.exe did not lock $xlsx"
# --encoding gbk: what a .bat in a Chinese console captures.
(cd "$W" && wine custseg.exe "${win_args[@]}" -q --no-pause --encoding gbk) >"$T/locked.gbk" 2>"$T/locked.err.gbk" ||
  fail "the run beside a locked output failed: $(iconv -f GB18030 "$T/locked.err.gbk")"
rm -f "$W/locked"
wait "$lock_pid" || true
iconv -f GB18030 -t UTF-8 "$T/locked.gbk" >"$T/locked.out" || fail "--encoding gbk wrote no GBK"
iconv -f GB18030 -t UTF-8 "$T/locked.err.gbk" >"$T/locked.err" || fail "--encoding gbk wrote no GBK on stderr"
grep -q '^完成：' "$T/locked.out" || fail "no done line in GBK: $(cat "$T/locked.out")"
say "locked: $(cat "$T/locked.err" "$T/locked.out")"
cat "$T/locked.err" "$T/locked.out" >"$T/locked.all"
grep -q "正在被其他程序使用" "$T/locked.all" || fail "no in-use message for a locked output"
grep -qF "$xlsx" "$T/locked.all" || fail "the in-use message does not name $xlsx"

# ── a read-only output folder ──
RO="$T/只读文件夹"
mkdir -p "$RO"
if chattr +i "$RO" 2>/dev/null || { [ "$(id -u)" != 0 ] && chmod a-w "$RO"; }; then
  rc=0
  (cd "$W" && wine custseg.exe "${win_args[@]}" -q --no-pause -o 'Z:'"${RO//\//\\}") >"$T/ro.out" 2>"$T/ro.err" || rc=$?
  say "read-only folder (exit $rc): $(cat "$T/ro.err")"
  [ "$rc" = 1 ] || fail "a read-only output folder gave exit $rc"
  grep -qE "只读|没有写入权限" "$T/ro.err" || fail "no read-only message for a read-only output folder"
  [ -z "$(ls -A "$RO")" ] || fail "something was written into the read-only folder"
else
  say "SKIPPED the read-only folder case: chattr +i is refused here and we are root"
fi

exe_mb=$(du -m "$EXE" | cut -f1)
say "ok — prefix ${t_prefix}s, cross-build ${t_cross}s (exe ${exe_mb} MB, profile $PROFILE); main command: Linux ${t_linux}s, wine ${t_wine}s"
