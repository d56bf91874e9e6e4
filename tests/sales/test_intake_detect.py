"""`litigator sales PATH --detect` works before case.yaml (or its `sales:` section) exists, on a
folder or on one file, and prints the `sales:` block to paste into case.yaml."""

from __future__ import annotations

import json
from pathlib import Path

from support import run_cli

from .conftest import TAOBAO_HEADER, case_yaml, csv_text
from .test_formats import ORDERS


def gbk_taobao(folder: Path, name: str = "sales/orders.csv") -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(("店铺订单报表\n" + csv_text(TAOBAO_HEADER, ORDERS)).encode("gbk"))
    return p


BLOCK = "sales:\n  files: [sales/orders.csv]\n  profile: taobao\n  encoding: gb18030\n"


def test_detect_on_a_folder_without_case_yaml(tmp_path):
    gbk_taobao(tmp_path)
    res = run_cli("sales", tmp_path, "--detect")
    assert res.code == 0, res.err
    assert BLOCK in res.out, res.out
    assert "header on line 2" in res.out  # the title row above the header is skipped


def test_detect_on_a_single_file(tmp_path):
    p = gbk_taobao(tmp_path)
    res = run_cli("sales", p, "--detect", "--format", "json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert BLOCK in data["yaml"]
    (f,) = data["files"]
    assert (f["profile"], f["encoding"], f["header_line"]) == ("taobao", "gb18030", 2)


def test_detect_on_a_case_folder_whose_case_yaml_has_no_sales_section(tmp_path):
    gbk_taobao(tmp_path)
    text = json.loads(case_yaml({"files": ["x"]}))
    del text["sales"]
    text["scenarios"] = {"base": {"goodwill": {"method": "fixed", "amount": "1000.00"}}}
    (tmp_path / "case.yaml").write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    res = run_cli("sales", tmp_path, "--detect")
    assert res.code == 0, res.err
    assert BLOCK in res.out


def test_detect_of_unknown_headers_prints_a_columns_mapping_to_fill_in(tmp_path):
    (tmp_path / "sales").mkdir()
    (tmp_path / "sales/o.csv").write_text(
        csv_text(["单号", "货号", "件数", "实收", "下单日期"], [["1", "PM-CAT-2K", "1", "129.00", "2024-03-05"]]),
        encoding="utf-8")
    res = run_cli("sales", tmp_path, "--detect")
    assert res.code == 0, res.err
    out = res.out
    block = out.split("sales:\n", 1)[1]
    assert block.startswith("  files: [sales/o.csv]\n") and "\n  columns:\n" in block, out
    for field in ("order_id", "quantity", "created"):
        assert f"    {field}: " in out, out
    assert "profile:" not in block
    assert "单号" in out and "件数" in out  # the headers to choose from
