"""Mixed or wrong text encodings fail on the first bad line; the encoding note is said once, and only
when the encoding was guessed.

The rows are test_formats.ORDERS (header on line 1, orders 1001…1008 on lines 2–9); their hand-computed
figures are in that module's docstring (kept net 1,606.00).
"""

from __future__ import annotations

import json

from support import run_cli

from .conftest import TAOBAO_HEADER, csv_text
from .test_formats import ORDERS, PERIOD


def lines_of(rows) -> list[str]:
    return csv_text(TAOBAO_HEADER, rows).splitlines(keepends=True)


def error_line(res) -> str:
    assert res.code == 2, (res.out, res.err)
    assert "Traceback" not in res.err
    lines = [ln for ln in res.err.strip().splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, res.err
    return lines[0]


def gbk_with_one_utf8_line(line_no: int, rows=ORDERS) -> bytes:
    """A GBK export in which physical line ``line_no`` was pasted in as UTF-8."""
    out = b""
    for n, text in enumerate(lines_of(rows), start=1):
        out += text.encode("utf-8" if n == line_no else "gbk")
    return out


def test_gbk_file_with_one_utf8_line_fails_on_that_line(make_case):
    folder = make_case({"sales/o.csv": gbk_with_one_utf8_line(5)},
                       {"files": ["sales/o.csv"], "period": PERIOD})
    line = error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/o.csv'}:line 5: "), line
    assert "UTF-8" in line and "GBK" in line and "binary" not in line
    assert "save" in line  # says what to do


def test_declared_gbk_with_one_utf8_line_fails_instead_of_garbling_it(make_case):
    folder = make_case({"sales/o.csv": gbk_with_one_utf8_line(5)},
                       {"files": ["sales/o.csv"], "period": PERIOD, "encoding": "gbk"})
    line = error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/o.csv'}:line 5: "), line
    assert "UTF-8" in line


def test_utf8_line_beyond_the_first_mebibyte_of_a_gbk_file(make_case):
    # 16,000 orders of ~85 bytes: line 15,000 lies past the first MiB the encoding is sniffed from.
    rows = [[str(100000 + i), "买家A", "宠美佳成猫粮2kg 室内成猫粮", "PM-CAT-2K", "1", "129.00", "交易成功",
             "2024-03-05 10:00:00", "", "0.00"] for i in range(16000)]
    data = gbk_with_one_utf8_line(15000, rows)
    assert len(b"".join(t.encode("gbk") for t in lines_of(rows)[:14999])) > (1 << 20)
    folder = make_case({"sales/o.csv": data}, {"files": ["sales/o.csv"]})
    line = error_line(run_cli("sales", folder.path, "--accept-rejects"))
    assert line.startswith(f"error: {folder.path / 'sales/o.csv'}:line 15000: "), line
    assert "UTF-8" in line


def test_utf8_file_with_one_gbk_line_fails_on_that_line(make_case):
    # 200 orders: one bad line would be 0.5 % of the rows, under the 1 % malformed-row limit.
    rows = [[str(100000 + i), "买家A", "宠美佳成猫粮2kg", "PM-CAT-2K", "1", "129.00", "交易成功",
             "2024-03-05 10:00:00", "", "0.00"] for i in range(200)]
    data = b"".join(t.encode("gbk" if n == 150 else "utf-8") for n, t in enumerate(lines_of(rows), start=1))
    folder = make_case({"sales/o.csv": data}, {"files": ["sales/o.csv"]})
    line = error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/o.csv'}:line 150: "), line
    assert "GBK" in line and "UTF-8" in line


def test_declared_gbk_on_a_utf8_file_is_refused(make_case):
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, ORDERS).encode("utf-8")},
                       {"files": ["sales/o.csv"], "encoding": "gbk"})
    line = error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/o.csv'}:line 1: "), line
    assert "UTF-8" in line and "encoding" in line


def _notes(data: dict) -> list[str]:
    return [w for w, c in zip(data["warnings"], data["warning_codes"]) if c == "SALES_FILE_NOTE"]


def test_encoding_note_once_per_run_and_only_when_guessed(make_case):
    gbk = csv_text(TAOBAO_HEADER, ORDERS[:4]).encode("gbk"), csv_text(TAOBAO_HEADER, ORDERS[4:]).encode("gbk")
    folder = make_case({"sales/a.csv": gbk[0], "sales/b.csv": gbk[1]},
                       {"files": ["sales/a.csv", "sales/b.csv"], "period": PERIOD})
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["totals"]["net"] == "1606.00"
    notes = _notes(data)
    assert len(notes) == 1, data["warnings"]
    assert "sales/a.csv" in notes[0] and "sales/b.csv" in notes[0] and "encoding" in notes[0]
    # Table output: the note is printed once too.
    res = run_cli("sales", folder.path)
    assert res.code == 0 and res.err.count("GB18030") == 1, res.err

    declared = make_case({"sales/a.csv": gbk[0], "sales/b.csv": gbk[1]},
                         {"files": ["sales/a.csv", "sales/b.csv"], "period": PERIOD, "encoding": "gbk"})
    res = run_cli("sales", declared.path, "--format", "json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert _notes(data) == [] and data["totals"]["net"] == "1606.00"
