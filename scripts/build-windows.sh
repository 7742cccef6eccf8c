#!/usr/bin/env bash
# Builds the Windows release (issue 17): dist/custseg-<version>-windows-x64.zip holding
# custseg.exe (x86_64-pc-windows-gnu, stripped; icon, version information and manifest embedded
# by build.rs), 使用说明.txt, samples\ and templates\.
# Installs what it needs when missing: gcc-mingw-w64-x86-64 (with windres and strip), the Rust
# target. The cross-build's target directory is kept outside the repository
# ($CUSTSEG_WIN_CACHE/target, default /var/cache/custseg-windows/target).
# Usage: scripts/build-windows.sh [PROFILE]   (default release)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PROFILE=${1:-release}
CACHE=${CUSTSEG_WIN_CACHE:-/var/cache/custseg-windows}
TARGET=x86_64-pc-windows-gnu
say() { printf '[build-windows] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || ! command -v x86_64-w64-mingw32-windres >/dev/null 2>&1; then
  say "installing gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 >/dev/null
fi
rustup target list --installed 2>/dev/null | grep -qx "$TARGET" || rustup target add "$TARGET"

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
[ -n "$VERSION" ] || { say "no version in Cargo.toml"; exit 1; }
mkdir -p "$CACHE"
start=$(date +%s)
CARGO_TARGET_DIR=$CACHE/target CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo build --locked --profile "$PROFILE" --target "$TARGET" --bin custseg
built=$(($(date +%s) - start))
EXE=$CACHE/target/$TARGET/$PROFILE/custseg.exe

NAME=custseg-$VERSION-windows-x64
STAGE=$ROOT/dist/$NAME
rm -rf "$STAGE" "$ROOT/dist/$NAME.zip"
mkdir -p "$STAGE/samples" "$STAGE/templates"
x86_64-w64-mingw32-strip -o "$STAGE/custseg.exe" "$EXE"
# Notepad on every Windows 10 reads UTF-8 with a byte-order mark and CRLF line ends.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' windows/使用说明.txt; } >"$STAGE/使用说明.txt"
# The committed samples only, not the results of a run on them.
(cd samples && find . -type f -name '*.xlsx' ! -name '*_客户分类*' ! -name '*_segments*' \
  ! -name '*_季度变动*' -print0 | xargs -0 -I{} cp --parents {} "$STAGE/samples/")
cp templates/*.toml "$STAGE/templates/"
# Python's zipfile marks non-ASCII names as UTF-8 (flag 0x800), which Explorer honours.
(cd "$ROOT/dist" && python3 -m zipfile -c "$NAME.zip" "$NAME")
say "built in ${built}s ($PROFILE): custseg.exe $(du -h "$EXE" | cut -f1) unstripped, $(du -h "$STAGE/custseg.exe" | cut -f1) stripped"
say "dist/$NAME.zip: $(du -h "$ROOT/dist/$NAME.zip" | cut -f1)"
