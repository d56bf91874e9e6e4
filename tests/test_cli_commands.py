"""The commands on the examples: JSON stays clean on stdout, warnings go to stderr and JSON."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from support import EXAMPLES, run_cli

PLATFORM = EXAMPLES / "platform-v-seller"


def test_damages_json_contract():
    result = run_cli("damages", PLATFORM, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)  # stdout is JSON only
    assert data["jurisdiction"] == "cn" and data["currency"] == "CNY"
    assert data["filed_scenario"] == "base"
    assert data["calibration"]["neighbours"] and data["risk"]  # filled by the precedents stage
    base = next(s for s in data["scenarios"] if s["name"] == "base")
    for head in base["heads"]:
        assert set(head) >= {"code", "label", "amount", "currency", "basis", "formula", "inputs"}
        assert Decimal(head["amount"]).as_tuple().exponent == -2  # money: a string with 2 places
    assert sum(Decimal(h["amount"]) for h in base["heads"]) == Decimal(base["total"])
    goodwill = next(h for h in base["heads"] if h["code"] == "goodwill_loss")
    net = next(i for i in goodwill["inputs"] if i["name"] == "net_revenue")
    assert "sales/orders.csv sha256:" in net["source"]
    assert Decimal(goodwill["amount"]) == Decimal(net["value"])  # multiple 1


def test_damages_scenario_and_explain():
    result = run_cli("damages", PLATFORM, "--scenario", "conservative", "--explain", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [s["name"] for s in data["scenarios"]] == ["conservative"]
    assert data["explanations"]["conservative"]
    table = run_cli("damages", PLATFORM, "--explain")
    assert table.code == 0 and "[base]" in table.out and "第" in table.out


def test_damages_table_compares_scenarios():
    result = run_cli("damages", PLATFORM)
    assert result.code == 0
    assert "Comparison" in result.out and "base (filed)" in result.out
    assert "warning:" in result.err and "warning:" not in result.out


def test_sales_report_prints():
    result = run_cli("sales", PLATFORM)
    assert result.code == 0, result.err
    assert "read" in result.out and "kept" in result.out and "PM-CAT-2K" in result.out


def test_sales_json_reconciles():
    result = run_cli("sales", PLATFORM, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    r = data["report"]
    assert r["rows_read"] == r["rows_kept"] + sum(r["excluded"].values()) + r["rejected"]
    assert data["files"][0]["sha256"] and data["sql"]


def test_facts_json_and_a_failing_file(tmp_path):
    good = tmp_path / "notary.txt"
    good.write_text("2024年11月12日，订单编号：3871120495512763041，支付￥129.00。\n", encoding="utf-8")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    result = run_cli("facts", tmp_path, "--format", "json")
    assert result.code == 2  # a file failed: reported, the rest still processed
    data = json.loads(result.out)
    errors = {f["path"]: f["error"] for f in data["files"]}
    assert errors[str(good)] is None and errors[str(bad)]
    text = good.read_text(encoding="utf-8")
    for fact in data["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["text"]
    assert {"MONEY", "DATE", "ORDER_NUMBER"} <= {f["type"] for f in data["facts"]}
    assert f"error: {bad}:" in result.err


def test_facts_propose_then_accept_fills_a_stripped_case(case_copy):
    case = case_copy()
    original = (case / "case.yaml").read_text(encoding="utf-8")
    stripped = (original.replace("  - name: 韩某某", "  - name: 某某")
                .replace('order_number: "3871120495512763041"', 'order_number: "0"'))
    (case / "case.yaml").write_text(stripped, encoding="utf-8")
    assert run_cli("facts", case, "--propose").code == 0
    assert (case / "facts.yaml").is_file()
    draft = run_cli("draft", case, "--only", "complaint")
    assert draft.code == 0 and "warning: FACTS_CONFLICT: " in draft.err  # unresolved conflicts
    accepted = run_cli("facts", case, "--accept", "defendant_name", "order_number")
    assert accepted.code == 0, accepted.err
    assert (case / "case.yaml").read_text(encoding="utf-8") == original
    assert (case / "case.yaml.bak").read_text(encoding="utf-8") == stripped


def _table_lines(out: str) -> list[str]:
    return [ln for ln in out.splitlines() if not ln.startswith("source:")]


def test_piped_tables_show_every_figure_whole():
    """Piped output used to get rich's 80 columns and lose figures to "…" (191,0…, 《中华人民共和国民…)."""
    sales = run_cli("sales", PLATFORM, env={"COLUMNS": ""})
    assert sales.code == 0, sales.err
    assert "…" not in "\n".join(_table_lines(sales.out))
    for figure in ("191,058.00", "190,968.00", "349,190.00", "348,545.00", "1,650", "2024-01-01 – 2024-12-31"):
        assert figure in sales.out, figure
    digest = hashlib.sha256((PLATFORM / "sales" / "orders.csv").read_bytes()).hexdigest()
    assert f"source: sales/orders.csv rows 2–3001 sha256 {digest}" in sales.out
    damages = run_cli("damages", PLATFORM, env={"COLUMNS": ""})
    assert damages.code == 0, damages.err
    assert "…" not in damages.out
    assert "401,674.00" in damages.out and "《中华人民共和国民法典》第五百七十七条、第五百八十四条" in damages.out


def test_narrow_terminal_folds_instead_of_cutting():
    for width in ("60", "80"):
        for args in (("sales", PLATFORM), ("damages", PLATFORM)):
            result = run_cli(*args, env={"COLUMNS": width})
            assert result.code == 0, result.err
            assert "…" not in "\n".join(_table_lines(result.out)), (width, args)
