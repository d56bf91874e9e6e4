"""A platform-side export in which no row belongs to the case's seller fails, listing who is in it.

PLATFORM: 6 rows; sellers S1 (萌宠优选, 3 rows), S2 (猫猫屋, 2 rows), S3 (1 row). Counterfeit SKU
PM-CAT-2K, all in 2024, no refunds: S1's kept net = 129.00 + 258.00 + 129.00 = 516.00.
"""

from __future__ import annotations

import json

from support import run_cli

from .conftest import csv_text

HEADER = ["订单编号", "卖家ID", "店铺名称", "买家会员名", "商家编码", "宝贝总数量", "买家实际支付金额", "订单创建时间"]
PLATFORM = [
    ["1001", "S1", "萌宠优选", "b1", "PM-CAT-2K", "1", "129.00", "2024-03-05 10:00:00"],
    ["1002", "S2", "猫猫屋", "b2", "PM-CAT-2K", "1", "129.00", "2024-03-06 10:00:00"],
    ["1003", "S1", "萌宠优选", "b3", "PM-CAT-2K", "2", "258.00", "2024-03-07 10:00:00"],
    ["1004", "S3", "", "b4", "PM-CAT-2K", "1", "129.00", "2024-03-08 10:00:00"],
    ["1005", "S2", "猫猫屋", "b5", "PM-CAT-2K", "1", "129.00", "2024-03-09 10:00:00"],
    ["1006", "S1", "萌宠优选", "b6", "PM-CAT-2K", "1", "129.00", "2024-03-10 10:00:00"],
]


def error_line(res) -> str:
    assert res.code == 2, (res.out, res.err)
    assert "Traceback" not in res.err
    lines = [ln for ln in res.err.strip().splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, res.err
    return lines[0]


def test_wrong_seller_id_fails_and_lists_the_files_sellers_with_shop_names(make_case):
    folder = make_case({"sales/p.csv": csv_text(HEADER, PLATFORM)}, sellers=["S9"], needs_sales=False)
    line = error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/p.csv'}: "), line
    assert "S9" in line
    # most rows first: S1 (3), S2 (2), S3 (1, no shop name)
    assert "S1 (萌宠优选): 3 rows" in line and "S2 (猫猫屋): 2 rows" in line and "S3: 1 row" in line, line
    assert line.index("S1 (") < line.index("S2 (") < line.index("S3:")


def test_wrong_seller_id_without_a_shop_name_column(make_case):
    header = [h for h in HEADER if h != "店铺名称"]
    rows = [r[:2] + r[3:] for r in PLATFORM]
    folder = make_case({"sales/p.csv": csv_text(header, rows)}, sellers=["s1"], needs_sales=False)
    line = error_line(run_cli("sales", folder.path, "--format", "json"))
    assert "S1: 3 rows" in line and "S2: 2 rows" in line and "S3: 1 row" in line, line


def test_a_second_case_seller_absent_from_the_export_is_warned(make_case):
    folder = make_case({"sales/p.csv": csv_text(HEADER, PLATFORM)}, sellers=["S1", "S7"])
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["totals"]["net"] == "516.00"
    absent = [w for w, c in zip(data["warnings"], data["warning_codes"]) if c == "SALES_SELLER_ABSENT"]
    assert len(absent) == 1 and "S7" in absent[0], data["warnings"]
