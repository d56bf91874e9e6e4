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
        from litigator.sales.model import KEPT_LINE_COLUMNS

        cols = extract.table().to_pydict()
        writer.writerows(_cells(*values) for values in zip(*(cols[c] for c in KEPT_LINE_COLUMNS)))
    else:
        writer.writerows(_cells(r.file, r.line, r.seller, r.order_id, r.sku, r.product, r.ordered_at, r.quantity,
                                r.amount, r.refund, r.buyer, r.copies) for r in extract.rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
