"""KeptLines (a batch's order lines as Arrow columns) write the same extract CSV, and give the same units
and net amount, as the ExtractRow objects of the same lines: whatever the values (empty cells, fractions
of a second, refunds above the amount, commas, quotes and line breaks, Chinese)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from litigator.sales.extract_table import extract_csv
from litigator.sales.model import KEPT_LINE_COLUMNS, KeptLines, SalesFile

FILES = [SalesFile(path="sales/orders.csv", sha256="0" * 64, rows=3, first_line=2, last_line=4)]
SCHEMA = pa.schema([("file", pa.string()), ("line", pa.int64()), ("seller", pa.string()),
                    ("order_id", pa.string()), ("sku", pa.string()), ("product", pa.string()),
                    ("ordered_at", pa.timestamp("us")), ("quantity", pa.int32()),
                    ("amount", pa.decimal128(18, 2)), ("refund", pa.decimal128(18, 2)), ("buyer", pa.string()),
                    ("copies", pa.int64())])
assert tuple(SCHEMA.names) == KEPT_LINE_COLUMNS


def kept(rows: list[tuple]) -> KeptLines:
    table = pa.Table.from_pylist([dict(zip(KEPT_LINE_COLUMNS, r)) for r in rows], schema=SCHEMA)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, SCHEMA) as writer:
        writer.write_table(table)
    return KeptLines(files=FILES, arrow=sink.getvalue().to_pybytes())


def test_columns_and_rows_give_the_same_csv_and_totals():
    rows = [
        ("sales/orders.csv", 2, "S1", "1001", "SKU-1", "猫粮, 10kg \"大包\"", dt.datetime(2024, 1, 11, 16, 5, 21), 2,
         Decimal("19.80"), Decimal("0.00"), "b1", 1),
        ("sales/orders.csv", 3, None, "1002", None, None, None, 1, Decimal("5.00"), Decimal("7.50"), None, 2),
        ("sales/orders.csv", 4, "S1", "1003", "SKU-2", "line\nbreak", dt.datetime(2024, 2, 1, 0, 0, 0, 120),
         3, Decimal("1234567.89"), Decimal("0.01"), "", 1),
    ]
    lines = kept(rows)
    as_rows = lines.extract()
    assert extract_csv(lines, {"file": "文件"}) == extract_csv(as_rows, {"file": "文件"})
    text = extract_csv(lines).decode("utf-8-sig")
    assert "2024-01-11 16:05:21," in text and "2024-02-01 00:00:00.000120" in text and ",-2.50," in text
    assert lines.totals() == as_rows.totals() == (6, Decimal("19.80") + Decimal("-2.50") + Decimal("1234567.88"))


_text = st.one_of(st.none(), st.text(max_size=12))
_money = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2)
_stamp = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 1, 1)))
_line = st.tuples(st.just("sales/orders.csv"), st.integers(1, 10**7), _text, st.text(min_size=1, max_size=20),
                  _text, _text, _stamp, st.integers(-5, 10**6), _money, _money, _text, st.integers(1, 50))


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=8))
def test_any_lines_give_the_same_csv_as_columns_and_as_rows(rows):
    lines = kept(rows)
    as_rows = lines.extract()
    assert extract_csv(lines) == extract_csv(as_rows)
    assert lines.totals() == as_rows.totals()


def test_a_batchs_lines_take_the_column_path():
    """DuckDB's types (DECIMAL(18,2), TIMESTAMP) are the ones the column-by-column formatting takes."""
    from litigator.sales.extract_table import _column_cells

    lines = kept([("sales/orders.csv", 2, "S1", "1", None, None, dt.datetime(2024, 1, 1), 1, Decimal("1.00"),
                   Decimal("0.00"), None, 1)])
    assert not isinstance(_column_cells(lines.table()), list)  # the fallback builds a list row by row
