#!/usr/bin/env python3
"""Makes the issue-15 reading fixtures in tests/fixtures/ (files named r15_*): real-world shapes
that custseg used to refuse or misread — odd packages, odd sheets, other formats saved as .xls,
text encodings. Each starts from a committed basic.* fixture and changes one thing, with
openpyxl, zipfile and plain byte edits.

    pip install openpyxl && python3 scripts/make-fixtures-15.py
"""
import csv
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
ROWS = list(csv.reader(io.StringIO((OUT / "basic.csv").read_text(encoding="utf-8"))))


def zip_entries(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def write_zip(path, entries, stored_first=None):
    """Writes entries (name, bytes) in order; names are used exactly as given."""
    with zipfile.ZipFile(OUT / path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def edit(entries, name, fn):
    return [(n, fn(d) if n == name else d) for n, d in entries]


# ── 1. packages our own format check refused although calamine opens them ──────────────────

def xls_capitals_and_odd_length():
    data = (OUT / "basic.xls").read_bytes()
    for word in ("Workbook", "Book"):
        needle = word.encode("utf-16-le")
        if needle in data:
            caps = data.replace(needle, word.upper().encode("utf-16-le"), 1)
            (OUT / "r15_caps_stream.xls").write_bytes(caps)
            break
    # Some ERP writers do not pad the last sector.
    (OUT / "r15_odd_length.xls").write_bytes(data[:-100])


def xlsx_backslashes():
    entries = zip_entries(OUT / "basic.xlsx")
    write_zip("r15_backslash.xlsx", [(n.replace("/", "\\"), d) for n, d in entries])


def xlsx_workbook_elsewhere():
    entries = zip_entries(OUT / "basic.xlsx")
    moved = []
    for n, d in entries:
        if n == "xl/workbook.xml":
            n = "xl/book.xml"
        elif n == "xl/_rels/workbook.xml.rels":
            n = "xl/_rels/book.xml.rels"
        elif n in ("_rels/.rels", "[Content_Types].xml"):
            d = d.replace(b"xl/workbook.xml", b"xl/book.xml")
        moved.append((n, d))
    write_zip("r15_workbook_elsewhere.xlsx", moved)


def ods_mimetype_late():
    entries = zip_entries(OUT / "basic.ods")
    mimetype = [e for e in entries if e[0] == "mimetype"]
    rest = [e for e in entries if e[0] != "mimetype"]
    write_zip("r15_mimetype_late.ods", rest + mimetype)


# ── 2. one odd sheet among good ones ──────────────────────────────────────────────────────

def two_sheets(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "客户档案"
    for r in ROWS:
        ws.append([int(c) if c.isdigit() else c for c in r])
    notes = wb.create_sheet("备注")
    for i in range(1, 5):
        notes.append([f"说明{i}", i])
    wb.save(path)


def xlsx_odd_sheets():
    tmp = OUT / "r15_tmp.xlsx"
    two_sheets(tmp)
    entries = zip_entries(tmp)
    tmp.unlink()
    dim = edit(entries, "xl/worksheets/sheet2.xml",
               lambda d: re.sub(rb'<dimension ref="A1:B4" ?/>', b'<dimension ref="1:4"/>', d))
    write_zip("r15_dimension_rows.xlsx", dim)
    show = edit(entries, "xl/workbook.xml",
                lambda d: re.sub(rb'(name="\xe5\xa4\x87\xe6\xb3\xa8"[^>]*?)state="visible"', rb'\1state="show"', d))
    write_zip("r15_state_show.xlsx", show)
    # An Excel 4 macro sheet beside the customers (an .xlsm from an old template).
    macro = b'<?xml version="1.0" encoding="UTF-8"?><xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>ECHO(FALSE)</f><v>TRUE</v></c></row></sheetData></xm:macrosheet>'
    mac = edit(entries, "xl/workbook.xml",
               lambda d: d.replace(b"</sheets>", b'<sheet name="Macro1" sheetId="9" r:id="rId99"/></sheets>'))
    mac = edit(mac, "xl/_rels/workbook.xml.rels",
               lambda d: d.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>'))
    mac = edit(mac, "[Content_Types].xml",
               lambda d: d.replace(b"</Types>", b'<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>'))
    write_zip("r15_macro_sheet.xlsm", mac + [("xl/macrosheets/sheet1.xml", macro)])


def ods_spaces_between_cells():
    entries = zip_entries(OUT / "basic.ods")
    spaced = edit(entries, "content.xml",
                  lambda d: d.replace(b"</table:table-cell><table:table-cell",
                                      b"</table:table-cell>\n   <table:table-cell"))
    write_zip("r15_spaces.ods", spaced)


# ── 3. other formats saved as .xls by ERP web clients ───────────────────────────────────────

def html_tables():
    def table(rows):
        out = ["<table border=1>"]
        for i, r in enumerate(rows):
            tag = "th" if i == 0 else "td"
            out.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in r) + "</tr>")
        out.append("</table>")
        return "\n".join(out)
    body = table(ROWS)
    gbk = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
           "<title>客户档案</title></head><body><p>客户档案导出</p>\n" + body + "</body></html>")
    (OUT / "r15_html_gbk.xls").write_bytes(gbk.encode("gbk"))
    utf8 = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
            "<style>td{mso-number-format:\\@}</style></head><body>\n"
            + body.replace("<td>C001</td>", "<td style='mso-number-format:\"\\@\"'>C001</td>")
            .replace("华东精密机械制造有限公司", "华东精密机械&amp;制造有限公司")
            + "</body></html>")
    (OUT / "r15_html_utf8.xls").write_bytes(utf8.encode("utf-8"))


def spreadsheetml(encoding):
    def cell(c):
        kind = "Number" if c.replace(".", "", 1).isdigit() else "String"
        return f'<Cell><Data ss:Type="{kind}">{c}</Data></Cell>'
    rows = "\n".join("<Row>" + "".join(cell(c) for c in r) + "</Row>" for r in ROWS)
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
            '<Worksheet ss:Name="客户档案"><Table>\n' + rows + "\n</Table></Worksheet>\n"
            '<Worksheet ss:Name="空白"><Table></Table></Worksheet>\n</Workbook>\n')


def spreadsheetml_files():
    (OUT / "r15_spreadsheetml.xls").write_bytes(spreadsheetml("UTF-8").encode("utf-8"))
    (OUT / "r15_spreadsheetml_gbk.xls").write_bytes(spreadsheetml("GB2312").encode("gbk"))


def sylk_and_dif():
    (OUT / "r15_sylk.xls").write_bytes(
        b"ID;PWXL;N;E\r\nC;Y1;X1;K\"CODE\"\r\nC;X2;K\"NAME\"\r\nC;Y2;X1;K\"C001\"\r\nC;X2;K\"A\"\r\nE\r\n")
    (OUT / "r15_dif.xls").write_bytes(
        b'TABLE\r\n0,1\r\n"EXCEL"\r\nVECTORS\r\n0,2\r\n""\r\nTUPLES\r\n0,2\r\n""\r\nDATA\r\n0,0\r\n""\r\n'
        b'-1,0\r\nBOT\r\n1,0\r\n"CODE"\r\n1,0\r\n"NAME"\r\n-1,0\r\nBOT\r\n1,0\r\n"C001"\r\n1,0\r\n"A"\r\n-1,0\r\nEOD\r\n')


# ── 4. text encodings ──────────────────────────────────────────────────────────────────────

def text_encodings():
    text = (OUT / "basic.csv").read_text(encoding="utf-8")
    (OUT / "r15_utf16le_nobom.csv").write_bytes(text.encode("utf-16-le"))
    (OUT / "r15_utf32.csv").write_bytes(text.encode("utf-32"))  # with BOM
    # Traditional Chinese from a Taiwan branch: Big5 bytes that GBK would also "decode".
    trad = ("客戶編碼,客戶名稱,所屬行業,地區,員工人數,最近購買日期\r\n"
            "T001,臺北精密機械股份有限公司,製造業,臺北,350,2026-08-15\r\n"
            "T002,高雄軟體科技有限公司,軟體和資訊服務業,高雄,120,2026-06-30\r\n"
            "T003,新竹電子零售有限公司,零售業,新竹,45,2025-12-01\r\n")
    (OUT / "r15_big5.csv").write_bytes(trad.encode("big5"))


# ── 5. a password-protected .ods ───────────────────────────────────────────────────────────

def ods_password():
    entries = zip_entries(OUT / "basic.ods")
    enc = (b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
           b'<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
           b'<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAA"/>'
           b"</manifest:encryption-data>")

    def lock(d):
        return re.sub(rb'(<manifest:file-entry manifest:full-path="content.xml"[^>]*?) ?/>',
                      lambda m: m.group(1) + b">" + enc + b"</manifest:file-entry>", d)
    locked = edit(entries, "META-INF/manifest.xml", lock)
    # The encrypted content is not XML any more.
    locked = edit(locked, "content.xml", lambda d: bytes((b * 7 + 3) & 0xFF for b in d))
    write_zip("r15_password.ods", locked)


# ── 6. memory on small damaged files; 7. library errors become our sentence ─────────────────

def far_cell_xls():
    """One shared-string cell moved to the sheet's last row and column (IV65536)."""
    data = bytearray((OUT / "basic.xls").read_bytes())
    at = data.rfind(b"\xfd\x00\x0a\x00")
    data[at + 4:at + 8] = b"\xff\xff\xff\x00"
    (OUT / "r15_far_cell.xls").write_bytes(bytes(data))


def bad_xml_xlsx():
    """A shared string with an entity XML does not know: calamine says "Xml error: …"."""
    entries = zip_entries(OUT / "basic.xlsx")
    bad = edit(entries, "xl/sharedStrings.xml",
               lambda d: d.replace(b"<t>", b"<t>&bogus;", 1))
    write_zip("r15_bad_xml.xlsx", bad)

def xlsb_macro_sheet():
    """basic.xlsb with an Excel 4 macro sheet after the customers (its BrtBundleSh points to
    macrosheets/, which calamine refuses)."""
    def wide(text):
        raw = text.encode("utf-16-le")
        return (len(raw) // 2).to_bytes(4, "little") + raw
    entries = zip_entries(OUT / "basic.xlsb")
    # BrtBundleSh (0x9C, one byte of length): visible, tab 2, rId9, "宏表1"; before BrtEndBundleShs.
    body = (0).to_bytes(4, "little") + (2).to_bytes(4, "little") + wide("rId9") + wide("宏表1")
    bundle = b"\x9c\x01" + bytes([len(body)]) + body
    end = b"\x90\x01\x00"
    mac = edit(entries, "xl/workbook.bin",
               lambda d: d[:d.rindex(end)] + bundle + d[d.rindex(end):])
    mac = edit(mac, "xl/_rels/workbook.bin.rels",
               lambda d: d.replace(b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet2.bin"/></Relationships>'))
    # The macro sheet itself: BrtBeginSheet, empty BrtBeginSheetData … BrtEndSheet.
    sheet = b"\x81\x01\x00" + b"\x91\x01\x00" + b"\x92\x01\x00" + b"\x82\x01\x00"
    write_zip("r15_macro_sheet.xlsb", mac + [("xl/macrosheets/sheet2.bin", sheet)])


if __name__ == "__main__":
    xls_capitals_and_odd_length()
    xlsx_backslashes()
    xlsx_workbook_elsewhere()
    ods_mimetype_late()
    xlsx_odd_sheets()
    ods_spaces_between_cells()
    html_tables()
    spreadsheetml_files()
    sylk_and_dif()
    text_encodings()
    ods_password()
    far_cell_xls()
    bad_xml_xlsx()
    xlsb_macro_sheet()
