"""The realistic export fixtures of tests/sales/exports/ through `litigator sales` (the real CLI).

Layouts, their sources and the row-by-row hand counts are in tests/sales/exports/README.md; the
expected figures below are those hand counts (worked out from the rows in make_exports.py and
re-checked with awk over the CSVs), never copied from Litigator's output.

Every fixture has title rows above the header and a totals row (合计) below the data. The totals
row is not a data row: it is not in rows_read, and the report counts and shows it apart
(`totals_rows`, `totals_row_examples`, the SALES_TOTALS_ROW warning). The figures are checked with
--accept-rejects as well as without, so that a regression in the totals rows (which would make
the 合计 row the one rejected row) shows as its own failure.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import run_cli

from .conftest import case_yaml

EXPORTS = Path(__file__).resolve().parent / "exports"
PERIOD = {"start": "2024-01-01", "end": "2024-12-31"}
CAT_FOOD = ["PM-CAT-2K", "PM-CAT-10K"]
JD_2K, JD_10K = "1953810001", "1953810002"  # JD 商品ID of the two counterfeit sizes


@dataclass(frozen=True)
class Layout:
    stem: str
    skus: list[str]
    profile: str  # the profile detection must report
    header_line: int
    totals_line: int  # physical line (CSV) / sheet row (XLSX) of the 合计 row
    data_rows: int
    mapping: dict[str, str]  # canonical field -> header it must come from
    unmapped: tuple[str, ...]  # fields the profile must leave alone
    kept_rows: int = 0  # order lines kept (hand count)
    case_profile: str | None = None  # `profile:` written into case.yaml
    # hand counts of the kept rows: (orders, units, customers or None, gross, refunds, net, first, last)
    totals: tuple = ()
    by_sku: dict[str, tuple] = field(default_factory=dict)  # sku -> (orders, units, gross, refunds, net)
    excluded: dict[str, int] = field(default_factory=dict)


TAOBAO = Layout(
    stem="taobao_orders", skus=CAT_FOOD, profile="taobao", header_line=4, totals_line=21, data_rows=16,
    mapping={"order_id": "订单编号", "buyer": "买家会员名", "sku": "商家编码", "quantity": "宝贝总数量",
             "amount": "买家实际支付金额", "refund": "退款金额", "status": "订单状态", "created": "订单创建时间"},
    unmapped=("seller",), kept_rows=8,
    # A Taobao 订单报表 carries 店铺Id/店铺名称, which auto-detection reads as a platform export's
    # seller column; the README says to name the profile, as this case does.
    case_profile="taobao",
    totals=(8, 21, 7, "5019.00", "129.00", "4890.00", "2024-01-15", "2024-12-31"),
    by_sku={"PM-CAT-2K": (4, 14, "1806.00", "29.00", "1777.00"),
            "PM-CAT-10K": (4, 7, "3213.00", "100.00", "3113.00")},
    excluded={"not_counterfeit": 3, "outside_period": 2, "unpaid": 1, "closed": 1, "fully_refunded": 1},
)
JD = Layout(
    stem="jd_orders", skus=[JD_2K, JD_10K], profile="jd", header_line=3, totals_line=18, data_rows=14,
    mapping={"order_id": "订单号", "buyer": "下单帐号", "sku": "商品ID", "quantity": "订购数量",
             "unit_price": "京东价", "status": "订单状态", "created": "下单时间"},
    # 订单金额 / 结算金额 / 应付金额 are per ORDER (repeated on each line): never the line's amount.
    unmapped=("amount", "refund", "seller"), kept_rows=8,
    totals=(7, 14, 6, "4446.00", "0.00", "4446.00", "2024-01-20", "2024-12-12"),
    by_sku={JD_2K: (4, 6, "774.00", "0.00", "774.00"), JD_10K: (4, 8, "3672.00", "0.00", "3672.00")},
    # 已取消 (J05) and the deleted order '(删除)等待出库' (J04): closed (or refunded).
    excluded={"not_counterfeit": 3, "outside_period": 1, "closed+fully_refunded": 2},
)
PDD = Layout(
    stem="pdd_orders", skus=CAT_FOOD, profile="pinduoduo", header_line=3, totals_line=18, data_rows=14,
    mapping={"order_id": "订单号", "title": "商品", "sku": "商家编码-SKU维度", "quantity": "商品数量(件)",
             "amount": "用户实付金额(元)", "status": "订单状态", "created": "支付时间"},
    unmapped=("buyer", "refund", "seller"), kept_rows=7,
    totals=(7, 14, None, "4034.00", "0.00", "4034.00", "2024-01-05", "2024-12-31"),
    by_sku={"PM-CAT-2K": (4, 7, "885.00", "0.00", "885.00"), "PM-CAT-10K": (3, 7, "3149.00", "0.00", "3149.00")},
    # 已取消 (P11) and the three "…，退款成功" orders (P04, P05, P13): closed or fully refunded.
    excluded={"not_counterfeit": 2, "outside_period": 1, "closed+fully_refunded": 4},
)
LAYOUTS = {"taobao": TAOBAO, "jd": JD, "pinduoduo": PDD}
FORMATS = ("csv", "xlsx")


def _params(layouts=LAYOUTS):
    return [pytest.param(name, fmt, id=f"{name}-{fmt}") for name in layouts for fmt in FORMATS]


@pytest.fixture(scope="module")
def sales(tmp_path_factory):
    """sales(layout, fmt, *args) -> (exit code, parsed JSON or None, stderr); one run per argument set."""
    cache: dict[tuple, tuple] = {}

    def _run(name: str, fmt: str, *args: str):
        key = (name, fmt, args)
        if key not in cache:
            cache[key] = _run_case(tmp_path_factory.mktemp(f"{name}-{fmt}"), LAYOUTS[name], fmt, args)
        return cache[key]

    return _run


def _run_case(root: Path, layout: Layout, fmt: str, args: tuple[str, ...]):
    (root / "sales").mkdir()
    name = f"{layout.stem}.{fmt}"
    shutil.copy(EXPORTS / name, root / "sales" / name)
    sales_cfg = {"files": [f"sales/{name}"], "period": PERIOD}
    if layout.case_profile:
        sales_cfg["profile"] = layout.case_profile
    products = [{"name": "成猫粮", "brand": "宠美佳", "skus": layout.skus}]
    (root / "case.yaml").write_text(case_yaml(sales_cfg, products=products), encoding="utf-8")
    result = run_cli("sales", root, "--format", "json", *args)
    return result.code, (json.loads(result.out) if result.out.strip() else None), result.err


# ------------------------------------------------------------------------------------------------
# Detection: the header row below the title rows, and which column feeds which field
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), _params())
def test_detects_layout_and_columns(sales, name, fmt):
    layout = LAYOUTS[name]
    code, data, err = sales(name, fmt, "--detect")
    assert code == 0, err
    (match,) = data["files"]
    assert match["profile"] == layout.profile, match["candidates"]
    assert match["header_line"] == layout.header_line
    assert match["missing"] == []
    found = {canon: match["headers"][idx] for canon, idx in match["mapping"].items()}
    assert {k: found.get(k) for k in layout.mapping} == layout.mapping
    assert not set(layout.unmapped) & set(found), found
    # the block to paste names the profile (case.yaml accepts jd and pinduoduo)
    assert f"\n  profile: {layout.case_profile or layout.profile}\n" in data["yaml"], data["yaml"]


# ------------------------------------------------------------------------------------------------
# Figures: the hand counts
# ------------------------------------------------------------------------------------------------

def _check_nothing_rejected(layout: Layout, fmt: str, report: dict) -> None:
    """Every data row is valid; the 合计 row is not one (test_totals_row_is_not_a_data_row)."""
    assert report["rejected"] == 0, report["rejected_examples"]
    assert report["rows_read"] == layout.data_rows


@pytest.mark.parametrize(("name", "fmt"), _params())
def test_figures_match_the_hand_count(sales, name, fmt):
    layout = LAYOUTS[name]
    code, data, err = sales(name, fmt, "--accept-rejects")
    assert code == 0, err
    report = data["report"]
    _check_nothing_rejected(layout, fmt, report)
    orders, units, customers, gross, refunds, net, first, last = layout.totals
    t = data["totals"]
    assert (t["orders"], t["units"], t["gross"], t["refunds"], t["net"]) == (orders, units, gross, refunds, net)
    assert (t["first_order"], t["last_order"]) == (first, last)
    if customers is not None:  # Pinduoduo's export names no buyer account
        assert t["customers"] == customers
    lines = {line["sku"]: (line["orders"], line["units"], line["gross"], line["refunds"], line["net"])
             for line in data["by_sku"]}
    assert lines == layout.by_sku
    excluded = dict(report["excluded"])
    if "closed+fully_refunded" in layout.excluded:
        excluded["closed+fully_refunded"] = excluded.pop("closed", 0) + excluded.pop("fully_refunded", 0)
    assert excluded == layout.excluded
    assert report["rows_kept"] == layout.kept_rows
    assert report["rows_read"] == report["rows_kept"] + sum(report["excluded"].values()) + report["rejected"]


# The JD and Pinduoduo rows the compound statuses do not touch: the other SKU's line and the
# exclusions other than closed / refunded (they passed before compound statuses were read).
UNTOUCHED = {"jd": JD_2K, "pinduoduo": "PM-CAT-10K"}


@pytest.mark.parametrize(("name", "fmt"), _params(layouts=UNTOUCHED))
def test_rows_outside_the_status_gap_match_the_hand_count(sales, name, fmt):
    layout = LAYOUTS[name]
    code, data, err = sales(name, fmt, "--accept-rejects")
    assert code == 0, err
    report = data["report"]
    _check_nothing_rejected(layout, fmt, report)
    sku = UNTOUCHED[name]
    (line,) = [line for line in data["by_sku"] if line["sku"] == sku]
    assert (line["orders"], line["units"], line["gross"], line["refunds"], line["net"]) == layout.by_sku[sku]
    for rule in ("not_counterfeit", "outside_period"):
        assert report["excluded"].get(rule, 0) == layout.excluded[rule], rule
    assert report["matched_by_rule"].keys() == {f"sku:{s}" for s in layout.skus}


@pytest.mark.parametrize(("name", "fmt"), _params())
def test_totals_row_is_not_a_data_row(sales, name, fmt):
    layout = LAYOUTS[name]
    code, data, err = sales(name, fmt)
    assert code == 0, err
    report = data["report"]
    assert (report["rows_read"], report["rejected"]) == (layout.data_rows, 0)
    # shown apart, with its line; the file's data rows end on the line above it
    assert report["totals_rows"] == 1
    assert [(ex["file"], ex["line"], ex["value"]) for ex in report["totals_row_examples"]] == [
        (f"sales/{layout.stem}.{fmt}", layout.totals_line, "合计")]
    assert [(f["rows"], f["first_line"], f["last_line"]) for f in data["files"]] == [
        (layout.data_rows, layout.header_line + 1, layout.totals_line - 1)]
    assert any(w.startswith("SALES_TOTALS_ROW: 1 totals row(s)") for w in data["warnings"])
    accepted = sales(name, fmt, "--accept-rejects")[1]  # nothing left for --accept-rejects to accept
    assert (accepted["report"], accepted["totals"]) == (report, data["totals"])


# ------------------------------------------------------------------------------------------------
# Naming the new profiles in case.yaml
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["jd", "pinduoduo"])
def test_new_profiles_can_be_named_in_case_yaml(tmp_path, name):
    from litigator.casefile import load_case

    layout = LAYOUTS[name]
    (tmp_path / "sales").mkdir()
    shutil.copy(EXPORTS / f"{layout.stem}.csv", tmp_path / "sales")
    sales_cfg = {"files": [f"sales/{layout.stem}.csv"], "period": PERIOD, "profile": name}
    products = [{"name": "成猫粮", "brand": "宠美佳", "skus": layout.skus}]
    (tmp_path / "case.yaml").write_text(case_yaml(sales_cfg, products=products), encoding="utf-8")
    assert load_case(tmp_path).case.sales.profile == name


# ------------------------------------------------------------------------------------------------
# The fixtures are what the generator writes
# ------------------------------------------------------------------------------------------------

def test_fixtures_are_current(tmp_path):
    spec = importlib.util.spec_from_file_location("make_exports", EXPORTS / "make_exports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in EXPORTS.iterdir() if p.suffix in (".csv", ".xlsx"))
    for name in written:
        assert _content(tmp_path / name) == _content(EXPORTS / name), f"{name}: run make_exports.py"


def _content(path: Path):
    """A CSV's bytes; an XLSX's entries, uncompressed (zlib builds may compress differently)."""
    if path.suffix != ".xlsx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info.filename) for info in z.infolist()}
