"""The sales extract as a file: the kept order lines of the case's sellers, one row each, as CSV.

UTF-8 with a byte-order mark (so spreadsheet programs read Chinese right), ``\\r\\n`` line ends, the
columns in a fixed order with the forum's labels; the same extract gives the same bytes.
"""

from __future__ import annotations

import csv
import io

from litigator.money import quantize
from litigator.sales.model import SalesExtract

COLUMNS = ("file", "line", "seller", "order_id", "sku", "product", "ordered_at", "quantity", "amount", "refund",
           "net", "buyer", "copies")


def extract_csv(extract: SalesExtract, labels: dict[str, str] | None = None) -> bytes:
    """The extract's rows as CSV bytes, headed by ``labels`` (column → label; default the column names)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([(labels or {}).get(c, c) for c in COLUMNS])
    for r in extract.rows:
        writer.writerow([r.file, r.line, r.seller or "", r.order_id, r.sku or "", r.product or "",
                         r.ordered_at.isoformat(sep=" ") if r.ordered_at else "", r.quantity,
                         quantize(r.amount), quantize(r.refund), quantize(r.net), r.buyer or "", r.copies])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
