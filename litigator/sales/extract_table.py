"""The sales extract as a file: the kept order lines of the case's sellers, one row each, as CSV.

UTF-8 with a byte-order mark (so spreadsheet programs read Chinese right), ``\\r\\n`` line ends, the
columns in a fixed order with the forum's labels; the same extract gives the same bytes.
"""

from __future__ import annotations

import csv
import io

from litigator.money import quantize
from litigator.sales.model import KeptLines, SalesExtract

COLUMNS = ("file", "line", "seller", "order_id", "sku", "product", "ordered_at", "quantity", "amount", "refund",
           "net", "buyer", "copies")


def _cells(file, line, seller, order_id, sku, product, ordered_at, quantity, amount, refund, buyer, copies) -> list:
    return [file, line, seller or "", order_id, sku or "", product or "",
            ordered_at.isoformat(sep=" ") if ordered_at else "", quantity,
            quantize(amount), quantize(refund), quantize(amount - refund), buyer or "", copies]


def extract_csv(extract: SalesExtract | KeptLines, labels: dict[str, str] | None = None) -> bytes:
    """The extract's rows as CSV bytes, headed by ``labels`` (column → label; default the column names).
    The same lines give the same bytes whether they come as rows or as a batch's Arrow columns."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([(labels or {}).get(c, c) for c in COLUMNS])
    if isinstance(extract, KeptLines):
        writer.writerows(_column_cells(extract.table()))
    else:
        writer.writerows(_cells(r.file, r.line, r.seller, r.order_id, r.sku, r.product, r.ordered_at, r.quantity,
                                r.amount, r.refund, r.buyer, r.copies) for r in extract.rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _column_cells(table):
    """The rows of :func:`_cells`, formatted column by column in Arrow where the types allow it: amounts of
    DECIMAL(_, 2) print as ``quantize`` prints them, a microsecond timestamp as ``isoformat(sep=" ")`` does
    (fractions only when there are any); anything else goes row by row through :func:`_cells`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from litigator.sales.model import KEPT_LINE_COLUMNS

    amount, refund, stamp = table.column("amount"), table.column("refund"), table.column("ordered_at")
    if not (all(pa.types.is_decimal(c.type) and c.type.scale == 2 for c in (amount, refund))
            and str(stamp.type) == "timestamp[us]"):  # microseconds, no time zone
        cols = table.to_pydict()
        return [_cells(*values) for values in zip(*(cols[c] for c in KEPT_LINE_COLUMNS))]

    def text(column) -> list:
        return pc.fill_null(column.cast(pa.string()), "").to_pylist()

    stamps = pc.replace_substring_regex(stamp.cast(pa.string()), r"\.000000$", "")
    return zip(table.column("file").to_pylist(), table.column("line").to_pylist(), text(table.column("seller")),
               table.column("order_id").to_pylist(), text(table.column("sku")), text(table.column("product")),
               text(stamps), table.column("quantity").to_pylist(), text(amount), text(refund),
               text(pc.subtract(amount, refund)), text(table.column("buyer")), table.column("copies").to_pylist())
