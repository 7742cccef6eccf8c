#!/usr/bin/env python3
"""Writes tests/fixtures/basic.xlsb: the cells of basic.csv as an Excel binary workbook.

LibreOffice cannot write .xlsb, so this writes the records of MS-XLSB by hand: the header row as
shared strings (BrtCellIsst), plain numbers as BrtCellReal, other text as inline strings
(BrtCellSt). Standard library only.  Usage: scripts/make-xlsb.py
"""
import csv
import re
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests/fixtures/basic.csv"
TARGET = ROOT / "tests/fixtures/basic.xlsb"


def varint(n, limit):
    out = bytearray()
    for _ in range(limit):
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            break
    return bytes(out)


def record(typ, data=b""):
    return varint(typ, 2) + varint(len(data), 4) + data


def wide(text):
    return struct.pack("<I", len(text.encode("utf-16-le")) // 2) + text.encode("utf-16-le")


def cell(col, payload):
    return struct.pack("<II", col, 0) + payload


NUMBER = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?$")


def main():
    with open(SOURCE, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    width = max(len(r) for r in rows)

    sst = record(0x9F, struct.pack("<II", len(header), len(header)))
    for text in header:
        sst += record(0x13, b"\x00" + wide(text))
    sst += record(0xA0)

    sheet = record(0x81)
    sheet += record(0x94, struct.pack("<IIII", 0, len(rows) - 1, 0, width - 1))
    sheet += record(0x91)
    for r, values in enumerate(rows):
        sheet += record(0x00, struct.pack("<IIHHI", r, 0, 300, 0, 0))
        for c, text in enumerate(values):
            if text == "":
                continue
            if r == 0:
                sheet += record(0x07, cell(c, struct.pack("<I", c)))
            elif NUMBER.match(text):
                sheet += record(0x05, cell(c, struct.pack("<d", float(text))))
            else:
                sheet += record(0x06, cell(c, wide(text)))
    sheet += record(0x92) + record(0x82)

    book = record(0x83) + record(0x8F)
    book += record(0x9C, struct.pack("<II", 0, 1) + wide("rId1") + wide("客户档案"))
    book += record(0x90) + record(0x84)

    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.bin"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.bin"/></Relationships>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    with zipfile.ZipFile(TARGET, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", types.encode()),
            ("xl/workbook.bin", book),
            ("xl/_rels/workbook.bin.rels", rels.encode()),
            ("xl/worksheets/sheet1.bin", sheet),
            ("xl/sharedStrings.bin", sst),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    main()
