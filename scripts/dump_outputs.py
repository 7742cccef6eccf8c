#!/usr/bin/env python3
"""Dumps every workbook (every cell's value, number format and note) and every PDF's text found
under WORK into OUT/<run>/<file>.txt, with the time of the run and absolute paths blanked, so that
two builds' outputs can be compared with `diff -r` (see scripts/golden.sh)."""
import os, re, subprocess, sys
import warnings
import openpyxl
warnings.simplefilter("ignore")

work, out = sys.argv[1], sys.argv[2]
VOLATILE = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?|[^ ]*/work/|\d+(\.\d+)? ?(ms|毫秒|秒|s)\b")

def clean(v):
    return VOLATILE.sub("~", str(v)) if v is not None else ""

for run in sorted(os.listdir(work)):
    d = os.path.join(work, run)
    if not os.path.isdir(d) or run == "gen5000":
        continue
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        dst = os.path.join(out, run, f + ".txt")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w") as o:
            if f.endswith(".xlsx"):
                wb = openpyxl.load_workbook(p)
                for ws in wb.worksheets:
                    o.write(f"== sheet {ws.title}\n")
                    for row in ws.iter_rows():
                        for c in row:
                            if c.value is None and c.comment is None:
                                continue
                            v = c.value
                            if isinstance(v, float):
                                v = f"{v:.9g}"
                            note = f" [note: {clean(c.comment.text)}]" if c.comment else ""
                            o.write(f"{c.coordinate}\t{clean(v)}\t{c.number_format}{note}\n")
            elif f.endswith(".pdf"):
                t = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True, text=True).stdout
                o.write(clean(t))
