#!/usr/bin/env python3
"""Writes the join-health fixtures of issue 14 into tests/fixtures/ (run from the repository root):

- join_zeros_customers.xlsx + join_zeros_sales.xlsx: the sales file's 客户编码 lost its leading
  zeros after a re-save (1, 2 … against 000001, 000002 …); custseg joins them with the rule
  stated. Line 2 of customer 000003 has amount 0 (赠品): a purchase all the same.
- join_other_sales.xlsx: a sales file of another company's codes (KH-1001 …): custseg stops
  with exit 1 and one paragraph.
- join_partial_sales.xlsx: one row in five carries a code no customer has: a warning only.
"""
import datetime as dt
import os

from openpyxl import Workbook

OUT = os.path.join("tests", "fixtures")


def save(name, header, rows, title=None):
    wb = Workbook()
    ws = wb.active
    ws.title = title or "Sheet1"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(os.path.join(OUT, name))


def customers():
    rows = []
    for i in range(1, 11):
        code = f"{i:06d}"
        rows.append([code, f"测试客户{i:02d}有限公司", 50 + i, dt.date(2020, 1, i)])
    save("join_zeros_customers.xlsx", ["客户编码", "客户名称", "员工人数", "签约日期"], rows, "客户档案")


def sales(name, code_of, count=30):
    rows = []
    for n in range(count):
        i = n % 10 + 1
        day = dt.date(2026, 1 + n % 9, 1 + n % 27)
        amount = 0 if (i == 3 and n == 12) else 1000 + 10 * n
        rows.append([f"XS{n + 1:05d}", code_of(i, n), day, amount])
    save(name, ["单据号", "客户编码", "单据日期", "金额"], rows, "销售明细")


def main():
    customers()
    # Leading zeros lost: the codes came back as numbers.
    sales("join_zeros_sales.xlsx", lambda i, n: i)
    # Another company's codes.
    sales("join_other_sales.xlsx", lambda i, n: f"KH-{1000 + i}")
    # One row in five unknown (a smaller share: a warning).
    sales(
        "join_partial_sales.xlsx",
        lambda i, n: f"{i:06d}" if n % 5 else f"{900000 + n:06d}",
    )


if __name__ == "__main__":
    main()
