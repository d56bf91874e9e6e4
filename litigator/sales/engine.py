"""The sales engine: load order exports into DuckDB, validate, filter, deduplicate, aggregate.

One pass over the data (`_GROUPS_SQL`) classifies every row and groups it:

* a rejected row (malformed) is grouped by reason, keeping the first examples (``min_by``);
* an excluded row (other seller, not counterfeit, outside the period, unpaid, closed, fully
  refunded, other currency) is grouped by rule, seller and month (for counts and period gaps);
* a candidate row is grouped by its key ``(seller, order_id, sku)``: a key seen on several rows
  is a duplicate; the first row in file order is kept (``arg_min``), the others are excluded as
  ``duplicate``.

The grouped result is small (one row per kept order line plus a few hundred count rows) and every
figure of the report and the summary is computed from it. Money is DECIMAL(18,2) in DuckDB and
Decimal in Python; no float touches an amount.
"""

from __future__ import annotations

import glob as globmod
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from litigator.errors import DataFileError, LitigatorError
from litigator.money import quantize
from litigator.sales import sources as srcmod
from litigator.sales.model import (Period, RejectedRow, SalesConfig, SalesFile, SalesLine, SalesSummary,
                                   SalesTotals, ValidationReport)
from litigator.sales.profiles import ProfileMatch

if TYPE_CHECKING:  # pragma: no cover
    from litigator.casefile import CaseFolder
    from litigator.models import Product

MAX_EXAMPLES = 10

# Exclusion rules, in the order they are tested (a row is counted under the first that applies).
EXCLUSION_RULES = ("other_seller", "not_counterfeit", "other_currency", "outside_period", "unpaid",
                   "closed", "fully_refunded", "duplicate")

CLOSED_STATUSES = ("交易关闭", "trade_closed", "trade_closed_by_taobao", "closed", "cancelled", "canceled",
                   "已关闭", "已取消", "订单关闭")
UNPAID_STATUSES = ("等待买家付款", "wait_buyer_pay", "unpaid", "pending_payment", "pending payment",
                   "awaiting payment", "待付款")
REFUNDED_STATUSES = ("退款成功", "已退款", "refunded", "fully_refunded", "fully refunded")
DATE_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y.%m.%d %H:%M:%S", "%Y.%m.%d",
                "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日", "%Y-%m-%dT%H:%M:%S")


class SalesRejectError(DataFileError):
    """Too many malformed rows, or no counterfeit sales kept. Carries the report to print."""

    def __init__(self, what: str, path: str | None, where: str | None, summary: SalesSummary) -> None:
        super().__init__(what, path, where)
        self.summary = summary
        self.report = summary.report


# ---------------------------------------------------------------------------------------------
# Selection of counterfeit rows
# ---------------------------------------------------------------------------------------------

@dataclass
class SelectionRule:
    name: str  # "sku:PM-CAT-2K", "title:宠美佳", "title~re:..."
    product: str
    sql: str  # boolean SQL over the typed row


@dataclass
class Selection:
    rules: list[SelectionRule] = field(default_factory=list)

    @property
    def selects_all(self) -> bool:
        return not self.rules

    @classmethod
    def from_products(cls, products: Iterable["Product"], has_sku: bool, has_title: bool) -> "Selection":
        rules: list[SelectionRule] = []
        for p in products:
            if has_sku:
                for sku in p.skus:
                    rules.append(SelectionRule(f"sku:{sku}", p.name, f"sku = {_qstr(str(sku))}"))
            if has_title:
                for kw in p.title_keywords:
                    if kw.startswith("re:"):
                        rules.append(SelectionRule(f"title~{kw[3:]}", p.name,
                                                   f"regexp_matches(title, {_qstr(kw[3:])})"))
                    else:
                        rules.append(SelectionRule(f"title:{kw}", p.name, f"contains(title, {_qstr(kw)})"))
        return cls(rules)


def _qstr(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join(_qstr(v) for v in values)


# ---------------------------------------------------------------------------------------------
# The classification SQL
# ---------------------------------------------------------------------------------------------

def _money(expr: str) -> str:
    """DECIMAL(18,2) from a cell: plain numbers directly, else with ¥, commas, 元 and spaces removed."""
    return (f"COALESCE(TRY_CAST({expr} AS DECIMAL(18,2)), "
            f"TRY_CAST(regexp_replace(CAST({expr} AS VARCHAR), '[\\s,¥￥元]|^RMB|^CNY', '', 'g') AS DECIMAL(18,2)))")


def _blank(expr: str) -> str:
    return f"({expr} IS NULL OR trim(CAST({expr} AS VARCHAR)) = '')"


def build_classify_sql(union_sql: str, cols: set[str], selection: Selection, period: Period | None,
                       sellers: list[str] | None, fixed_seller: str | None, currency: str) -> str:
    """SQL selecting every row with typed values, ``reason`` (malformed) and ``outcome``."""
    has = cols.__contains__
    seller = ("nullif(trim(CAST(seller AS VARCHAR)), '')" if has("seller")
              else (_qstr(fixed_seller) if fixed_seller else "NULL::VARCHAR"))
    amount = (_money("amount") if has("amount")
              else f"({_money('unit_price')} * TRY_CAST(quantity AS DECIMAL(18,3)))::DECIMAL(18,2)")
    fmts = "[" + _sql_list(DATE_FORMATS) + "]"
    typed = [
        "_file", "_ord", "(_file::BIGINT << 40) + _ord AS _pos",
        ("_malformed" if has("_malformed") else "false AS _malformed"),
        "nullif(trim(CAST(order_id AS VARCHAR), ' \t=\"'''), '') AS order_id",
        f"{seller} AS seller",
        ("nullif(trim(CAST(buyer AS VARCHAR)), '') AS buyer" if has("buyer") else "NULL::VARCHAR AS buyer"),
        ("CAST(title AS VARCHAR) AS title" if has("title") else "NULL::VARCHAR AS title"),
        ("nullif(trim(CAST(sku AS VARCHAR), ' \t=\"'''), '') AS sku" if has("sku") else "NULL::VARCHAR AS sku"),
        "TRY_CAST(quantity AS DECIMAL(18,3)) AS qty3",
        f"{amount} AS amount",
        (f"{_money('unit_price')} AS unit_price" if has("unit_price") else "NULL::DECIMAL(18,2) AS unit_price"),
        (f"CASE WHEN {_blank('refund')} THEN 0::DECIMAL(18,2) ELSE {_money('refund')} END AS refund"
         if has("refund") else "0::DECIMAL(18,2) AS refund"),
        ("lower(trim(CAST(status AS VARCHAR))) AS status" if has("status") else "NULL::VARCHAR AS status"),
        (f"COALESCE(TRY_CAST(created AS TIMESTAMP), try_strptime(trim(CAST(created AS VARCHAR)), {fmts})) AS ts"),
        ("nullif(upper(trim(CAST(currency AS VARCHAR))), '') AS currency" if has("currency")
         else "NULL::VARCHAR AS currency"),
    ]
    raw = ["CAST(order_id AS VARCHAR) AS r_order_id", "CAST(quantity AS VARCHAR) AS r_quantity",
           "CAST(created AS VARCHAR) AS r_created"]
    for c in ("seller", "sku", "amount", "unit_price", "refund"):
        raw.append(f"CAST({c} AS VARCHAR) AS r_{c}" if has(c) else f"NULL::VARCHAR AS r_{c}")
    # Reasons a row is malformed, first applicable wins; "reason|column".
    checks = [
        ("_malformed", "malformed line|"),
        ("order_id IS NULL", "missing key|order_id"),
    ]
    if has("seller"):
        checks.append(("seller IS NULL", "missing key|seller"))
    checks += [
        ("r_created IS NULL OR trim(r_created) = ''", "missing key|created"),
        ("ts IS NULL", "unparsable date|created"),
        ("qty3 IS NULL", "unparsable number|quantity"),
        ("qty3 <> trunc(qty3)", "quantity not a whole number|quantity"),
        ("qty3 < 0", "negative quantity|quantity"),
    ]
    money_col = "amount" if has("amount") else "unit_price"
    if has("unit_price"):
        checks += [(f"NOT {_blank('r_unit_price')} AND unit_price IS NULL", "unparsable number|unit_price"),
                   ("unit_price < 0", "negative price|unit_price")]
    checks += [
        ("amount IS NULL", f"unparsable number|{money_col}"),
        ("amount < 0", f"negative price|{money_col}"),
    ]
    if has("refund"):
        checks += [("refund IS NULL", "unparsable number|refund"),
                   ("refund < 0", "negative refund|refund"),
                   ("refund > amount", "refund exceeds amount paid|refund")]
    reason = "CASE " + " ".join(f"WHEN {cond} THEN {_qstr(val)}" for cond, val in checks) + " END"

    match_cols = [f"({r.sql}) AS _m{i}" for i, r in enumerate(selection.rules)]
    if selection.rules:
        counterfeit = " OR ".join(f"_m{i}" for i in range(len(selection.rules)))
        product = "CASE " + " ".join(f"WHEN _m{i} THEN {_qstr(r.product)}"
                                     for i, r in enumerate(selection.rules)) + " END"
    else:
        counterfeit, product = "true", "NULL::VARCHAR"
    counterfeit = f"COALESCE({counterfeit}, false)"

    rules: list[tuple[str, str]] = []
    if sellers is not None:
        rules.append(("other_seller", f"seller NOT IN ({_sql_list(sellers) or 'NULL'})"))
    rules.append(("not_counterfeit", f"NOT {counterfeit}"))
    rules.append(("other_currency", f"currency IS NOT NULL AND currency <> {_qstr(currency)}"))
    if period is not None:
        rules.append(("outside_period",
                      f"NOT (ts::DATE BETWEEN DATE '{period.start.isoformat()}' AND DATE '{period.end.isoformat()}')"))
    rules.append(("unpaid", f"status IN ({_sql_list(UNPAID_STATUSES)})"))
    rules.append(("closed", f"status IN ({_sql_list(CLOSED_STATUSES)}) OR contains(status, '交易关闭')"))
    rules.append(("fully_refunded",
                  f"(amount > 0 AND refund >= amount) OR status IN ({_sql_list(REFUNDED_STATUSES)})"))
    outcome = ("CASE WHEN reason IS NOT NULL THEN 'rejected' "
               + " ".join(f"WHEN COALESCE({cond}, false) THEN {_qstr(name)}" for name, cond in rules)
               + " ELSE 'candidate' END")
    return (
        f"WITH src AS ({union_sql}),\n"
        f"typed AS (SELECT {', '.join(typed)}, {', '.join(raw)} FROM src),\n"
        f"checked AS (SELECT *, {reason} AS reason"
        + (", " + ", ".join(match_cols) if match_cols else "")
        + f", {product} AS product FROM typed)\n"
        f"SELECT *, {outcome} AS outcome, strftime(ts, '%Y-%m') AS month FROM checked"
    )


def build_groups_sql(classify_sql: str, n_rules: int) -> str:
    """The one aggregation pass (see the module docstring)."""
    cand = "outcome = 'candidate'"
    matched = ", ".join(f"count(*) FILTER (WHERE reason IS NULL AND _m{i}) AS m{i}" for i in range(n_rules))
    return f"""
SELECT outcome,
       split_part(reason, '|', 1) AS reason,
       seller,
       CASE WHEN {cand} THEN order_id END AS k_order,
       CASE WHEN {cand} THEN sku END AS k_sku,
       CASE WHEN outcome NOT IN ('rejected', 'candidate') THEN month END AS k_month,
       count(*) AS n,
       min(_pos) AS first_pos,
       arg_min(struct_pack(pos := _pos, month := month, ts := ts, qty := qty3::BIGINT, amount := amount,
                           refund := refund, buyer := buyer, product := product, currency := currency),
               _pos) FILTER (WHERE {cand}) AS kept,
       min_by(struct_pack(pos := _pos, file := _file, ord := _ord, reason := reason,
                          order_id := r_order_id, seller := r_seller, sku := r_sku, quantity := r_quantity,
                          amount := r_amount, unit_price := r_unit_price, refund := r_refund,
                          created := r_created),
              _pos, {MAX_EXAMPLES}) FILTER (WHERE outcome = 'rejected') AS examples,
       list(DISTINCT currency) FILTER (WHERE reason IS NULL AND currency IS NOT NULL) AS currencies
       {', ' + matched if matched else ''}
FROM ({classify_sql})
GROUP BY ALL
"""


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------

@dataclass
class SellerResult:
    seller: str | None
    valid_rows: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    kept: int = 0


@dataclass
class ScanResult:
    """What one pass over a set of files produced, for any number of sellers."""

    sources: list[srcmod.Source]
    rows_read: int
    rejected: int
    reject_reasons: dict[str, int]
    examples: list[RejectedRow]
    matched_by_rule: dict[str, int]
    currencies: list[str]
    per_seller: dict[str | None, SellerResult]
    per_file_rows: dict[int, int]
    sql: list[str]
    con: object  # the DuckDB connection holding table `sales_groups`


def _resolve_files(folder_path: Path, patterns: list[str]) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    for pattern in patterns:
        full = Path(pattern) if Path(pattern).is_absolute() else folder_path / pattern
        if any(ch in pattern for ch in "*?["):
            matches = sorted(globmod.glob(str(full), recursive=True))
            if not matches:
                raise DataFileError("no sales file matches this pattern", pattern)
            for m in matches:
                p = Path(m)
                label = str(p.relative_to(folder_path)) if p.is_relative_to(folder_path) else m
                out.append((label, p))
        else:
            if not full.exists():
                raise DataFileError("sales file not found", pattern)
            out.append((pattern, full))
    return out


def scan(folder_path: Path, config: SalesConfig, products: list["Product"], *,
         sellers: list[str] | None, fixed_seller: str | None, currency: str = "CNY",
         memory_limit: str | None = None, threads: int | None = None) -> ScanResult:
    """Open the files, run the single classification/aggregation pass, collect the counts."""
    import duckdb

    files = _resolve_files(folder_path, config.files)
    con = duckdb.connect()
    if memory_limit:
        con.execute(f"SET memory_limit = {_qstr(memory_limit)}")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    workdir_obj = srcmod.temp_workdir()
    workdir = Path(workdir_obj.name)
    con.execute(f"SET temp_directory = {_qstr(str(workdir / 'spill'))}")
    try:
        sources = [srcmod.open_source(con, i, label, path, config, workdir)
                   for i, (label, path) in enumerate(files)]
        cols: set[str] = set()
        for s in sources:
            cols |= set(s.match.mapping)
            if s.format == "jsonl":
                cols.add("_malformed")
        _check_consistent_columns(sources)
        selection = Selection.from_products(products, "sku" in cols, "title" in cols)
        union_sql = "\nUNION ALL BY NAME\n".join(f"({s.select_sql})" for s in sources)
        # Columns a file lacks (when several files differ) come out as NULL via UNION BY NAME.
        classify = build_classify_sql(union_sql, cols, selection, config.period, sellers, fixed_seller, currency)
        groups_sql = build_groups_sql(classify, len(selection.rules))
        try:
            con.execute(f"CREATE TEMP TABLE sales_groups AS {groups_sql}")
        except duckdb.Error as exc:
            first = sources[0]
            raise DataFileError(f"cannot process the sales data: {srcmod._duck_message(exc)}", first.label) from None
        return _collect(con, sources, selection, [groups_sql])
    finally:
        # Transcoded copies are deleted now; the groups table lives in the connection.
        workdir_obj.cleanup()


def _check_consistent_columns(sources: list[srcmod.Source]) -> None:
    if len(sources) < 2:
        return
    first = set(sources[0].match.mapping)
    for s in sources[1:]:
        if "seller" in first and "seller" not in s.match.mapping:
            raise DataFileError("no seller column, unlike the other sales files", s.label,
                                f"line {s.match.header_line}")


def _collect(con, sources: list[srcmod.Source], selection: Selection, sql: list[str]) -> ScanResult:
    per_file: dict[int, int] = {s.index: s.rows for s in sources}
    reject_reasons: dict[str, int] = defaultdict(int)
    per_seller: dict[str | None, SellerResult] = {}
    currencies: set[str] = set()
    n_rules = len(selection.rules)
    matched = [0] * n_rules
    example_rows: list[dict] = []
    m_cols = "".join(f", m{i}" for i in range(n_rules))
    m_sums = "".join(f", sum(m{i})" for i in range(n_rules))
    q = (f"SELECT outcome, reason, seller, n, examples, currencies, NULL, NULL, NULL{m_cols} "
         f"FROM sales_groups WHERE outcome <> 'candidate' UNION ALL "
         f"SELECT 'candidate', NULL, seller, sum(n), NULL, flatten(list(currencies)), count(*), "
         f"count(*) FILTER (WHERE n > 1), sum(n - 1){m_sums} "
         f"FROM sales_groups WHERE outcome = 'candidate' GROUP BY seller")
    for row in con.execute(q).fetchall():
        outcome, reason, seller, n, examples, curs, keys, dup_ids, dup_rows = row[:9]
        for i, m in enumerate(row[9:]):
            matched[i] += int(m or 0)
        n = int(n)
        for c in curs or []:
            currencies.add(c)
        if outcome == "rejected":
            reject_reasons[reason] += n
            example_rows.extend(examples or [])
            continue
        sr = per_seller.setdefault(seller, SellerResult(seller))
        sr.valid_rows += n
        if outcome == "candidate":
            sr.kept = int(keys)
            if dup_rows:
                sr.excluded["duplicate"] = int(dup_rows)
                sr.excluded["_duplicate_ids"] = int(dup_ids)
        else:
            sr.excluded[outcome] = sr.excluded.get(outcome, 0) + n
    # Malformed lines the CSV reader skipped are rejected rows too.
    examples: list[RejectedRow] = []
    dropped_total = 0
    for s in sources:
        for line, reason in s.dropped_examples:
            dropped_total += 1
            reject_reasons["malformed line"] += 1
            if len(examples) < MAX_EXAMPLES:
                examples.append(RejectedRow(file=s.label, line=line, column=None, value=None,
                                            reason=reason))
    example_rows.sort(key=lambda e: e["pos"])
    for e in example_rows[: MAX_EXAMPLES]:
        s = sources[e["file"]]
        reason, _, column = e["reason"].partition("|")
        header = s.match.column(column) if column else None
        value = e.get(column) if column else None
        examples.append(RejectedRow(file=s.label, line=s.line_of(int(e["ord"])),
                                    column=header or (column or None), value=value, reason=reason))
    examples.sort(key=lambda r: (r.file, r.line))
    examples = examples[:MAX_EXAMPLES]
    rows_read = sum(per_file.values())
    rejected = sum(reject_reasons.values())
    return ScanResult(
        sources=sources, rows_read=rows_read, rejected=rejected, reject_reasons=dict(reject_reasons),
        examples=examples, matched_by_rule={r.name: matched[i] for i, r in enumerate(selection.rules)},
        currencies=sorted(currencies), per_seller=per_seller, per_file_rows=dict(per_file), sql=sql, con=con)


# ---------------------------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------------------------

_LINES_SQL = """
SELECT seller, k_sku AS sku, {month} AS month, any_value(kept.product) AS product,
       count(DISTINCT k_order) AS orders, sum(kept.qty) AS units,
       count(DISTINCT kept.buyer) AS customers,
       sum(kept.amount) AS gross, sum(kept.refund) AS refunds,
       min(kept.ts)::DATE AS first_order, max(kept.ts)::DATE AS last_order
FROM sales_groups WHERE outcome = 'candidate' AND {where}
GROUP BY ALL ORDER BY seller, sku{order_month}
"""
_TOTALS_SQL = """
SELECT count(DISTINCT (seller, k_order)) AS orders, COALESCE(sum(kept.qty), 0) AS units,
       count(DISTINCT kept.buyer) AS customers,
       COALESCE(sum(kept.amount), 0) AS gross, COALESCE(sum(kept.refund), 0) AS refunds,
       min(kept.ts)::DATE, max(kept.ts)::DATE
FROM sales_groups WHERE outcome = 'candidate' AND {where}
"""


def _line(row, month: bool) -> SalesLine:
    seller, sku, mon, product, orders, units, customers, gross, refunds, first, last = row
    gross = Decimal(gross or 0)
    refunds = Decimal(refunds or 0)
    units = int(units or 0)
    return SalesLine(seller=seller, sku=sku or "", product=product, month=mon if month else None,
                     orders=int(orders), units=units, customers=int(customers), gross=gross, refunds=refunds,
                     net=gross - refunds, first_order=first, last_order=last,
                     avg_unit_price=quantize((gross - refunds) / units) if units else None)


def _months(start: date, end: date) -> list[str]:
    out = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def summary_for(result: ScanResult, sellers: list[str | None] | None, config: SalesConfig,
                currency: str = "CNY", group_by_month: bool = True) -> SalesSummary:
    """Report + aggregates for the given sellers (None = every seller in the scan)."""
    con = result.con
    if sellers is None:
        chosen = list(result.per_seller)
    else:
        chosen = [s for s in sellers if s in result.per_seller]
    if chosen:
        where = "(" + " OR ".join("seller IS NULL" if s is None else f"seller = {_qstr(s)}" for s in chosen) + ")"
    else:
        where = "false"
    valid_total = sum(sr.valid_rows for sr in result.per_seller.values())
    excluded: dict[str, int] = {}
    dup_ids = 0
    kept = 0
    valid_chosen = 0
    for s in chosen:
        sr = result.per_seller[s]
        valid_chosen += sr.valid_rows
        kept += sr.kept
        for rule, n in sr.excluded.items():
            if rule == "_duplicate_ids":
                dup_ids += n
            else:
                excluded[rule] = excluded.get(rule, 0) + n
    if valid_total - valid_chosen:
        excluded["other_seller"] = excluded.get("other_seller", 0) + valid_total - valid_chosen
    excluded = {r: excluded[r] for r in EXCLUSION_RULES if excluded.get(r)}

    by_sku = [_line(r, False) for r in con.execute(
        _LINES_SQL.format(month="NULL", where=where, order_month="")).fetchall()]
    by_month = [_line(r, True) for r in con.execute(
        _LINES_SQL.format(month="kept.month", where=where, order_month=", month")).fetchall()] if group_by_month else []
    t = con.execute(_TOTALS_SQL.format(where=where)).fetchone()
    gross, refunds = Decimal(t[3]), Decimal(t[4])
    totals = SalesTotals(orders=int(t[0]), units=int(t[1]), customers=int(t[2]), gross=gross, refunds=refunds,
                         net=gross - refunds, first_order=t[5], last_order=t[6])

    # Gaps: months of the period (or of the data's span) without a single valid row of the seller.
    months_present = {r[0] for r in con.execute(
        f"SELECT DISTINCT k_month FROM sales_groups WHERE k_month IS NOT NULL AND {where} "
        f"UNION SELECT DISTINCT kept.month FROM sales_groups WHERE outcome = 'candidate' AND {where}").fetchall()}
    months_present.discard(None)
    gaps: list[str] = []
    if config.period is not None:
        gaps = [m for m in _months(config.period.start, config.period.end) if m not in months_present]
    elif months_present:
        lo, hi = min(months_present), max(months_present)
        span = _months(date(int(lo[:4]), int(lo[5:]), 1), date(int(hi[:4]), int(hi[5:]), 1))
        gaps = [m for m in span if m not in months_present]

    report = ValidationReport(
        rows_read=result.rows_read, rows_kept=kept, excluded=excluded, rejected=result.rejected,
        rejected_by_reason=dict(sorted(result.reject_reasons.items())),
        rejected_examples=result.examples, duplicate_order_ids=dup_ids, currencies=result.currencies,
        period_gaps=gaps, matched_by_rule=result.matched_by_rule)
    warnings: list[str] = []
    if len(result.currencies) > 1:
        warnings.append(f"mixed currencies in the export ({', '.join(result.currencies)}): "
                        f"rows not in {currency} are excluded")
    if gaps:
        warnings.append(f"no orders at all in {len(gaps)} month(s) of the period: {', '.join(gaps)} "
                        "(is the export complete?)")
    if not result.matched_by_rule:
        warnings.append("no counterfeit selection (products[].skus / title_keywords): every row counts")
    if dup_ids:
        warnings.append(f"{dup_ids} order line(s) appear more than once; the first occurrence is kept")
    files = []
    for s in result.sources:
        rows = result.per_file_rows.get(s.index, 0)
        last = s.line_of(rows - 1 - len(s.dropped_lines)) if rows > len(s.dropped_lines) else s.first_line
        if s.dropped_lines:
            last = max(last, s.dropped_lines[-1])
        files.append(SalesFile(path=s.label, sha256=s.sha256, rows=rows, first_line=s.first_line,
                               last_line=last, format=s.format, profile=s.match.profile,
                               encoding=s.encoding, sheet=s.sheet))
    for s in result.sources:
        warnings.extend(f"{s.label}: {n}" for n in s.notes)
    profile = result.sources[0].match.profile if result.sources else (config.profile or "generic")
    return SalesSummary(currency=currency, files=files, profile=profile, period=config.period, report=report,
                        by_sku=by_sku, by_month=by_month, totals=totals, sql=result.sql, warnings=warnings)


def _enforce(summary: SalesSummary, config: SalesConfig, accept_rejects: bool, require_sales: bool) -> None:
    report = summary.report
    label = summary.files[0].path if summary.files else None
    if report.rows_read and not accept_rejects:
        share = Decimal(report.rejected) / Decimal(report.rows_read)
        if share > config.max_reject_share:
            first = report.rejected_examples[0] if report.rejected_examples else None
            where = f"line {first.line}" if first else None
            raise SalesRejectError(
                f"{report.rejected} of {report.rows_read} rows are malformed ({share:.2%} > "
                f"sales.max_reject_share {Decimal(config.max_reject_share):.2%}); fix the file or pass "
                "--accept-rejects", first.file if first else label, where, summary)
    if require_sales and summary.totals.orders == 0:
        raise SalesRejectError("no counterfeit sales rows after filters", label, None, summary)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def _case_sellers(case) -> list[str]:
    return [str(shop.seller_id) for d in case.defendants for shop in getattr(d, "shops", []) or []
            if getattr(shop, "seller_id", None)]


def summarise(folder: "CaseFolder", accept_rejects: bool = False, group_by_month: bool = True,
              require_sales: bool | None = None, memory_limit: str | None = None) -> SalesSummary:
    """Load, validate, filter and aggregate the case's order exports.

    Raises DataFileError (one line) for unreadable input, and :class:`SalesRejectError` (carrying
    ``.summary`` / ``.report``) when too many rows are malformed or no counterfeit sale is kept
    while the case's scenarios need sales (``require_sales`` None = ask the case).
    """
    case = folder.case
    config = case.sales
    if config is None:
        raise DataFileError("case.yaml has no `sales:` section", str(folder.case_file))
    sellers = _case_sellers(case)
    result = scan(folder.path, config, list(case.products), sellers=None, fixed_seller=None,
                  currency=config.currency or case.currency, memory_limit=memory_limit)
    platform_side = any(s.match.profile == "platform" or "seller" in s.match.mapping for s in result.sources)
    if platform_side:
        if not sellers:
            raise DataFileError("a platform-side export needs defendants[].shops[].seller_id to select rows",
                                str(folder.case_file))
        chosen: list[str | None] | None = list(sellers)
    else:
        chosen = None  # a seller-side export is one seller's own orders
    summary = summary_for(result, chosen, config, currency=config.currency or case.currency,
                          group_by_month=group_by_month)
    if not platform_side and sellers:
        for line in summary.by_sku + summary.by_month:
            line.seller = sellers[0]
    if require_sales is None:
        require_sales = case.needs_sales()
    _enforce(summary, config, accept_rejects, require_sales)
    return summary


def summarise_all_sellers(folder_path: str | Path, config: SalesConfig, products: list["Product"],
                          sellers: list[str] | None = None, currency: str = "CNY",
                          group_by_month: bool = True, memory_limit: str | None = None
                          ) -> dict[str, SalesSummary]:
    """One pass over a platform-side export; a summary per seller (all sellers when None).

    Each seller's report reconciles on its own: rows of other sellers count as ``other_seller``;
    malformed rows count for every seller (the file's quality).
    """
    result = scan(Path(folder_path), config, products, sellers=None, fixed_seller=None, currency=currency,
                  memory_limit=memory_limit)
    wanted = sellers if sellers is not None else sorted(s for s in result.per_seller if s is not None)
    return {s: summary_for(result, [s], config, currency=currency, group_by_month=group_by_month)
            for s in wanted}


def detect_profile(path: str | Path, sheet: str | None = None, encoding: str | None = None) -> ProfileMatch:
    """Which profile matches a file's header, and why (``litigator sales CASE --detect``)."""
    import duckdb

    p = Path(path)
    config = SalesConfig(files=[str(p)], sheet=sheet, encoding=encoding)
    con = duckdb.connect()
    with srcmod.temp_workdir() as tmp:
        src = srcmod.open_source(con, 0, str(path), p, config, Path(tmp), header_only=True)
    con.close()
    return src.match


def detect_case_profiles(folder: "CaseFolder") -> list[ProfileMatch]:
    """``detect_profile`` for every file of the case (globs expanded), with the case's settings."""
    import duckdb

    config = folder.case.sales
    if config is None:
        raise DataFileError("case.yaml has no `sales:` section", str(folder.case_file))
    out = []
    with srcmod.temp_workdir() as tmp:
        for i, (label, path) in enumerate(_resolve_files(folder.path, config.files)):
            con = duckdb.connect()
            try:
                out.append(srcmod.open_source(con, i, label, path, config, Path(tmp), header_only=True).match)
            finally:
                con.close()
    return out


__all__ = ["detect_case_profiles", "SalesRejectError", "detect_profile", "summarise", "summarise_all_sellers", "scan", "summary_for",
           "LitigatorError"]
