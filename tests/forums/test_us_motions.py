"""The US motion set (issue 20) on the Schedule A example: the joinder chart, the ex parte TRO papers, the
default-judgment motion and judgment, the JS 44 cover sheet — each drafted when its facts exist, each warning
triggered, every document through LibreOffice under CI=true."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal as D
from pathlib import Path

import docx
import pytest
from support import EXAMPLES, require_tool, run_cli

from litigator import pipeline
from litigator.casefile import load_case
from litigator.errors import LitigatorError

EXAMPLE = EXAMPLES / "us-schedule-a"

# the TRO and default-judgment facts the example does not carry (fictional)
MOTION_FACTS = """
tro:
  harm:
    - Each store relisted the accused products within days of the platform removing an earlier listing.
  notice:
    efforts:
      - Counsel wrote to each store through the platform's messaging system on January 20, 2026; none replied.
    reasons:
      - Stores 2 and 7 moved their account balances within a day of an earlier takedown notice (Exhibit 6).
  bond: "10000"
  investigator: {name: Casey Example, employer: Example Investigations LLC (fictional), location: "Chicago, Illinois"}
default_judgment:
  entered: 2026-04-15
"""
ALL_MOTIONS = ["civil-cover-sheet", "joinder-chart", "tro-memorandum", "tro-proposed-order",
               "investigator-declaration", "rule-65b-certification", "default-judgment-motion", "proposed-judgment"]


def text_of(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + [" | ".join(c.text for c in r.cells)
                                                       for t in d.tables for r in t.rows])


def rows_of(path: Path, header: str) -> list[list[str]]:
    d = docx.Document(str(path))
    table = next(t for t in d.tables if t.rows[0].cells[0].text == header)
    return [[c.text for c in r.cells] for r in table.rows[1:]]


def stores_csv(case_dir: Path = EXAMPLE) -> list[dict[str, str]]:
    import csv

    with open(case_dir / "stores.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def make_case(tmp_path: Path, extra: str = MOTION_FACTS, old: str | None = None, new: str = "") -> Path:
    target = tmp_path / "case"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("out"))
    p = target / "case.yaml"
    text = p.read_text(encoding="utf-8")
    assert text.endswith(MOTION_FACTS)  # the example carries the motion facts last: replaced by ``extra``
    text = text[:-len(MOTION_FACTS)]
    if old is not None:
        assert old in text, old
        text = text.replace(old, new)
    p.write_text(text + extra, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    base = tmp_path_factory.mktemp("usm")
    case = make_case(base)
    result = pipeline.draft(case, out_dir=base / "out")
    return base / "out", result, case


def usd(value: str | D) -> str:
    return f"${D(value):,.2f}"


# --- what gets drafted -----------------------------------------------------------------------------------------

def test_each_paper_is_drafted_when_its_facts_exist(drafted, tmp_path):
    out, result, _ = drafted
    names = {p.stem for p in result.written if p.suffix == ".docx"}
    assert set(ALL_MOTIONS) <= names
    plain = pipeline.draft(make_case(tmp_path, extra=""), out_dir=tmp_path / "plain")
    plain_names = {p.stem for p in plain.written if p.suffix == ".docx"}
    assert {"civil-cover-sheet", "joinder-chart"} <= plain_names
    assert not plain_names & {"tro-memorandum", "default-judgment-motion", "proposed-judgment"}


# --- 1. the joinder chart ----------------------------------------------------------------------------------------

def test_the_joinder_chart_lists_every_store(drafted):
    out, result, _ = drafted
    rows = rows_of(out / "joinder-chart.docx", "No.")
    assert [r[0] for r in rows] == [s["id"] for s in stores_csv()]
    for row, store in zip(rows, stores_csv(), strict=True):
        assert store["alias"] in row[1] and store["seller_id"] in row[1]
        assert "NORTHWIND (Reg. No. 9,100,001)" in row[3]
        if store["test_buy_order"]:
            assert store["test_buy_order"] in row[5] and store["test_buy_shipped_to"] in row[5]
        else:
            assert row[5] == "no test purchase"
        assert "the facts alleged for all Defendants (1–2)" in row[4]
    jacket = next(r for r in rows if r[0] == "1")
    assert "NORTHWIND Ridge insulated jacket" in jacket[2] and "Compass Rose Design" in jacket[3]
    assert not any(c.startswith("JOINDER_NOTHING_SHARED") for c in result.warning_codes)


def test_defendants_that_share_nothing_beyond_the_mark_warn(tmp_path):
    joinder = (EXAMPLE / "case.yaml").read_text(encoding="utf-8")
    start = joinder.index("joinder:\n")
    block = joinder[start:joinder.index("scenarios:\n")]
    case = make_case(tmp_path, extra="", old=block, new="")
    rows = stores_csv(case)
    keep = [r for r in rows if r["id"] in ("1", "3")]   # a jacket store and a backpack store: only NORTHWIND
    with open(case / "stores.csv", "w", encoding="utf-8", newline="") as f:
        import csv

        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(keep)
    result = pipeline.draft(case, out_dir=tmp_path / "out")
    found = [w for w in result.warnings if w.startswith("JOINDER_NOTHING_SHARED")]
    assert len(found) == 1 and "No. 1 (GlacierPeak Outfitters)" in found[0] and "No. 3 (FrostLine Deals)" in found[0]
    chart = rows_of(tmp_path / "out" / "joinder-chart.docx", "No.")
    assert [r[4] for r in chart] == ["NOTHING BEYOND THE MARK"] * 2


# --- 2. the TRO papers -------------------------------------------------------------------------------------------

def test_the_tro_memorandum_names_every_store_with_its_test_buy_facts(drafted):
    out, result, case = drafted
    text = text_of(out / "tro-memorandum.docx")
    rows = rows_of(out / "tro-memorandum.docx", "No.")
    assert [r[0] for r in rows] == [s["id"] for s in stores_csv()]
    for row, store in zip(rows, stores_csv(), strict=True):
        assert store["alias"] == row[1] and store["seller_id"] in row[2]
        if store["test_buy_order"]:
            for fact in (store["test_buy_order"], store["test_buy_shipped_to"], usd(store["test_buy_amount"])):
                assert fact in row[3], (store["id"], fact)
            assert re.search(r"On \w+ \d+, 2026", row[3])
        else:
            assert "[MISSING: defendants[14].test_buy" in row[3]
    # the TMA presumption, cited from the statute table, and the case's own harm facts
    assert "rebuttable presumption of irreparable harm" in text and "15 U.S.C. § 1116(a)" in text
    assert "relisted the accused products within days" in text
    assert "$10,000.00 under Fed. R. Civ. P. 65(c)" in text
    assert any(w.startswith("TRO_BOND_PRACTICE") and "$5,000-$10,000" in w for w in result.warnings)
    assert not any(w.startswith(("BRIEF_OVER_LIMIT", "TMA_PRESUMPTION")) for w in result.warnings)


def test_the_declaration_and_the_order_carry_each_store(drafted):
    out, _, _ = drafted
    declaration = text_of(out / "investigator-declaration.docx")
    assert "DECLARATION OF CASEY EXAMPLE" in declaration and "penalty of perjury" in declaration
    for store in stores_csv():
        assert f"Defendant No. {store['id']}, {store['alias']}" in declaration and store["url"] in declaration
        if store["test_buy_order"]:
            assert f"order {store['test_buy_order']}" in declaration
    order = text_of(out / "tro-proposed-order.docx")
    assert "TEMPORARY RESTRAINING ORDER" in order and "$10,000.00" in order and "restrain the funds" in order


def test_the_rule_65b_certification_carries_the_notice_facts(drafted):
    out, _, case = drafted
    text = text_of(out / "rule-65b-certification.docx")
    facts = load_case(case).case.tro.notice
    assert "Fed. R. Civ. P. 65(b)(1)(B)" in text and "/s/ Jordan A. Example" in text
    for fact in facts.efforts + facts.reasons:
        assert fact in text
    assert "MISSING" not in text


def test_missing_notice_facts_warn_by_name_and_leave_a_marked_gap(tmp_path):
    extra = MOTION_FACTS.replace("""  notice:
    efforts:
      - Counsel wrote to each store through the platform's messaging system on January 20, 2026; none replied.
    reasons:
      - Stores 2 and 7 moved their account balances within a day of an earlier takedown notice (Exhibit 6).
""", "").replace('  bond: "10000"\n', "")
    case = make_case(tmp_path, extra)
    result = pipeline.draft(case, out_dir=tmp_path / "out")
    missing = [w for w in result.warnings if w.startswith("TRO_FACT_MISSING")]
    for key in ("tro.notice.efforts", "tro.notice.reasons", "tro.bond"):
        assert any(f"TRO_FACT_MISSING: {key}:" in w for w in missing), key
    text = text_of(tmp_path / "out" / "rule-65b-certification.docx")
    assert "[MISSING: tro.notice.efforts" in text and "[MISSING: tro.notice.reasons" in text
    # a paper with a gap is never filed as it is: litigator check reports each one and exits 2
    checked = run_cli("check", tmp_path / "out" / "rule-65b-certification.docx")
    assert checked.code == 2
    gaps = [ln for ln in checked.out.splitlines() if "PLACEHOLDER" in ln and "a fact the draft says is missing" in ln]
    assert len(gaps) >= 2, checked.out


def test_notice_facts_are_validated(tmp_path):
    effort = ("      - Counsel wrote to each store through the platform's messaging system on January 20, 2026; "
              "none replied.")
    case = make_case(tmp_path, MOTION_FACTS.replace(effort, "      - TBD"))
    with pytest.raises(LitigatorError, match="tro.notice.efforts"):
        load_case(case)


def test_the_presumption_is_flagged_where_its_effective_date_is_disputed(tmp_path):
    case = make_case(tmp_path, old="filing_date: 2026-03-02", new="filing_date: 2021-06-01")
    result = pipeline.draft(case, out_dir=tmp_path / "out")
    assert any(w.startswith("TMA_PRESUMPTION") and "disputed" in w for w in result.warnings)
    assert "15 U.S.C. § 1116(a)" in text_of(tmp_path / "out" / "tro-memorandum.docx")


def test_a_memorandum_over_15_pages_warns(tmp_path):
    facts = "".join(f"    - Harm fact {i}, the store's listing of the accused jacket drew {i} buyer questions about "
                    "a NORTHWIND warranty that only the genuine product carries, each answered by the store with a "
                    "false statement that the jacket is genuine and covered, as the screenshots show.\n"
                    for i in range(1, 90))
    extra = MOTION_FACTS.replace(
        "    - Each store relisted the accused products within days of the platform removing an earlier listing.\n",
        facts)
    case = make_case(tmp_path, extra)
    result = pipeline.draft(case, out_dir=tmp_path / "out")
    over = [w for w in result.warnings if w.startswith("BRIEF_OVER_LIMIT")]
    assert len(over) == 1 and "15-page limit of N.D. Ill. LR 7.1" in over[0]
    pages = int(re.search(r"about (\d+) pages", over[0]).group(1))
    assert pages > 15


def test_the_page_estimate_is_deterministic_and_needs_no_libreoffice(drafted):
    from litigator.forums.us.motions import estimate_pages
    from litigator.forums.us.style import US_STYLE

    out, _, _ = drafted
    data = (out / "tro-memorandum.docx").read_bytes()
    assert estimate_pages(data, US_STYLE) == estimate_pages(data, US_STYLE) <= 15


# --- 3. default judgment -----------------------------------------------------------------------------------------

def test_the_default_judgment_table_equals_damages_json_to_the_cent(drafted):
    out, _, case = drafted
    result = run_cli("damages", case, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    filed = next(s for s in data["scenarios"] if s["name"] == data["filed_scenario"])
    rows = rows_of(out / "default-judgment-motion.docx", "No.")
    body, total = rows[:-1], rows[-1]
    assert [r[0] for r in body] == [d["id"] for d in filed["defendants"]]
    sales = {s["id"]: s["sales_amount"] for s in stores_csv()}
    for row, d in zip(body, filed["defendants"], strict=True):
        assert row[1] == d["store"]
        assert row[2] == (usd(sales[d["id"]]) if sales[d["id"]] else "not proven")
        pairs = next(i["value"] for h in d["heads"] for i in h["inputs"] if i["name"] == "counterfeit_mark_goods_types")
        assert row[3] == pairs and row[4] == "multiple of proven sales"
        assert row[5] == usd(d["total"]), d["id"]
        assert row[6] == f"{usd(d['range']['low'])} – {usd(d['range']['high'])}"
    assert total[5] == usd(filed["total"])
    judgment = rows_of(out / "proposed-judgment.docx", "Defendant No.")
    assert [(r[0], r[2]) for r in judgment[:-1]] == [(d["id"], usd(d["total"])) for d in filed["defendants"]]
    text = text_of(out / "default-judgment-motion.docx")
    assert "April 15, 2026" in text and "Fed. R. Civ. P. 55(b)(2)" in text and "LR 54.3" not in text


def test_attorney_fees_follow_lr_54_3_when_claimed(drafted, tmp_path):
    _, _, case = drafted
    result = pipeline.draft(case, out_dir=tmp_path / "out", scenario="treble")
    text = text_of(tmp_path / "out" / "default-judgment-motion.docx")
    assert "ATTORNEY'S FEES" in text and "$42,000.00" in text and "N.D. Ill. LR 54.3" in text
    assert any(w.startswith("FEE_LOCAL_RULE") for w in result.warnings)
    assert "$42,000.00" in text_of(tmp_path / "out" / "proposed-judgment.docx")


# --- 4. JS 44 ----------------------------------------------------------------------------------------------------

def test_the_cover_sheet_fills_sections_i_to_vi_and_leaves_the_unverified(drafted):
    out, result, _ = drafted
    rows = {r[0] + " " + r[1]: r[2] for r in rows_of(out / "civil-cover-sheet.docx", "Section")}
    assert rows["I(a) Plaintiffs"] == "Northwind Outdoor Gear, Inc."
    assert "Schedule A" in rows["I(a) Defendants"]
    assert "Jordan A. Example" in rows["I(c) Attorneys (firm name, address, and telephone number)"]
    assert "Federal question (28 U.S.C. § 1331)" in rows["II Basis of jurisdiction"]
    assert rows["IV Nature of suit"] == "840 Trademark"
    assert "15 U.S.C. § 1114" in rows["VI Cause of action"]
    for key in ("I(b) County of residence of first listed plaintiff", "VII Requested in complaint",
                "VIII Related case(s), if any"):
        assert rows[key].startswith("[TO BE COMPLETED BY COUNSEL]"), key
    cover = [w for w in result.warnings if w.startswith("COVER_SHEET_FIELD")]
    assert any("VII" in w and "UNVERIFIED" in w for w in cover)
    assert any("plaintiff.county" in w for w in cover)
    assert any("own civil cover sheet variant, which is not covered" in w for w in cover)


# --- every document through LibreOffice ----------------------------------------------------------------------------

def test_every_motion_paper_converts_to_pdf_without_template_syntax(drafted, tmp_path):
    require_tool("soffice")
    from pypdf import PdfReader

    _, _, case = drafted
    result = run_cli("draft", case, "-o", tmp_path, "--pdf")
    assert result.code == 0, result.err
    for doc in ALL_MOTIONS:
        pdf = tmp_path / f"{doc}.pdf"
        assert pdf.is_file(), doc
        text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        for bad in ("{{", "{%", "\ufffd"):
            assert bad not in text, (doc, bad)
        assert "Northwind" in text, doc
