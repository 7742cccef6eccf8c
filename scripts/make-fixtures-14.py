#!/usr/bin/env python3
"""Makes the issue-14 reading fixtures in tests/fixtures/ (one quirk set each) with openpyxl.

    pip install openpyxl && python3 scripts/make-fixtures-14.py
"""
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def kingdee():
    """A 金蝶-style customer export: title lines, a merged group row over bilingual headers,
    text amounts with thousands separators, 年月日 text dates and bare serial dates, blank
    rows, a 合计 row, a footer line, a hidden dictionary sheet and a prose sheet. Its
    customers are exactly K001 … K005."""
    wb = Workbook()
    ws = wb.active
    ws.title = "客户档案"
    ws.append(["客户档案列表"])
    ws.append(["制表日期：2026年9月30日"])
    ws.append(["基本信息", None, None, "经营信息", None, None, None])
    ws.merge_cells("A3:C3")
    ws.merge_cells("D3:G3")
    ws.append([
        "客户编码 Code",
        "客户名称 Customer Name",
        "所属行业/Industry",
        "员工人数\nEmployees",
        "营业收入（万元）Revenue",
        "累计购买金额（元）Total Spend",
        "最近购买日期 Last Purchase",
    ])
    ws.append(["K001", "华东精密机械有限公司", "制造业", 350, "25,000", "1,234,567.00", "2026年8月15日"])
    ws.append(["K002", "江南软件科技有限公司", "软件和信息技术服务业", 80, "3,200.50", "56,000", 46200])
    ws.append([])
    ws.append(["K003", "北方建筑工程有限公司", "建筑业", 1200, "88,000", "320,000", "2026年7月1日"])
    ws.append(["K004", "南海贸易有限公司", "批发和零售业", 25, "1,500", "8,800", 46150])
    ws.append([])
    ws.append(["K005", "西部医药有限公司", "医药制造业", 600, "42,000", "150,000", "2025年12月31日"])
    ws.append(["合计", None, None, 2255, "159,700.50", "1,769,367.00", None])
    ws.append([])
    ws.append(["打印人：张会计   审核："])
    ws.append(["第 1 页 共 1 页"])

    hidden = wb.create_sheet("数据字典")
    hidden.append(["编码", "名称"])
    for i, name in enumerate(["制造业", "建筑业", "软件和信息技术服务业"], start=1):
        hidden.append([f"HY{i:02d}", name])
    hidden.sheet_state = "hidden"

    prose = wb.create_sheet("填表说明")
    prose.append(["填表说明"])
    prose.append(["1. 客户编码由系统自动生成，请勿手工修改，导出后可直接用于分析。"])
    prose.append(["2. 营业收入以万元为单位，累计购买金额以元为单位，均含税。"])
    prose.append(["3. 最近购买日期取最后一张销售发票的开票日期。"])
    wb.save(OUT / "kingdee_bilingual.xlsx")


def english_only():
    """An English-only export: Customer Code, Customer Name, Industry, Employees, Revenue."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer Code", "Customer Name", "Industry", "Employees", "Revenue"])
    ws.append(["E001", "Alpha Ltd", "Manufacturing", 120, 5000])
    ws.append(["E002", "Beta Ltd", "Software", 40, 1200])
    sales = wb.create_sheet("Sales")
    sales.append(["Invoice No.", "Date", "Customer Code", "Qty", "Unit Price", "Amount"])
    sales.append(["INV-1", "2026-08-01", "E001", 2, 500, 1000])
    sales.append(["INV-2", "2026-09-01", "E002", 1, 300, 300])
    wb.save(OUT / "english_only.xlsx")


def two_code_columns():
    """Two columns claiming the customer code: the first is used, a finding names both."""
    wb = Workbook()
    ws = wb.active
    ws.title = "客户档案"
    ws.append(["客户编码", "客户名称", "客户编号", "所属行业"])
    ws.append(["T001", "甲公司", "X-1", "制造业"])
    ws.append(["T002", "乙公司", "X-2", "建筑业"])
    wb.save(OUT / "two_code_columns.xlsx")


def values_as_written():
    """Satisfaction as 4分 / 4.5 分 / 85% / ★★★★ / words, placeholder words, a negative
    revenue and a negative cumulative amount."""
    wb = Workbook()
    ws = wb.active
    ws.title = "客户档案"
    ws.append(["客户编码", "客户名称", "员工人数", "营业收入（万元）", "累计购买金额", "满意度"])
    ws.append(["V001", "甲公司", 100, 5000, 20000, "4分"])
    ws.append(["V002", "乙公司", "不详", 3000, 10000, "4.5 分"])
    ws.append(["V003", "丙公司", 50, -200, 8000, "85%"])
    ws.append(["V004", "丁公司", 30, "待补充", -500, "★★★★"])
    ws.append(["V005", "戊公司", 20, 1000, 3000, "非常满意"])
    wb.save(OUT / "values_as_written.xlsx")


def odd_codes():
    """Codes that are no customer's among a column of real ones: a note written in the code
    column (Chinese punctuation), an English sentence, Chinese text without a number among
    KH- codes, and a code far longer than the rest. Its customers are the 20 others, whose
    codes ("KH-0001", "000123", "C00012", "北京01" …) all stay."""
    wb = Workbook()
    ws = wb.active
    ws.title = "客户档案"
    ws.append(["客户编码", "客户名称", "员工人数"])
    codes = ["KH-0001", "KH-0002", "000123", "C00012", "KH-0003", "KH-0004", "KH-0005", "北京01"]
    codes += [f"KH-{i:04d}" for i in range(6, 18)]
    for i, code in enumerate(codes, start=1):
        ws.append([code, f"客户{i:02d}有限公司", 10 * i])
        if i == 4:
            ws.append(["以上客户资料仅供内部使用，请勿外传。"])
        if i == 8:
            ws.append(["Please see the attached list", None, None])
        if i == 10:
            ws.append(["见附表", "其他客户", 5])
    ws.append(["KH-0017-2026-09-30-REVISED-COPY-FINAL", "重复导出的客户", 3])
    wb.save(OUT / "odd_codes.xlsx")


if __name__ == "__main__":
    kingdee()
    english_only()
    two_code_columns()
    values_as_written()
    odd_codes()
