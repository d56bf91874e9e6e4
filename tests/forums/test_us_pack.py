"""The US pack end to end: the example's damages JSON per defendant, the filing set (complaint sections, every
store in Schedule A with its URL), the split option, defendants_from validated row by row, the PDF set, and no
jurisdiction literal in the pipeline or the stage packages."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal as D
from pathlib import Path

import docx
import pytest
from support import EXAMPLES, ROOT, require_tool, run_cli

from litigator import pipeline
from litigator.casefile import load_case
from litigator.errors import LitigatorError

EXAMPLE = EXAMPLES / "us-schedule-a"


def text_of(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + [" | ".join(c.text for c in r.cells)
                                                       for t in d.tables for r in t.rows])


def stores_csv() -> list[dict[str, str]]:
    import csv

    with open(EXAMPLE / "stores.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def case_copy(tmp_path):
    target = tmp_path / "case"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("out"))
    return target


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    out = tmp_path_factory.mktemp("us") / "out"
    result = pipeline.draft(EXAMPLE, out_dir=out)
    return out, result


def test_example_is_fictional_and_big_enough():
    text = (EXAMPLE / "case.yaml").read_text(encoding="utf-8")
    assert text.startswith("# FICTIONAL EXAMPLE") and "entirely fictional" in (EXAMPLE / "README.md").read_text()
    rows = stores_csv()
    assert len(rows) >= 12 and len({r["platform"] for r in rows}) == 2
    assert 0 < sum(1 for r in rows if r["sales_amount"]) < len(rows)
    case = load_case(EXAMPLE).case
    assert len(case.marks) == 2 and len({p.goods_type for p in case.products}) == 2


def test_damages_json_gives_per_defendant_figures_that_sum_their_heads():
    result = run_cli("damages", EXAMPLE, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["jurisdiction"] == "us" and data["currency"] == "USD"
    for s in data["scenarios"]:
        assert len(s["defendants"]) == len(stores_csv())
        for d in s["defendants"]:
            assert D(d["total"]) == sum((D(h["amount"]) for h in d["heads"]), D(0)), (s["name"], d["id"])
            assert set(d) >= {"id", "store", "heads", "total", "range"}
        assert D(s["total"]) == sum((D(d["total"]) for d in s["defendants"]), D(0))
        for h in s["heads"]:
            assert D(h["amount"]) == sum((D(x["amount"]) for d in s["defendants"] for x in d["heads"]
                                          if x["code"] == h["code"]), D(0))
    filed = next(s for s in data["scenarios"] if s["name"] == data["filed_scenario"])
    first = filed["defendants"][0]
    assert first["total"] == "12540.00" and first["range"] == {"low": "2000.00", "high": "400000.00"}
    assert filed["fees"]["case_fee"] == "405.00"
    assert any(w.startswith("NO_FORUM_TEST_BUY") and "defendant 14" in w for w in data["warnings"])


def test_the_complaint_has_every_required_section(drafted):
    out, result = drafted
    assert sorted(p.name for p in result.written) == [
        "calculation.json", "civil-cover-sheet.docx", "complaint.docx", "default-judgment-motion.docx",
        "exhibit-list.docx", "investigator-declaration.docx", "joinder-chart.docx", "memo.docx",
        "proposed-judgment.docx", "rule-65b-certification.docx", "schedule-a.docx", "tro-memorandum.docx",
        "tro-proposed-order.docx"]
    text = text_of(out / "complaint.docx")
    for part in ("UNITED STATES DISTRICT COURT", "FOR THE NORTHERN DISTRICT OF ILLINOIS", "EASTERN DIVISION",
                 "THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE A", "COMPLAINT",
                 "JURISDICTION AND VENUE", "28 U.S.C. § 1391", "THE PARTIES", "PLAINTIFF'S TRADEMARKS",
                 "9,100,001", "9,100,002", "DEFENDANTS' UNLAWFUL CONDUCT", "NORTHWIND Ridge insulated jacket",
                 "Genuine product.", "Accused product.", "JOINDER", "Fed. R. Civ. P. 20(a)(2)",
                 "COUNT I — TRADEMARK INFRINGEMENT AND COUNTERFEITING (15 U.S.C. § 1114)",
                 "COUNT II — FALSE DESIGNATION OF ORIGIN (15 U.S.C. § 1125(a))", "PRAYER FOR RELIEF",
                 "JURY DEMAND", "/s/ Jordan A. Example", "jexample@example.com", "Counsel for Plaintiff"):
        assert part in text, part
    # the prayer's figures are the damages report's, defendant by defendant
    calc = json.loads((out / "calculation.json").read_text(encoding="utf-8"))
    filed = next(s for s in calc["scenarios"] if s["name"] == calc["drafted_scenario"])
    for d in filed["defendants"]:
        assert f"{d['id']} | " in text and f"${D(d['total']):,.2f}" in text
    assert f"${D(filed['total']):,.2f}" in text
    # numbered paragraphs run on across sections (Fed. R. Civ. P. 10(b))
    numbers = [int(m) for m in re.findall(r"^(\d+)\. ", text, re.M)]
    assert numbers[:3] == [1, 2, 3] and max(numbers) > 20


def test_schedule_a_lists_every_store_with_its_url(drafted):
    out, _ = drafted
    text = text_of(out / "schedule-a.docx")
    assert "SCHEDULE A" in text and "FILED UNDER SEAL" in text
    for row in stores_csv():
        assert row["url"] in text and row["alias"] in text and row["seller_id"] in text
    # the store without a test purchase in the district is flagged in the draft's warnings
    _, result = drafted
    assert any(w.startswith("NO_FORUM_TEST_BUY") and "Harbor Mist Trading" in w for w in result.warnings)


def test_the_page_is_the_us_page_with_page_numbers(drafted):
    out, _ = drafted
    d = docx.Document(str(out / "complaint.docx"))
    section = d.sections[0]
    assert round(section.page_width.inches, 2) == 8.5 and round(section.left_margin.inches, 2) == 1.0
    normal = d.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 12
    assert normal.paragraph_format.line_spacing == 2.0
    assert "PAGE" in section.footer._element.xml


@pytest.mark.parametrize("split", ["platform", "product"])
def test_split_gives_complaints_whose_schedules_a_partition_the_stores(case_copy, tmp_path, split):
    text = (case_copy / "case.yaml").read_text(encoding="utf-8")
    text = text.replace("caption: schedule_a\n", f"caption: schedule_a\nsplit: {split}\n")
    (case_copy / "case.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = pipeline.draft(case_copy, out_dir=out)
    complaints = sorted(p.name for p in result.written if p.name.startswith("complaint-"))
    schedules = sorted(p.name for p in result.written if p.name.startswith("schedule-a-"))
    assert len(complaints) == len(schedules) == 2
    listed: list[str] = []
    for name in schedules:
        body = text_of(out / name)
        listed += [r["url"] for r in stores_csv() if r["url"] in body]
    urls = [r["url"] for r in stores_csv()]
    assert sorted(listed) == sorted(urls) and len(listed) == len(set(listed))   # each store exactly once
    if split == "platform":
        amazon = text_of(out / "schedule-a-amazon.docx")
        assert all((r["platform"] == "Amazon") == (r["url"] in amazon) for r in stores_csv())


def test_defendants_from_is_validated_row_by_row(case_copy):
    rows = (case_copy / "stores.csv").read_text(encoding="utf-8").splitlines()
    rows[3] = rows[3].replace("https://www.amazon.com/sp?seller=EXAMPLE-A03,", ",")
    rows[4] = rows[4].replace("EXAMPLE-A04,jacket,", "EXAMPLE-A04,umbrella,")
    rows[5] = rows[5].replace(",49,2245.00,", ",49,12.3.4,")
    (case_copy / "stores.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_cli("damages", case_copy)
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    path = str(case_copy / "stores.csv")
    assert f"error: {path}:row 4: url: required, but empty" in errors
    assert any(e.startswith(f"error: {path}:row 5: products: unknown product 'umbrella'") for e in errors)
    assert any(e.startswith(f"error: {path}:row 6: sales_amount: not an amount") for e in errors)


def test_the_precedent_figures_the_warning_cites_are_the_librarys():
    """law.yaml's proportionality.cuts quote the library: each id exists, its cause and amounts match."""
    import datetime as dt

    from ruamel.yaml import YAML

    from litigator.forums.us.law import book

    cuts = book().at("proportionality.cuts", dt.date(2026, 1, 1)).value
    for cut in cuts:
        entry = YAML(typ="safe").load((ROOT / "precedents" / "us" / f"{cut['id']}.yaml").read_text(encoding="utf-8"))
        assert entry["cause"] == cut["cause"]
        for key in ("claimed", "awarded"):
            assert f"${int(entry[key]['amount']):,}" in cut["text"], (cut["id"], key)
        if cut["cause"] == "copyright":
            assert "COPYRIGHT" in cut["text"]


def test_pipeline_and_stage_packages_name_no_jurisdiction():
    """No `us`/`cn` literal (nor a forum pack import) in the pipeline or a stage package: forums decide."""
    literal = re.compile(r"""["'](us|cn)["']|forums\.(us|cn)\b|forums\.get\(\s*["']""")
    stages = [ROOT / "litigator" / "pipeline.py"]
    for package in ("damages", "drafting", "sales", "facts", "batch", "precedents"):
        stages += sorted((ROOT / "litigator" / package).rglob("*.py"))
    # the precedent library's schema names the two libraries it stores (its data layout, not a branch of the
    # pipeline): precedents/model.py (Forum, CURRENCY, the `us:` block of a US case) and library.py (FORUM_DIRS)
    allowed = {"litigator/precedents/model.py", "litigator/precedents/library.py"}
    found = []
    for path in stages:
        rel = path.relative_to(ROOT).as_posix()
        if rel in allowed:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if literal.search(code) and not code.strip().startswith(("(China", "``")):
                found.append(f"{rel}:{n}: {line.strip()}")
    assert not found, found


def test_the_set_converts_through_libreoffice(tmp_path):
    require_tool("soffice")
    out = tmp_path / "out"
    result = run_cli("draft", EXAMPLE, "-o", out, "--pdf")
    assert result.code == 0, result.err
    for name in ("complaint", "schedule-a", "exhibit-list"):
        pdf = out / f"{name}.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    pdftotext = require_tool("pdftotext")
    import subprocess

    for name in ("complaint", "schedule-a", "exhibit-list"):
        text = subprocess.run([pdftotext, str(out / f"{name}.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "{{" not in text and "{%" not in text and "\ufffd" not in text, name
    text = subprocess.run([pdftotext, str(out / "schedule-a.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Harbor Mist" in " ".join(text.split())


def test_init_errors_name_the_missing_evidence(case_copy):
    text = (case_copy / "case.yaml").read_text(encoding="utf-8")
    (case_copy / "case.yaml").write_text(text.replace("evidence/03-genuine-products.txt", "evidence/99-nope.txt", 1),
                                         encoding="utf-8")
    with pytest.raises(LitigatorError, match="not a file in evidence/"):
        pipeline.analyse(case_copy)
