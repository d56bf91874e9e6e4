"""Contracts of the sales stage: its configuration in case.yaml and the summary it returns."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from litigator.fields import Amount, Factor, StrictModel
from litigator.sales.profiles import PROFILE_NAMES
from litigator.sales.statuses import Outcome, check_user_statuses


class Period(StrictModel):
    """An inclusive period of calendar dates (forum-local)."""

    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class SalesConfig(StrictModel):
    """``sales:`` in case.yaml."""

    files: list[str] = Field(min_length=1, description="order exports, relative to the case folder (globs allowed)")
    profile: Literal[PROFILE_NAMES] | None = Field(  # type: ignore[valid-type]
        default=None, description="column profile; omitted = detect from the header")
    columns: dict[str, str] | None = Field(
        default=None, description="explicit mapping: canonical column -> header in the file")
    sheet: str | None = Field(default=None, description="XLSX sheet name (default: the first)")
    encoding: str | None = Field(default=None, description="CSV encoding (default: detect UTF-8/GBK)")
    period: Period | None = None
    currency: str | None = None
    max_reject_share: Factor = Field(default=Decimal("0.01"), description="share of malformed rows tolerated")
    statuses: dict[str, Outcome] | None = Field(
        default=None,
        description="what order statuses Litigator does not know mean (status -> sale, unpaid, closed or "
                    "fully_refunded); rows with an unknown status are counted as sales and warned about "
                    "(docs/sales.md, \"Order statuses\")")
    provenance: Literal["platform_records", "investigation_order", "notarised_preservation",
                        "produced_by_defendant"] | None = Field(
        default=None,
        description="how the plaintiff obtained the order data (required to plead it as evidence): the platform's "
                    "own records, a court's investigation order (调查令), notarised evidence preservation, or produced "
                    "by the defendant")
    evidence: str | None = Field(
        default=None, description="the document showing how the data were obtained (the investigation order and the "
                                  "platform's reply, the preservation notarial record), a file of evidence/")


    @field_validator("statuses")
    @classmethod
    def _statuses(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value:
            check_user_statuses(value)
        return value


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SalesFile(_Out):
    model_config = ConfigDict(extra="forbid", frozen=True)  # batch shares one instance among summaries

    path: str = Field(description="path as given in case.yaml (relative to the case folder)")
    sha256: str
    rows: int = Field(description="data rows read from this file")
    first_line: int = Field(description="physical line (1-based) of the first data row")
    last_line: int = Field(description="physical line of the last data row")
    format: str | None = Field(default=None, description="csv, xlsx, parquet or jsonl")
    profile: str | None = Field(default=None, description="column profile that mapped the header")
    encoding: str | None = Field(default=None, description="text encoding (CSV/JSONL)")
    sheet: str | None = Field(default=None, description="XLSX sheet read")


class RejectedRow(_Out):
    file: str
    line: int
    column: str | None
    value: str | None
    reason: str
    seller: str | None = Field(default=None, description="the row's seller, when the file has a seller column "
                                                         "and the cell is readable")


class ValidationReport(_Out):
    rows_read: int = 0
    rows_kept: int = 0
    excluded: dict[str, int] = Field(default_factory=dict, description="rule -> rows excluded by it")
    rejected: int = 0
    rejected_by_reason: dict[str, int] = Field(default_factory=dict, description="reason -> malformed rows")
    rejected_examples: list[RejectedRow] = Field(default_factory=list)
    duplicate_order_ids: int = 0
    currencies: list[str] = Field(default_factory=list)
    period_gaps: list[str] = Field(default_factory=list)
    matched_by_rule: dict[str, int] = Field(default_factory=dict,
                                            description="counterfeit selection rule -> rows it matched")
    seller_rows: int | None = Field(
        default=None, description="platform-side exports: rows of the sellers this report is about (kept, "
                                  "excluded or malformed)")
    seller_rejected: int | None = Field(
        default=None, description="platform-side exports: malformed rows of those sellers (part of `rejected`, "
                                  "which counts the whole file's)")
    totals_rows: int = Field(default=0, description="totals rows under the data (合计/总计/Total …): not data rows, so "
                                                   "not in rows_read")
    totals_row_examples: list[RejectedRow] = Field(default_factory=list, description="where the first totals rows are")
    unknown_statuses: dict[str, int] = Field(
        default_factory=dict, description="kept rows whose order status Litigator does not know (status -> rows; "
                                          "'' = blank): counted as sales, and warned about")

    @property
    def reconciles(self) -> bool:
        return self.rows_read == self.rows_kept + sum(self.excluded.values()) + self.rejected


class SalesLine(_Out):
    """Kept sales of one seller and SKU (and month, when grouped by month)."""

    seller: str | None = None
    sku: str
    product: str | None = None
    month: str | None = Field(default=None, description="YYYY-MM, or None for the whole period")
    orders: int
    units: int
    customers: int = 0
    gross: Amount
    refunds: Amount
    net: Amount
    first_order: date | None = None
    last_order: date | None = None
    avg_unit_price: Amount | None = Field(default=None, description="net revenue / units")


class SalesTotals(_Out):
    orders: int = 0
    units: int = 0
    customers: int = Field(default=0, description="distinct buyers among kept orders")
    gross: Amount = Decimal(0)
    refunds: Amount = Decimal(0)
    net: Amount = Decimal(0)
    first_order: date | None = None
    last_order: date | None = None


class SalesSummary(_Out):
    currency: str = "CNY"
    files: list[SalesFile]
    profile: str
    period: Period | None = None
    report: ValidationReport
    by_sku: list[SalesLine] = Field(default_factory=list)
    by_month: list[SalesLine] = Field(default_factory=list)
    totals: SalesTotals
    sql: list[str] = Field(default_factory=list, description="the SQL that produced the figures")
    warnings: list[str] = Field(default_factory=list)
    warning_codes: list[str] = Field(default_factory=list, description="codes of `warnings`, same order")

    def source_label(self) -> str:
        """``sales/orders.csv sha256:1a2b3c4d… rows 2–3051`` for each file, joined by '; '."""
        return "; ".join(
            f"{f.path} sha256:{f.sha256[:12]}… rows {f.first_line}–{f.last_line}" for f in self.files
        )


class ExtractRow(_Out):
    """One kept order line of the case's sellers, with where it sits in its source file."""

    file: str = Field(description="the source file as given in case.yaml")
    line: int = Field(description="physical 1-based line (sheet row for XLSX) of its first occurrence")
    seller: str | None = None
    order_id: str
    sku: str | None = None
    product: str | None = None
    ordered_at: datetime | None = None
    quantity: int
    amount: Amount
    refund: Amount
    buyer: str | None = None
    copies: int = Field(default=1, description="identical lines collapsed into this one (duplicates)")

    @classmethod
    def from_kept_line(cls, file: str, line: int, seller: str | None, order_id: str, sku: str | None,
                       product: str | None, ordered_at: datetime | None, quantity: int, amount: Decimal,
                       refund: Decimal, buyer: str | None, copies: int) -> "ExtractRow":
        """A row of the kept_lines table, built without validating it again: its columns come typed from our
        own SQL (DECIMAL(18,2) amounts, TIMESTAMP, integer counts), checked when the files were read. A
        batch builds hundreds of thousands of them (validation was most of the time of its sales pass)."""
        return cls.model_construct(file=file, line=line, seller=seller, order_id=order_id, sku=sku,
                                   product=product, ordered_at=ordered_at, quantity=int(quantity),
                                   amount=amount, refund=refund, buyer=buyer, copies=int(copies))

    @property
    def net(self) -> Decimal:
        return self.amount - self.refund


class SalesExtract(_Out):
    """The kept order lines of this case's sellers (never other sellers' rows), for the exhibit."""

    files: list[SalesFile]
    rows: list[ExtractRow]

    def totals(self) -> tuple[int, Decimal]:
        """Units and net amount of the lines (what must reconcile with the sales summary)."""
        return sum(r.quantity for r in self.rows), sum((r.net for r in self.rows), Decimal(0))


KEPT_LINE_COLUMNS = ("file", "line", "seller", "order_id", "sku", "product", "ordered_at", "quantity", "amount",
                     "refund", "buyer", "copies")


class KeptLines(_Out):
    """The same lines as a :class:`SalesExtract`, in the compact form a batch ships to its workers: one
    Arrow IPC stream whose columns are :data:`KEPT_LINE_COLUMNS` (ExtractRow's fields, typed as DuckDB
    returned them: DECIMAL(18,2) amounts, TIMESTAMP), in file order. A thousand sellers' lines cross to
    the workers as bytes instead of a million objects; the exhibit is written from the columns
    (``litigator.sales.extract_table``), byte for byte as from the rows."""

    model_config = ConfigDict(extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    files: list[SalesFile]
    arrow: bytes = Field(description="Arrow IPC stream of the lines (columns KEPT_LINE_COLUMNS)")

    def table(self):
        import pyarrow as pa

        return pa.ipc.open_stream(self.arrow).read_all()

    def totals(self) -> tuple[int, Decimal]:
        """Units and net amount of the lines."""
        import pyarrow.compute as pc

        t = self.table()
        if not t.num_rows:
            return 0, Decimal(0)
        units = pc.sum(t.column("quantity")).as_py()
        net = pc.sum(pc.subtract(t.column("amount"), t.column("refund"))).as_py()
        return int(units), Decimal(net)

    def extract(self) -> SalesExtract:
        """The lines as ExtractRow objects (an API user's view; drafting never needs them)."""
        cols = self.table().to_pydict()
        rows = [ExtractRow.from_kept_line(*values) for values in zip(*(cols[c] for c in KEPT_LINE_COLUMNS))]
        return SalesExtract(files=self.files, rows=rows)
