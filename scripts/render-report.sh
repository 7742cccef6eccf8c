#!/usr/bin/env bash
# Renders every page of a custseg report to PNG (for the README, or to look at a report).
# Usage: scripts/render-report.sh REPORT.pdf [OUT-DIR] [DPI]
#   OUT-DIR defaults to docs/report-pages, DPI to 60 (use 100 to check details).
# Without a PDF argument, builds the synthetic 500-customer report first (examples/report.rs).
# Needs pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
pdf="${1:-}"
out="${2:-docs/report-pages}"
dpi="${3:-60}"
if [ -z "$pdf" ]; then
  pdf="target/report-500.pdf"
  cargo run --quiet --features testdata --example report -- 500 zh "$pdf"
fi
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: install poppler-utils" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/page-*.png
pdftoppm -png -r "$dpi" "$pdf" "$out/page"
ls "$out"/page-*.png
