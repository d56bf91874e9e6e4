"""The sales engine: load order exports into DuckDB, validate, filter, deduplicate, aggregate.

One pass over the data classifies every row (SQL from :func:`build_classify_sql`) and groups it
(:func:`build_groups_sql`) into the table ``sales_groups``:

* each row gets an outcome code ``o``: 0 = candidate (a counterfeit sale of the period; -1 when its
  status is still to be read in Python, see :func:`_apply_statuses`), 1…n = the
  exclusion rule that removed it (other seller, not counterfeit, other currency, outside the period,
  unpaid, closed, fully refunded), or ``REJECT_BASE + k`` = malformed for reason ``k`` (first
  failing check wins);
* a candidate is grouped by its whole content (seller, order id, SKU, time, quantity, amounts,
  buyer, matched rule), so identical duplicate lines collapse into one group with ``n`` > 1;
* excluded rows are grouped by rule, seller, month and matched selection rules (counts only);
* rejected rows are grouped by reason and keep the first examples (``min_by`` over the position).

The grouped result is small, and every figure is computed from it: order lines are deduplicated on
``(seller, order_id, sku)`` keeping the first occurrence in file order (``kept_lines``), then
aggregated per seller, SKU and month. Money is DECIMAL(18,2) in DuckDB and Decimal in Python.
"""

from __future__ import annotations

import glob as globmod
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from litigator.errors import DataFileError, LitigatorError
from litigator.money import quantize
from litigator.sales import encoding as encmod
from litigator.sales import sources as srcmod
from litigator.sales import statuses as stmod
from litigator.sales.model import (
    ExtractRow,
    KeptLines,
    Period,
    RejectedRow,
    SalesConfig,
    SalesExtract,
    SalesFile,
    SalesLine,
    SalesSummary,
    SalesTotals,
    ValidationReport,
)
from litigator.sales.profiles import ProfileMatch
from litigator.sales.statuses import CLOSED_STATUSES, REFUNDED_STATUSES, UNPAID_STATUSES
from litigator.warnings import Warnings

if TYPE_CHECKING:  # pragma: no cover
    from litigator.casefile import CaseFolder
    from litigator.models import Product

MAX_EXAMPLES = 10
MAX_STATUS_EXAMPLES = 5  # unknown statuses named in the warning

# Warning kinds of this stage that the shared table (litigator/warnings.py) does not list yet.

# Exclusion rules, in the order they are tested (a row is counted under the first that applies);
# ``duplicate`` is applied last, on the groups.
EXCLUSION_RULES = ("other_seller", "not_counterfeit", "other_currency", "outside_period", "unpaid",
                   "closed", "fully_refunded", "duplicate")
REJECT_BASE = 32

# Order statuses: the plain unpaid/closed/refunded ones are tested in SQL; the statuses of the rows
# still candidates are read in Python (statuses.py) after the main pass, which may move their rows.
STATUS_RULES = ("unpaid", "closed", "fully_refunded")
DATE_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y.%m.%d %H:%M:%S", "%Y.%m.%d",
                "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日", "%Y-%m-%d %H:%M",
                "%Y-%m-%dT%H:%M:%S")


class SalesRejectError(DataFileError):
    """Too many malformed rows, or no counterfeit sales kept. Carries the summary to print."""

    def __init__(self, what: str, path: str | None, where: str | None, summary: SalesSummary) -> None:
        super().__init__(what, path, where)
        self.summary = summary
        self.report = summary.report


# ---------------------------------------------------------------------------------------------
# Selection of counterfeit rows
# ---------------------------------------------------------------------------------------------

@dataclass
class SelectionRule:
    name: str  # "sku:PM-CAT-2K", "title:宠美佳", "title~<regex>"
    product: str
    kind: str  # "sku" or "title"
    value: str  # the SKU, keyword or regex
    regex: bool = False


@dataclass
class Selection:
    """Counterfeit selection: SKU rules (one lookup per row) and title rules (a bit each)."""

    rules: list[SelectionRule] = field(default_factory=list)

    @property
    def sku_rules(self) -> list[SelectionRule]:
        return [r for r in self.rules if r.kind == "sku"]

    @property
    def title_rules(self) -> list[SelectionRule]:
        return [r for r in self.rules if r.kind == "title"]

    @classmethod
    def from_products(cls, products: Iterable["Product"], has_sku: bool, has_title: bool) -> "Selection":
        rules: list[SelectionRule] = []
        seen_skus: set[str] = set()
        for p in products:
            if has_sku:
                for sku in p.skus:
                    if str(sku) not in seen_skus:
                        seen_skus.add(str(sku))
                        rules.append(SelectionRule(f"sku:{sku}", p.name, "sku", str(sku)))
            if has_title:
                for kw in p.title_keywords:
                    if kw.startswith("re:"):
                        rules.append(SelectionRule(f"title~{kw[3:]}", p.name, "title", kw[3:], regex=True))
                    else:
                        rules.append(SelectionRule(f"title:{kw}", p.name, "title", kw))
        return cls(rules)


def _variants(statuses: Iterable[str]) -> list[str]:
    """Status spellings as exports write them: as listed, UPPER, Capitalised, Title Case."""
    out: list[str] = []
    for st in statuses:
        for v in (st, st.upper(), st.capitalize(), st.title()):
            if v not in out:
                out.append(v)
    return out


def _qstr(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join(_qstr(v) for v in values)


# ---------------------------------------------------------------------------------------------
# The classification SQL
# ---------------------------------------------------------------------------------------------

_CLEAN_MONEY = "regexp_replace(CAST({x} AS VARCHAR), '[\\s,¥￥元]|^RMB|^CNY', '', 'g')"


def _money(expr: str, blank_is_zero: bool = False) -> str:
    """DECIMAL(18,2) from a cell: plain numbers by a cast; only cells the cast rejects are cleaned
    of ¥, commas, 元 and spaces (COALESCE evaluates its second argument only for those rows)."""
    cleaned = f"TRY_CAST({_CLEAN_MONEY.format(x=expr)} AS DECIMAL(18,2))"
    if blank_is_zero:
        cleaned = f"CASE WHEN {_blank(expr)} THEN 0::DECIMAL(18,2) ELSE {cleaned} END"
    return f"COALESCE(TRY_CAST({expr} AS DECIMAL(18,2)), {cleaned})"


def _blank(expr: str) -> str:
    return f"({expr} IS NULL OR trim(CAST({expr} AS VARCHAR)) = '')"


_TAB = "chr(9)"


def _padded(v: str, starts: list[str], ends: list[str]) -> str:
    """Cheap byte tests (no IN list, which DuckDB would turn into a join): padded or protected?"""
    return " OR ".join([f"starts_with({v}, {c})" for c in starts] + [f"ends_with({v}, {c})" for c in ends])


def _code_test(v: str) -> str:
    return _padded(v, ["'='", "''''", "'\"'", "' '", _TAB], ["'\"'", "' '", _TAB])


def _text_test(v: str) -> str:
    return _padded(v, ["' '", _TAB], ["' '", _TAB])


def _code(expr: str, clean: bool = True) -> str:
    """An identifier cell without Excel protection (``="123"``, ``'123``) or padding; '' -> NULL.
    ``clean=False`` (the sample showed no such cell) skips the per-row tests."""
    v = f"CAST({expr} AS VARCHAR)"
    if not clean:
        return f"nullif({v}, '')"
    return f"nullif(CASE WHEN {_code_test(v)} THEN trim({v}, ' ' || {_TAB} || '=\"''') ELSE {v} END, '')"


def _text(expr: str, clean: bool = True) -> str:
    """A text cell, trimmed only when padded; '' -> NULL."""
    v = f"CAST({expr} AS VARCHAR)"
    if not clean:
        return f"nullif({v}, '')"
    return f"nullif(CASE WHEN {_text_test(v)} THEN trim({v}, ' ' || {_TAB}) ELSE {v} END, '')"


CLEANING_SAMPLE_ROWS = 50_000
CLEANED_CODES = ("order_id", "sku")
CLEANED_TEXTS = ("seller", "buyer", "status", "currency")


SERIAL_DATES = "_serial_dates"  # key of the sample's answer: order times written as Excel serial numbers


def _serial_like(x: str) -> str:
    """Does the cell read as an Excel serial number (five digits, optional fraction)?"""
    return f"regexp_full_match(trim(CAST({x} AS VARCHAR)), '{srcmod._SERIAL_RE}')"


def needs_cleaning_names(cols: set[str]) -> list[str]:
    """The answers of :func:`needs_cleaning_sql`, in order."""
    return [c for c in CLEANED_CODES + CLEANED_TEXTS if c in cols] + ([SERIAL_DATES] if "created" in cols else [])


def needs_cleaning_sql(union_sql: str, cols: set[str], sample_rows: int | None = 50_000) -> str:
    """Which text columns hold padded or Excel-protected cells in the first rows of the data, and
    whether order times are Excel serial numbers (``sample_rows`` None: ``union_sql`` is a sample).

    Exports are machine-written, so one layout runs through a file: the per-row cleaning tests are
    generated only for columns where the sample shows a need (they cost a third of the pass), and
    the serial-date reading only when the sample holds one (it costs ~10 % of a Parquet pass even
    where it is never reached; a serial date further down is rejected with its own reason)."""
    tests = []
    for c in CLEANED_CODES + CLEANED_TEXTS:
        if c in cols:
            v = f"CAST({c} AS VARCHAR)"
            t = _code_test(v) if c in CLEANED_CODES else _text_test(v)
            tests.append(f"COALESCE(bool_or({t}), false) AS {c}")
    if "created" in cols:
        serial = f"TRY_CAST(created AS TIMESTAMP) IS NULL AND {_serial_like('created')}"
        tests.append(f"COALESCE(bool_or({serial}), false) AS {SERIAL_DATES}")
    if not tests:
        return ""
    limit = f" LIMIT {sample_rows}" if sample_rows else ""
    return f"SELECT {', '.join(tests)} FROM (SELECT * FROM ({union_sql}){limit})"


# An order number in exponent notation (3.87112E+18): a spreadsheet stored it as a number and kept
# 15 digits. Not a rejected row but a refused file (scan raises): thirty orders would become one.
# The cheap `contains` runs on every row, the regular expression only on ids holding a '+'.
LOST_DIGITS_CHECK = ("contains(order_id, '+') AND "
                     "regexp_full_match(order_id, '[+-]?[0-9]*[.]?[0-9]+[eE][+][0-9]+')")
LOST_DIGITS_REASON = "order number in exponent notation (lost digits)"
SERIAL_REASON = ("date is a number (an Excel serial date? outside 1990–2099, or first seen after the rows "
                 "sampled: format the column as a date and export again)")


# A totals row (合计, 总计, 小计, Total …) under the data: no order time, no order number (or the label
# in its cell), and a label as its first non-empty cell (``_lead``, provided by the sources of files
# whose last row is such a row; see sources.totals_label_index). Checked first, on rows without a
# time only; counted apart (``totals_rows``), never as data.
TOTALS_REASON = "totals row"
TOTALS_CHECK = (f"(ts IS NULL AND {_blank('r_created')} AND (order_id IS NULL OR "
                f"regexp_full_match(order_id, {_qstr(srcmod.TOTALS_LABEL)})) AND "
                f"regexp_full_match(_lead, {_qstr(srcmod.TOTALS_LABEL)}))")


@dataclass
class Checks:
    """The malformed-row checks, in order; code = REJECT_BASE + index."""

    items: list[tuple[str, str, str | None]] = field(default_factory=list)  # (sql, reason, column)

    def reason(self, code: int) -> tuple[str, str | None]:
        _, reason, column = self.items[code - REJECT_BASE]
        return reason, column

    def code(self, reason: str) -> int:
        return REJECT_BASE + next(i for i, item in enumerate(self.items) if item[1] == reason)


def build_checks(cols: set[str]) -> Checks:
    """The malformed-row checks, first failing wins. A check is ``(sql, reason, column)``; a check
    whose sql starts with ``ts IS NULL`` etc. is nested so string work runs only on failing rows."""
    has = cols.__contains__
    items: list[tuple[str, str, str | None]] = [("_malformed", "malformed line", None)]
    if has("_lead"):  # a file ending in a totals row (sources.py): such rows are not data rows
        items.append((TOTALS_CHECK, TOTALS_REASON, "_lead"))
    items += [("order_id IS NULL", "missing key", "order_id"),
              (LOST_DIGITS_CHECK, LOST_DIGITS_REASON, "order_id")]
    if has("seller"):
        items.append(("seller IS NULL", "missing key", "seller"))
    items += [
        ("ts IS NULL AND (r_created IS NULL OR trim(CAST(r_created AS VARCHAR)) = '')", "missing key", "created"),
        (f"ts IS NULL AND {_serial_like('r_created')}", SERIAL_REASON, "created"),
        ("ts IS NULL", "unparsable date", "created"),
        ("qty3 IS NULL", "unparsable number", "quantity"),
        ("qty3 < 0", "negative quantity", "quantity"),
        ("qty3 <> trunc(qty3)", "quantity not a whole number", "quantity"),
    ]
    if has("amount"):
        items += [("amount IS NULL", "unparsable number", "amount"),
                  ("amount < 0", "negative price", "amount")]
    else:  # amount = unit_price × quantity
        items += [("amount IS NULL", "unparsable number", "unit_price"),
                  ("amount < 0", "negative price", "unit_price")]
    if has("refund"):
        items += [("refund IS NULL", "unparsable number", "refund"),
                  ("refund < 0", "negative refund", "refund"),
                  ("refund > amount", "refund exceeds amount paid", "refund")]
    return Checks(items)


def _reject_case(checks: Checks) -> str:
    """CASE over the checks; the created-date checks (``ts IS NULL AND …``, then ``ts IS NULL``) share
    one nested CASE, so their string tests run only on rows without a time."""
    parts = []
    items = list(enumerate(checks.items))
    i = 0
    while i < len(items):
        idx, (cond, _, _) = items[i]
        if cond.startswith("ts IS NULL AND "):
            inner = []
            while items[i][1][0].startswith("ts IS NULL AND "):
                j, (c, _, _) = items[i]
                inner.append(f"WHEN {c.removeprefix('ts IS NULL AND ')} THEN {REJECT_BASE + j}")
                i += 1
            j, (c, _, _) = items[i]
            assert c == "ts IS NULL", c
            parts.append(f"WHEN ts IS NULL THEN CASE {' '.join(inner)} ELSE {REJECT_BASE + j} END")
            i += 1
            continue
        parts.append(f"WHEN {cond} THEN {REJECT_BASE + idx}")
        i += 1
    return "CASE " + " ".join(parts) + " END"


def build_classify_sql(union_sql: str, cols: set[str], selection: Selection, checks: Checks,
                       period: Period | None, sellers: list[str] | None, fixed_seller: str | None,
                       currency: str, clean: dict[str, bool] | None = None, rejects_only: bool = False,
                       sku_map: bool = False, learned: dict[str, list[str]] | None = None) -> str:
    """SQL yielding every row with typed values and its outcome code ``o``.

    ``clean`` (column -> bool, from :func:`needs_cleaning_sql`) turns per-row trimming off for
    columns whose sample needed none; None cleans every column. ``rejects_only`` leaves the SKU
    lookup out: the reject codes do not depend on it, and without the join the rows stream in
    file order (the examples pass takes the first rejects with LIMIT).

    Counterfeit SKUs are looked up in a constant MAP when there are at most SKU_MAP_MAX of them,
    else with a LEFT JOIN on a VALUES list: the MAP is scanned for every row (~0.19 s per 10M rows
    for 20 SKUs, ~0.9 s for 500), the hash join costs the same for any number (about what the MAP
    costs for 20 on CSV, ~0.1 s more on Parquet). The SQL must be run with
    :data:`MAIN_PASS_SETTINGS`, or DuckDB may hash the export and probe it with the SKU list.
    ``sku_map`` forces the MAP whatever the number of SKUs: rows then stream in file order (passes
    that stop early with LIMIT). ``learned`` (rule -> statuses): statuses read in Python after the
    main pass (compound ones, ``sales.statuses``), tested after the built-in status rules, as the
    main pass applied them (to its candidate rows)."""
    has = cols.__contains__
    cl = (lambda c: True) if clean is None else (lambda c: clean.get(c, True))  # noqa: E731
    seller = (_text("seller", cl("seller")) if has("seller")
              else (_qstr(fixed_seller) if fixed_seller else "NULL::VARCHAR"))
    amount = (_money("amount") if has("amount")
              else f"({_money('unit_price')} * TRY_CAST(quantity AS DECIMAL(18,3)))::DECIMAL(18,2)")
    fmts = "[" + _sql_list(DATE_FORMATS) + "]"
    typed = [
        "_file", "(_file::BIGINT << 40) + _ord AS _pos",
        ("_malformed" if has("_malformed") else "false AS _malformed"),
        f"{_code('order_id', cl('order_id'))} AS order_id",
        f"{seller} AS seller",
        (f"{_text('buyer', cl('buyer'))} AS buyer" if has("buyer") else "NULL::VARCHAR AS buyer"),
        ("CAST(title AS VARCHAR) AS title" if has("title") else "NULL::VARCHAR AS title"),
        (f"{_code('sku', cl('sku'))} AS sku" if has("sku") else "NULL::VARCHAR AS sku"),
        "TRY_CAST(quantity AS DECIMAL(18,3)) AS qty3",
        f"{amount} AS amount",
        (f"{_money('refund', blank_is_zero=True)} AS refund" if has("refund") else "0::DECIMAL(18,2) AS refund"),
        (f"{_text('status', cl('status'))} AS status" if has("status") else "NULL::VARCHAR AS status"),
        # Only a cell the cast cannot read gets the formats (COALESCE is lazy), then, when the sample
        # held one, Excel's serial dates (45294.375). The text is trimmed once, in a lambda: written out
        # twice, DuckDB's common-subexpression pass would trim (for a TIMESTAMP column, format) every
        # row first (+20 % on the Parquet pass).
        (f"COALESCE(TRY_CAST(created AS TIMESTAMP), list_transform([trim(CAST(created AS VARCHAR))], "
         f"lambda v: COALESCE(try_strptime(v, {fmts}), {srcmod.excel_serial_sql('v', text=True)}))[1]) AS ts"
         if cl(SERIAL_DATES) else
         f"COALESCE(TRY_CAST(created AS TIMESTAMP), try_strptime(trim(CAST(created AS VARCHAR)), {fmts})) AS ts"),
        (f"upper({_text('currency', cl('currency'))}) AS currency" if has("currency")
         else "NULL::VARCHAR AS currency"),
    ]
    # The raw cells, for the rejected rows' examples. Passed through as read: a typed column
    # (Parquet BIGINT, DECIMAL, TIMESTAMP) is cast to text only for the rows shown (in
    # _bad_value_sql); casting every row cost ~0.3 CPU-s per 10M rows. For a CSV column (text) this
    # is the same reference as before, which also keeps DuckDB from pushing TRY_CAST into the
    # reader (see the caveat in docs/sales.md).
    raw = ["order_id AS r_order_id", "quantity AS r_quantity", "created AS r_created"]
    for c in ("seller", "sku", "amount", "unit_price", "refund"):
        raw.append(f"{c} AS r_{c}" if has(c) else f"NULL::VARCHAR AS r_{c}")
    if has("_lead"):
        raw.append("_lead")
    reject = _reject_case(checks)

    sku_rules, title_rules = selection.sku_rules, selection.title_rules
    sku_join = ""
    if not sku_rules or rejects_only:
        sku_idx = "NULL::SMALLINT"
    elif len(sku_rules) <= SKU_MAP_MAX or sku_map:
        # A constant MAP, scanned per row: cheapest for a few SKUs (about twice as fast as
        # list_position; SKU values are unique, see Selection.from_products).
        sku_idx = ("MAP {" + ", ".join(f"{_qstr(r.value)}: {i + 1}" for i, r in enumerate(sku_rules))
                   + "}[sku]::SMALLINT")
    else:  # a hash join, flat in the number of SKUs (unique values: no fan-out)
        values = ", ".join(f"({_qstr(r.value)}, {i + 1})" for i, r in enumerate(sku_rules))
        sku_join = f" LEFT JOIN (VALUES {values}) AS _skus(_sku_value, _sku_rule) ON typed.sku = _skus._sku_value"
        sku_idx = "_skus._sku_rule::SMALLINT"
    bits = []
    for i, r in enumerate(title_rules):
        test = (f"regexp_matches(title, {_qstr(r.value)})" if r.regex else f"contains(title, {_qstr(r.value)})")
        bits.append(f"(COALESCE({test}, false)::BIGINT << {i})")
    title_mask = " | ".join(bits) if bits else "0::BIGINT"
    if len(title_rules) > TITLE_RULE_BITS:
        raise DataFileError(f"at most {TITLE_RULE_BITS} title keyword rules are supported", "case.yaml",
                            "products")
    if len(sku_rules) >= 1 << SKU_RULE_BITS:
        raise DataFileError(f"at most {(1 << SKU_RULE_BITS) - 1} counterfeit SKUs are supported", "case.yaml",
                            "products")
    if selection.rules:
        counterfeit = "(_sku_rule IS NOT NULL OR _title_mask <> 0)"
    else:
        counterfeit = "true"

    rules: list[tuple[int, str]] = []
    code = {name: i + 1 for i, name in enumerate(EXCLUSION_RULES)}
    if sellers is not None and has("seller"):
        rules.append((code["other_seller"], f"seller NOT IN ({_sql_list(sellers) or 'NULL'})"))
    rules.append((code["not_counterfeit"], f"NOT {counterfeit}"))
    rules.append((code["other_currency"], f"currency IS NOT NULL AND currency <> {_qstr(currency)}"))
    if period is not None:
        end = period.end + timedelta(days=1)
        rules.append((code["outside_period"],
                      f"NOT (ts >= TIMESTAMP '{period.start.isoformat()}' AND ts < TIMESTAMP '{end.isoformat()}')"))
    if has("status"):
        rules.append((code["unpaid"], f"status IN ({_sql_list(_variants(UNPAID_STATUSES))})"))
        rules.append((code["closed"], f"status IN ({_sql_list(_variants(CLOSED_STATUSES))})"))
    rules.append((code["fully_refunded"],
                  "(amount > 0 AND refund >= amount)"
                  + (f" OR status IN ({_sql_list(_variants(REFUNDED_STATUSES))})" if has("status") else "")))
    for rule in STATUS_RULES:
        if has("status") and learned and learned.get(rule):
            rules.append((code[rule], f"status IN ({_sql_list(sorted(learned[rule]))})"))
    # A WHEN whose condition is NULL is not taken, as if false: no COALESCE(…, false) wrappers
    # (they cost ~3 % of the pass on 10M rows).
    # A candidate of a file with a status column gets -1, and its status goes into the k_bad key: each
    # distinct status is read in Python after the pass (_apply_statuses), which may move its rows to a
    # status rule. Measured on 10M rows: a key column of its own cost ~0.2 s, a sale-status IN list
    # here ~0.3 s more (DuckDB joins a long IN list over every row); the constant costs nothing.
    sale = "-1" if has("status") else "0"
    outcome = ("CASE WHEN _reject IS NOT NULL THEN _reject "
               + " ".join(f"WHEN ({cond}) THEN {c}" for c, cond in rules)
               + f" ELSE {sale} END")
    return (
        f"WITH src AS ({union_sql}),\n"
        f"typed AS (SELECT {', '.join(typed)}, {', '.join(raw)} FROM src),\n"
        f"checked AS (SELECT typed.*, {reject} AS _reject, {sku_idx} AS _sku_rule, {title_mask} AS _title_mask "
        f"FROM typed{sku_join})\n"
        f"SELECT *, ({outcome})::TINYINT AS o FROM checked"
    )


# The SKU join must build its hash table on the SKU list and stream the export through it. DuckDB's
# build-side optimizer, not knowing how many rows a CSV holds, may swap the sides and hash 10M
# rows instead (measured: +1.9 s per 10M rows with 500 SKUs). Set for the main pass only.
SKU_MAP_MAX = 64
MAIN_PASS_SETTINGS = "SET disabled_optimizers = 'build_side_probe_side'"
RESET_MAIN_PASS_SETTINGS = "RESET disabled_optimizers"

_RAW = {"_lead": "_lead", "order_id": "r_order_id", "seller": "r_seller", "sku": "r_sku", "quantity": "r_quantity",
        "amount": "r_amount", "unit_price": "r_unit_price", "refund": "r_refund", "created": "r_created"}
MONTH_BITS, SKU_RULE_BITS, TITLE_RULE_BITS = 18, 13, 32


def _bad_value_sql(checks: Checks) -> str:
    """The raw value of the column whose check failed."""
    return ("CASE o " + " ".join(f"WHEN {REJECT_BASE + i} THEN CAST({_RAW[col]} AS VARCHAR)"
                                 for i, (_, _, col) in enumerate(checks.items) if col in _RAW) + " END")


def build_groups_sql(classify_sql: str, checks: Checks, multi_file: bool, has_currency: bool,
                     ordered: bool = True, has_status: bool = False) -> str:
    """The one aggregation pass (see the module docstring).

    Keys are integers where possible (they hash fastest): ``k_misc`` = month | SKU rule |
    title-rule bits (valid rows); order time (µs), quantity, amount and refund in cents
    (candidates); ``k_bad`` = the raw value that failed (rejected rows), or a candidate's status
    (``o`` = -1, a file with a status column; '' when blank), to be read in Python.
    """
    cand = "o <= 0"  # a candidate: 0, or -1 when its status is to be read in Python
    status_bad = " WHEN o < 0 THEN COALESCE(status, '')" if has_status else ""
    bad = _bad_value_sql(checks)
    keys = [
        "o",
        "_file" if multi_file else None,
        "seller",
        f"CASE WHEN o < {REJECT_BASE} THEN (year(ts) * 100 + month(ts))::BIGINT "
        f"| (COALESCE(_sku_rule, 0)::BIGINT << {MONTH_BITS}) "
        f"| (_title_mask << {MONTH_BITS + SKU_RULE_BITS}) END AS k_misc",
        f"CASE WHEN {cand} THEN order_id END AS k_order",
        f"CASE WHEN {cand} THEN sku END AS k_sku",
        # Fixed-width BIGINT keys hash fastest (measured: DECIMAL or packed HUGEINT keys cost more).
        f"CASE WHEN {cand} THEN epoch_us(ts) END AS k_ts",
        f"CASE WHEN {cand} THEN qty3::BIGINT END AS k_qty",
        f"CASE WHEN {cand} THEN (amount * 100)::BIGINT END AS k_amount_cents",
        f"CASE WHEN {cand} THEN (refund * 100)::BIGINT END AS k_refund_cents",
        f"CASE WHEN {cand} THEN buyer END AS k_buyer",
        f"CASE WHEN o < {REJECT_BASE} THEN currency END AS k_currency" if has_currency else None,
        # a rejected row's bad value; a candidate's status (o = -1)
        f"CASE WHEN o >= {REJECT_BASE} THEN {bad}{status_bad} END AS k_bad",
    ]
    keys = [k for k in keys if k]
    file_col = "" if multi_file else "0 AS _file, "
    # Unordered (parallel CSV) rows carry no position: skip the aggregate (copies that differ
    # trigger an ordered re-run, so "first" is never decided by it).
    first_pos = "min(_pos)" if ordered else "0::BIGINT"
    # An explicit GROUP BY: with GROUP BY ALL the constants (_file of a single file, first_pos of
    # an unordered pass) would be keys too, and a constant key costs ~0.15 s per 10M rows.
    names = [k.rsplit(" AS ", 1)[-1] for k in keys]
    return f"""
SELECT {', '.join(keys)}, {file_col}count(*) AS n, {first_pos} AS first_pos
FROM ({classify_sql})
GROUP BY {', '.join(names)}
"""


_MISC_MONTH = f"(k_misc & {(1 << MONTH_BITS) - 1})::INTEGER"
_MISC_SKU_RULE = f"((k_misc >> {MONTH_BITS}) & {(1 << SKU_RULE_BITS) - 1})::INTEGER"
_MISC_TITLE_MASK = f"(k_misc >> {MONTH_BITS + SKU_RULE_BITS})::BIGINT"

# Order lines: candidate groups deduplicated on (seller, order id, SKU), first occurrence kept.
_KEPT_SQL = f"""
CREATE OR REPLACE TABLE kept_lines AS
SELECT *, {{product}} AS product FROM (
SELECT seller, order_id, sku, make_timestamp(ts_us) AS ts, qty,
       (amount_cents::DECIMAL(18,0) * 0.01::DECIMAL(3,2))::DECIMAL(18,2) AS amount,
       (refund_cents::DECIMAL(18,0) * 0.01::DECIMAL(3,2))::DECIMAL(18,2) AS refund,
       buyer, {_MISC_SKU_RULE.replace('k_misc', 'misc')} AS sku_rule,
       {_MISC_TITLE_MASK.replace('k_misc', 'misc')} AS title_mask,
       {_MISC_MONTH.replace('k_misc', 'misc')} AS month,
       n_rows, variants, first_pos
FROM (
  SELECT seller, k_order AS order_id, k_sku AS sku,
         arg_min(k_ts, first_pos) AS ts_us, arg_min(k_qty, first_pos) AS qty,
         arg_min(k_amount_cents, first_pos) AS amount_cents, arg_min(k_refund_cents, first_pos) AS refund_cents,
         arg_min(k_buyer, first_pos) AS buyer, arg_min(k_misc, first_pos) AS misc,
         sum(n) AS n_rows, min(first_pos) AS first_pos,
         -- copies that differ in content (identical copies in two files are two groups, one content)
         count(DISTINCT (k_ts, k_qty, k_amount_cents, k_refund_cents, k_buyer, k_misc)) AS variants
  FROM sales_groups WHERE o <= 0
  GROUP BY seller, k_order, k_sku
))
"""

# The common case: no order line has copies that differ, so each candidate group *is* an order
# line (identical copies already collapsed into it, n = copies) and no second GROUP BY is needed.
# Checked with a count over a hash of the line key: equal keys hash alike, so "no hash seen twice"
# proves "no key seen twice"; a collision only sends the scan down the exact path above.
_MULTI_VARIANT_SQL = ("SELECT count(*) FROM (SELECT 1 FROM sales_groups WHERE o <= 0 "
                      "GROUP BY hash(seller, k_order, k_sku) HAVING count(*) > 1)")
_KEPT_UNIQUE_SQL = f"""
CREATE OR REPLACE TABLE kept_lines AS
SELECT *, {{product}} AS product FROM (
SELECT seller, k_order AS order_id, k_sku AS sku, make_timestamp(k_ts) AS ts, k_qty AS qty,
       (k_amount_cents::DECIMAL(18,0) * 0.01::DECIMAL(3,2))::DECIMAL(18,2) AS amount,
       (k_refund_cents::DECIMAL(18,0) * 0.01::DECIMAL(3,2))::DECIMAL(18,2) AS refund,
       k_buyer AS buyer, {_MISC_SKU_RULE} AS sku_rule, {_MISC_TITLE_MASK} AS title_mask, {_MISC_MONTH} AS month,
       n AS n_rows, 1::BIGINT AS variants, first_pos
FROM sales_groups WHERE o <= 0)
"""

def _product_sql(selection: Selection) -> str:
    whens = [f"WHEN sku_rule = {i + 1} THEN {_qstr(r.product)}" for i, r in enumerate(selection.sku_rules)]
    whens += [f"WHEN (title_mask & {1 << i}) <> 0 THEN {_qstr(r.product)}"
              for i, r in enumerate(selection.title_rules)]
    return ("CASE " + " ".join(whens) + " END") if whens else "NULL::VARCHAR"


# ---------------------------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------------------------

@dataclass
class SellerResult:
    seller: str | None
    valid_rows: int = 0
    rejected: int = 0  # malformed rows carrying this seller (platform-side files)
    excluded: dict[str, int] = field(default_factory=dict)
    kept: int = 0
    duplicate_ids: int = 0
    conflicting_duplicates: int = 0
    months: set[str] = field(default_factory=set)
    unknown_statuses: dict[str, int] = field(default_factory=dict)  # kept rows' statuses Litigator does not know


@dataclass
class ScanResult:
    """What one pass over a set of files produced, for any number of sellers."""

    sources: list[srcmod.Source]
    selection: Selection
    rows_read: int
    rejected: int
    reject_reasons: dict[str, int]
    examples: list[RejectedRow]
    matched_by_rule: dict[str, int]
    currencies: list[str]
    per_seller: dict[str | None, SellerResult]
    per_file_rows: dict[int, int]
    sql: list[str]
    con: object  # the DuckDB connection holding tables `sales_groups` and `kept_lines`
    timings: dict[str, float] = field(default_factory=dict)  # step -> seconds (bench)
    # Examples of duplicated order lines (scan(duplicate_examples=True)): "duplicates" and "differ",
    # each a list of DuplicateExample, at most MAX_DUPLICATE_EXAMPLES.
    duplicate_examples: dict[str, list["DuplicateExample"]] | None = None
    # When no row belongs to any of the case's sellers: every seller of the files, most rows first,
    # as (seller, shop names, rows).
    seller_listing: list[tuple[str, list[str], int]] | None = None
    # Totals rows (合计 …) under the data: not data rows (not in rows_read), counted and shown apart.
    totals_rows: int = 0
    totals_examples: list[RejectedRow] = field(default_factory=list)
    # (seller, unknown status) -> (file, line) of its first row (summarise, or sources read in order)
    status_lines: dict[tuple[str | None, str], tuple[str, int]] = field(default_factory=dict)

    @property
    def valid_rows(self) -> int:
        """Rows that passed validation, every seller (computed once: batch asks per seller)."""
        if self._valid_rows is None:
            self._valid_rows = sum(sr.valid_rows for sr in self.per_seller.values())
        return self._valid_rows

    _valid_rows: int | None = None


def _inside(folder_path: Path, path: Path, shown: str) -> Path:
    """Order exports are read only from inside the case folder (a case from someone else must not
    make us read, and quote rejected rows of, any file on the machine)."""
    if not path.resolve().is_relative_to(folder_path.resolve()):
        raise DataFileError("is outside the case folder: copy the export into the case's sales/ folder", shown)
    return path


def resolve_files(folder_path: Path, patterns: list[str]) -> list[tuple[str, Path]]:
    """The sales files `patterns` name (globs allowed) under the case folder, as (label as given, path)."""
    out: list[tuple[str, Path]] = []
    for pattern in patterns:
        full = Path(pattern) if Path(pattern).is_absolute() else folder_path / pattern
        if any(ch in pattern for ch in "*?["):
            matches = sorted(globmod.glob(str(full), recursive=True))
            matches = [m for m in matches if Path(m).is_file()]
            if not matches:
                raise DataFileError("no sales file matches this pattern", pattern)
            for m in matches:
                p = Path(m)
                label = str(p.relative_to(folder_path)) if p.is_relative_to(folder_path) else m
                out.append((label, _inside(folder_path, p, label)))
        else:
            if not full.exists():
                raise DataFileError("sales file not found", pattern)
            out.append((pattern, _inside(folder_path, full, pattern)))
    return out


def scan(folder_path: Path, config: SalesConfig, products: list["Product"], *,
         sellers: list[str] | None = None, fixed_seller: str | None = None, currency: str = "CNY",
         memory_limit: str | None = None, threads: int | None = None, in_file_order: bool = False,
         duplicate_examples: bool = False) -> ScanResult:
    """Open the files and run the single classification/aggregation pass over all of them.

    ``sellers`` (platform-side files) excludes other sellers' rows in the pass itself; None keeps
    every seller (``summarise_all_sellers``). ``fixed_seller`` labels a seller-side export.
    ``in_file_order`` reads every file in order, so each kept line knows its position (the extract).
    ``duplicate_examples`` finds the lines of the first duplicated order lines (of ``sellers``) for
    the warnings (an ordered read that stops at the first copies; only when there are duplicates).

    Raises DataFileError when an order number lost digits (exponent notation: the file is refused,
    naming the first such line).
    """
    import duckdb

    files = resolve_files(folder_path, config.files)
    con = duckdb.connect()
    if memory_limit:
        con.execute(f"SET memory_limit = {_qstr(memory_limit)}")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    workdir_obj = srcmod.temp_workdir()
    workdir = Path(workdir_obj.name)
    con.execute(f"SET temp_directory = {_qstr(str(workdir / 'spill'))}")
    t0 = time.perf_counter()
    try:
        sources = [srcmod.open_source(con, i, label, path, config, workdir)
                   for i, (label, path) in enumerate(files)]
        t1 = time.perf_counter()
        cols: set[str] = set()
        for s in sources:
            cols |= set(s.match.mapping) | s.extra_columns
            if s.format == "jsonl":
                cols.add("_malformed")
        user_statuses = stmod.check_user_statuses(config.statuses) if config.statuses else None
        learned: dict[str, list[str]] = {}  # rule -> statuses read in Python (statuses.py) after the main pass
        _check_consistent_columns(sources)
        selection = Selection.from_products(products, "sku" in cols, "title" in cols)
        checks = build_checks(cols)
        clean: dict[str, bool] | None = None
        steps: dict[str, float] = defaultdict(float)  # seconds per step (bench)
        t_step = time.perf_counter()
        # The first rows of each file (a second file's layout may differ from the first's).
        sample_sql = needs_cleaning_sql("\nUNION ALL BY NAME\n".join(
            f"(SELECT * FROM ({s.select('fast')}) LIMIT {CLEANING_SAMPLE_ROWS})" for s in sources), cols, None)
        if sample_sql:
            try:
                row = con.execute(sample_sql).fetchone()
                clean = dict(zip(needs_cleaning_names(cols), row))
            except duckdb.Error:
                clean = None  # e.g. an unparsable line early on: clean everything
        steps["sample"] = time.perf_counter() - t_step

        def build(mode: str | None = None, only: list[srcmod.Source] | None = None,
                  rejects_only: bool = False, sku_map: bool = False) -> str:
            # Columns a file lacks (when several files differ) are NULL.
            parts = []
            for s in only or sources:
                own = set(s.match.mapping) | s.extra_columns | ({"_malformed"} if s.format == "jsonl" else set())
                missing = sorted(cols - own)
                pad = "".join(", false AS _malformed" if c == "_malformed" else
                              f", NULL::VARCHAR AS {srcmod._qident(c)}" for c in missing)
                parts.append(f"(SELECT *{pad} FROM ({s.select(mode)}))" if pad else f"({s.select(mode)})")
            union_sql = "\nUNION ALL BY NAME\n".join(parts)
            return build_classify_sql(union_sql, cols, selection, checks, config.period, sellers, fixed_seller,
                                      currency, clean, rejects_only, sku_map, learned)

        product = _product_sql(selection)
        kept_sql = ""
        if in_file_order:
            for s in sources:
                s.mode = "ordered" if s.mode == "fast" and s.ordered_sql is not None else s.mode

        def main_pass() -> str:
            nonlocal kept_sql
            sql = build_groups_sql(build(), checks, len(sources) > 1, "currency" in cols,
                                   ordered=all(s.ordered for s in sources), has_status="status" in cols)
            t = time.perf_counter()
            con.execute(MAIN_PASS_SETTINGS)
            try:
                con.execute(f"CREATE OR REPLACE TEMP TABLE sales_groups AS {sql}")
            finally:
                con.execute(RESET_MAIN_PASS_SETTINGS)
            if "status" in cols:
                _apply_statuses(con, user_statuses, learned)
            t_kept = time.perf_counter()
            steps["classify+group"] += t_kept - t
            multi = con.execute(_MULTI_VARIANT_SQL).fetchone()[0]
            kept_sql = (_KEPT_SQL if multi else _KEPT_UNIQUE_SQL).format(product=product)
            # Nothing reads kept_lines in storage order (queries sort or aggregate): letting DuckDB
            # insert in any order halves this step. Restored at once (the ordered passes need it).
            con.execute("SET preserve_insertion_order = false")
            try:
                con.execute(kept_sql)
            finally:
                con.execute("SET preserve_insertion_order = true")
            steps["order lines"] += time.perf_counter() - t_kept
            return sql

        try:
            try:
                groups_sql = main_pass()
            except duckdb.Error as exc:
                if not any(s.tolerant_sql for s in sources) or "CSV" not in str(exc).upper():
                    raise
                # A line the CSV reader cannot parse: read again, setting such lines aside.
                for s in sources:
                    s.mode = "tolerant" if s.tolerant_sql else s.mode
                groups_sql = main_pass()
            _refuse_lost_digits(con, sources, build, checks)
            conflicts = con.execute("SELECT count(*) FROM kept_lines WHERE variants > 1").fetchone()[0]
            if conflicts and not all(s.ordered for s in sources):
                # Copies of an order line that differ: keep-first needs file order (rare; slower).
                for s in sources:
                    s.mode = "ordered" if s.mode == "fast" else s.mode
                groups_sql = main_pass()
            t2 = time.perf_counter()
            example_rows = _reject_examples(con, sources, build, checks,
                                            sellers if sellers is not None and "seller" in cols else None)
            steps["examples"] = time.perf_counter() - t2
            for s in sources:
                s.after_scan(con)
            totals = _totals_rows(con, sources, build, checks)
            unknown = _unknown_statuses(con, user_statuses) if "status" in cols else []
        except duckdb.Error as exc:
            raise DataFileError(f"cannot process the sales data: {srcmod._duck_message(exc)}",
                                sources[0].label) from None
        t3 = time.perf_counter()
        result = _collect(con, sources, selection, checks, [groups_sql, kept_sql.strip()], example_rows,
                          sellers if "seller" in cols else None, totals, unknown)
        t4 = time.perf_counter()
        try:
            if unknown and (duplicate_examples or all(s.ordered for s in sources)):
                result.status_lines = _status_lines(con, sources, build, unknown)
            if duplicate_examples:
                result.duplicate_examples = _duplicate_examples(
                    con, sources, build, sellers if sellers is not None and "seller" in cols else None)
            if sellers is not None and "seller" in cols and not any(s in result.per_seller for s in sellers):
                result.seller_listing = _seller_listing(con, sources, result)
        except duckdb.Error as exc:
            raise DataFileError(f"cannot process the sales data: {srcmod._duck_message(exc)}",
                                sources[0].label) from None
        steps["duplicates and sellers"] = time.perf_counter() - t4
        for s in sources:  # line counts of transcoded copies, before the copies go
            if s.stats_future is not None and s.data_path not in (None, s.path):
                s.stats_future.result()
        result.timings = {"open": t1 - t0, **steps, "collect": t4 - t3}
        return result
    finally:
        # Transcoded copies are deleted now; the result tables live in the connection.
        workdir_obj.cleanup()


def _check_consistent_columns(sources: list[srcmod.Source]) -> None:
    if len(sources) < 2:
        return
    first = set(sources[0].match.mapping)
    for s in sources[1:]:
        if ("seller" in first) != ("seller" in s.match.mapping):
            raise DataFileError("seller column present in some sales files but not in others", s.label,
                                f"line {s.match.header_line}")


def _apply_statuses(con, user: dict[str, str] | None, learned: dict[str, list[str]]) -> None:
    """Read, in Python, each distinct status of the candidate rows (``o`` = -1, the status in ``k_bad``):
    plain ones, compound ones such as ``(删除)等待出库`` or ``已发货，退款成功``, other spellings, the
    case's ``sales.statuses``. Rows whose status means unpaid, closed or fully refunded move to that
    rule — after the built-in rules, as the SQL of later passes does with ``learned`` (which this
    extends); the others stay candidates (``o <= 0`` is a candidate everywhere)."""
    code = {name: i + 1 for i, name in enumerate(EXCLUSION_RULES)}
    moved: dict[str, list[str]] = defaultdict(list)
    for (status,) in con.execute("SELECT DISTINCT k_bad FROM sales_groups WHERE o = -1").fetchall():
        rule = stmod.classify(status, user)
        if rule in STATUS_RULES:
            moved[rule].append(status)
    for rule, names in moved.items():
        con.execute(f"UPDATE sales_groups SET o = {code[rule]} WHERE o = -1 AND k_bad IN "
                    "(SELECT unnest(?::VARCHAR[]))", [names])
        known = learned.setdefault(rule, [])
        known += [n for n in names if n not in known]


def _unknown_statuses(con, user: dict[str, str] | None) -> list[tuple[str | None, str, int, int]]:
    """Candidate rows (counted as sales) whose status Litigator does not know: ``(seller, status, rows,
    first position)`` ('' = a blank status; the position means something only for ordered sources)."""
    out = []
    for seller, status, n, pos in con.execute(
            "SELECT seller, k_bad, sum(n), min(first_pos) FROM sales_groups WHERE o = -1 "
            "GROUP BY ALL ORDER BY ALL").fetchall():
        if stmod.classify(status, user) is None:
            out.append((seller, status, int(n), int(pos)))
    return out


def _status_lines(con, sources: list[srcmod.Source], build,
                  unknown: list[tuple[str | None, str, int, int]]) -> dict[tuple[str | None, str], tuple[str, int]]:
    """``(seller, status) -> (file, line)`` of the first row with each unknown status. From the main pass
    when every source was read in order, else from an ordered read of each file (only when a status is
    unknown)."""
    mask = (1 << POSITION_BITS) - 1
    first: dict[tuple[str | None, str], int] = {}
    if all(s.ordered for s in sources):
        first = {(seller, status): pos for seller, status, _, pos in unknown}
    else:
        names = sorted({status for _, status, _, _ in unknown})
        for s in sources:
            mode = s.mode if s.ordered else "ordered"
            for seller, status, pos in con.execute(
                    f"SELECT seller, COALESCE(status, ''), min(_pos) FROM ({build(mode, [s], sku_map=True)}) "
                    "WHERE o = -1 AND COALESCE(status, '') IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL",
                    [names]).fetchall():
                key = (seller, status)
                first[key] = min(first.get(key, pos), pos)
    for s in sources:
        s.resolve_lines([pos & mask for pos in first.values() if pos >> POSITION_BITS == s.index])
    return {key: (sources[pos >> POSITION_BITS].label, sources[pos >> POSITION_BITS].line_of(pos & mask))
            for key, pos in first.items()}


def _totals_rows(con, sources: list[srcmod.Source], build, checks: Checks
                 ) -> tuple[dict[int, int], list[tuple[int, int | None, int | None, str | None]]]:
    """Totals rows (合计 …) per file, and where the first ones are: ``(file index, ordinal or None, line or
    None, label)``. A CSV's rows found at its end need no second read when they are all the scan found."""
    if all(reason != TOTALS_REASON for _, reason, _ in checks.items):
        return {}, []
    code = checks.code(TOTALS_REASON)
    counts = {int(f): int(n) for f, n in con.execute(
        f"SELECT _file, sum(n) FROM sales_groups WHERE o = {code} GROUP BY ALL").fetchall()}
    mask = (1 << POSITION_BITS) - 1
    out: list[tuple[int, int | None, int | None, str | None]] = []
    for s in sources:
        n = counts.get(s.index, 0)
        s.totals_counted = n + len(s.dropped_totals)
        if not s.totals_counted:
            continue
        if s.totals_tail and s.totals_counted == len(s.totals_tail):
            out += [(s.index, None, line, label) for line, label in s.totals_tail_lines()]
            continue
        if n and all(x.ordered for x in sources):
            rows = con.execute(f"SELECT first_pos, k_bad FROM sales_groups WHERE o = {code} AND _file = {s.index} "
                               f"ORDER BY first_pos LIMIT {MAX_EXAMPLES}").fetchall()
        elif n:
            mode = s.mode if s.ordered else "ordered"
            rows = con.execute(f"SELECT _pos, CAST(_lead AS VARCHAR) FROM ({build(mode, [s], rejects_only=True)}) "
                               f"WHERE o = {code} LIMIT {MAX_EXAMPLES}").fetchall()
        else:
            rows = []
        out += [(s.index, int(pos) & mask, None, value) for pos, value in rows]
        out += [(s.index, None, line, label) for line, label in s.dropped_totals]
    return counts, out


def _first_row_of(con, sources: list[srcmod.Source], build, code: int, value_sql: str) -> tuple[int, str | None]:
    """``(position, value)`` of the first row in file order with outcome ``code``."""
    if all(s.ordered for s in sources):  # the main pass kept positions
        return con.execute(f"SELECT first_pos, k_bad FROM sales_groups WHERE o = {code} "
                           "ORDER BY first_pos LIMIT 1").fetchone()
    for s in sources:
        if con.execute(f"SELECT count(*) FROM sales_groups WHERE o = {code} AND _file = {s.index}").fetchone()[0]:
            return con.execute(f"SELECT _pos, {value_sql} FROM ({build('ordered', [s], rejects_only=True)}) "
                               f"WHERE o = {code} LIMIT 1").fetchone()
    raise AssertionError("no row with that outcome")  # pragma: no cover - counted before


def _refuse_lost_digits(con, sources: list[srcmod.Source], build, checks: Checks) -> None:
    """Raise DataFileError at the first order number in exponent notation (it lost digits)."""
    code = checks.code(LOST_DIGITS_REASON)
    n = con.execute(f"SELECT sum(n) FROM sales_groups WHERE o = {code}").fetchone()[0]
    if not n:
        return
    pos, value = _first_row_of(con, sources, build, code, "CAST(r_order_id AS VARCHAR)")
    src = sources[pos >> POSITION_BITS]
    ordinal = pos & ((1 << POSITION_BITS) - 1)
    src.resolve_lines([ordinal])
    raise srcmod.lost_digits_error(src.label, src.line_of(ordinal), value, int(n))


MAX_DUPLICATE_EXAMPLES = 3
# The duplicates' examples are looked for in the first rows of each file, then further: the joins that
# filter rows by line key neither stream in file order nor stop early, so the read is bounded by a
# LIMIT below them (measured on 2M CSV rows: 0.42 s for the whole file, ~0.02 s for its first 100,000).
DUPLICATE_WINDOWS = (100_000, 1_000_000, None)
DUPLICATE_ROWS_MAX = 5_000  # copies fetched per window at most


@dataclass
class DuplicateExample:
    """One duplicated order line: its copies in file order (the first is kept), as (file, line, values)."""

    seller: str | None
    order_id: str
    sku: str | None
    n_rows: int
    copies: list[tuple[str, int, dict[str, Any]]]

    def where(self) -> str:
        shown = ", ".join(f"{f}:{line}" for f, line, _ in self.copies)
        more = self.n_rows - len(self.copies)
        return shown + (f" and {more} more" if more > 0 else "")

    def label(self) -> str:
        return f"order {self.order_id}" + (f" (SKU {self.sku})" if self.sku else "")

    def differences(self) -> str:
        """What differs between the copies: ``amount 918.00 at f:3 (kept) vs 900.00 at f:10``."""
        first_file, first_line, first = self.copies[0]
        parts = []
        for name in ("amount", "quantity", "refund", "ordered_at", "buyer", "title"):
            others = [(f, line, v[name]) for f, line, v in self.copies[1:] if v[name] != first[name]]
            if others:
                alt = ", ".join(f"{value} at {f}:{line}" for f, line, value in others)
                parts.append(f"{name} {first[name]} at {first_file}:{first_line} (kept) vs {alt}")
        return "; ".join(parts) or f"copies at {self.where()}"


def _duplicate_examples(con, sources: list[srcmod.Source], build,
                        sellers: list[str] | None) -> dict[str, list[DuplicateExample]]:
    """The first duplicated order lines in file order, with the lines of all their copies.

    Reads the candidate rows whose line key is duplicated, in order, from the first
    DUPLICATE_WINDOWS[0] rows of each file, then further when that did not show MAX_DUPLICATE_EXAMPLES
    lines with every copy (copies far apart may take a whole ordered read). Examples whose every copy
    was seen come first."""
    where = f" AND seller IN ({_sql_list(sellers)})" if sellers else ""
    out: dict[str, list[DuplicateExample]] = {}
    mask = (1 << POSITION_BITS) - 1
    for kind, cond in (("duplicates", "n_rows > 1"), ("differ", "variants > 1")):
        keys = con.execute(f"SELECT count(*) FROM kept_lines WHERE {cond}{where}").fetchone()[0]
        if not keys:
            continue
        con.execute("CREATE OR REPLACE TEMP TABLE dup_keys AS SELECT DISTINCT hash(seller, order_id, sku) AS h "
                    f"FROM kept_lines WHERE {cond}{where}")
        for window in DUPLICATE_WINDOWS:
            rows: list[tuple] = []
            for s in sources:
                head = f" LIMIT {window}" if window else ""
                rows += con.execute(
                    f"SELECT _pos, seller, order_id, sku, ts, qty3, amount, refund, buyer, title "
                    f"FROM ({build('ordered', [s], sku_map=True)}{head}) "
                    f"WHERE o <= 0 AND hash(seller, order_id, sku) IN (SELECT h FROM dup_keys) "
                    f"LIMIT {DUPLICATE_ROWS_MAX}").fetchall()
            rows.sort(key=lambda r: r[0])
            found = _examples_of(con, sources, rows, cond, where, mask)
            complete = [e for e in found if len(e.copies) >= e.n_rows]
            if len(complete) >= min(MAX_DUPLICATE_EXAMPLES, keys) or window is None or all(
                    result_rows < window for result_rows in (s.rows for s in sources)):
                break
        partial = [e for e in found if 1 < len(e.copies) < e.n_rows]
        out[kind] = (complete + partial)[:MAX_DUPLICATE_EXAMPLES]
    return out


def _examples_of(con, sources: list[srcmod.Source], rows: list[tuple], cond: str, where: str,
                 mask: int) -> list[DuplicateExample]:
    """Group copies (rows in file order) by line key, with their files and lines."""
    n_rows = {(r[0], r[1], r[2]): int(r[3]) for r in con.execute(
        f"SELECT seller, order_id, sku, n_rows FROM kept_lines WHERE {cond}{where} "
        f"AND order_id IN (SELECT unnest(?::VARCHAR[]))", [sorted({r[2] for r in rows})]).fetchall()}
    for s in sources:
        s.resolve_lines([r[0] & mask for r in rows if r[0] >> POSITION_BITS == s.index])
    found: dict[tuple, DuplicateExample] = {}
    for pos, seller, order_id, sku, ts, qty, amount, refund, buyer, title in rows:
        key = (seller, order_id, sku)
        if key not in n_rows:
            continue  # a hash collision with a line that is not duplicated
        src = sources[pos >> POSITION_BITS]
        ex = found.get(key) or found.setdefault(key, DuplicateExample(seller, order_id, sku, n_rows[key], []))
        values = {"amount": amount, "quantity": int(qty), "refund": refund, "buyer": buyer, "title": title,
                  "ordered_at": ts.isoformat(sep=" ") if ts is not None else None}
        ex.copies.append((src.label, src.line_of(pos & mask), values))
    return list(found.values())


def _seller_listing(con, sources: list[srcmod.Source], result: "ScanResult") -> list[tuple[str, list[str], int]]:
    """Every seller in the files with its shop names (when the file has a shop-name column) and its
    rows (valid or malformed), most rows first."""
    rows = {s: sr.valid_rows + sr.rejected for s, sr in result.per_seller.items() if s is not None}
    shops: dict[str, list[str]] = {}
    parts = [s.sellers_sql for s in sources if s.sellers_sql]
    if parts:
        union = " UNION ALL ".join(f"({p})" for p in parts)
        for seller, names in con.execute(
                f"SELECT trim(CAST(seller AS VARCHAR)) AS seller, list(DISTINCT trim(CAST(shop AS VARCHAR)) "
                f"ORDER BY trim(CAST(shop AS VARCHAR))) FILTER (WHERE trim(CAST(shop AS VARCHAR)) <> '') "
                f"FROM ({union}) GROUP BY 1").fetchall():
            if seller is not None:
                shops[seller] = list(names or [])
    return [(s, shops.get(s.strip(), []), n) for s, n in sorted(rows.items(), key=lambda kv: (-kv[1], kv[0]))]


def seller_listing(result: ScanResult, limit: int = 10) -> str:
    """The sellers of a scanned export, most rows first (for a message naming a seller it lacks)."""
    listing = sorted(((s, [], r.valid_rows + r.rejected) for s, r in result.per_seller.items() if s),
                     key=lambda t: (-t[2], t[0]))
    return _listing_text(listing, limit)


def _listing_text(listing: list[tuple[str, list[str], int]], limit: int = 10) -> str:
    def one(seller: str, names: list[str], n: int) -> str:
        shown = f" ({', '.join(names[:2])}{', …' if len(names) > 2 else ''})" if names else ""
        return f"{seller}{shown}: {n:,} row{'s' if n != 1 else ''}"

    text = ", ".join(one(*item) for item in listing[:limit])
    if len(listing) > limit:
        text += f" (and {len(listing) - limit:,} more sellers)"
    return text or "none"


def _month_label(yyyymm: int | None) -> str | None:
    return None if not yyyymm else f"{yyyymm // 100:04d}-{yyyymm % 100:02d}"


def _reject_examples(con, sources: list[srcmod.Source], build, checks: Checks,
                     sellers: list[str] | None) -> list[tuple[int, str, int, str | None]]:
    """The first rejected rows in file order: ``(code, raw value, position, seller)``; with
    ``sellers`` (a case's sellers in a platform-side file), also the first rejected rows of those
    sellers, wherever they are in the file (they are the ones that cost the case sales).

    Sources read in order give them from the main pass (``first_pos``). A CSV read in parallel has
    no row numbers, so its first rejects come from an ordered pass that stops after
    MAX_EXAMPLES rows (early in the file when rejects are common); the sellers' own, when they
    have some, from a second ordered pass that stops at their MAX_EXAMPLES-th.
    """
    picks = [""]
    if sellers:
        picks.append(f" AND seller IN ({_sql_list(sellers)})")
    if any(reason == TOTALS_REASON for _, reason, _ in checks.items):  # not malformed: listed apart
        picks = [f" AND o <> {checks.code(TOTALS_REASON)}{p}" for p in picks]
    rows: dict[int, tuple[int, str, int, str | None]] = {}
    bad = _bad_value_sql(checks)
    for pick in picks:
        if all(s.ordered for s in sources):  # the main pass kept positions
            for r in con.execute(
                    f"SELECT o, k_bad, first_pos, seller FROM sales_groups WHERE o >= {REJECT_BASE}{pick} "
                    f"ORDER BY first_pos LIMIT {MAX_EXAMPLES}").fetchall():
                rows[r[2]] = r
            continue
        with_rejects = [s for s in sources if con.execute(
            f"SELECT count(*) FROM sales_groups WHERE o >= {REJECT_BASE} AND _file = {s.index}{pick}").fetchone()[0]]
        for s in with_rejects:
            for r in con.execute(
                    f"SELECT o, {bad}, _pos, seller FROM ({build('ordered', [s], rejects_only=True)}) "
                    f"WHERE o >= {REJECT_BASE}{pick} LIMIT {MAX_EXAMPLES}").fetchall():
                rows[r[2]] = r
    return sorted(rows.values(), key=lambda r: r[2])


def _first_examples(examples: list[RejectedRow], sellers: Iterable[str | None] | None,
                    order: dict[str, int]) -> list[RejectedRow]:
    """At most MAX_EXAMPLES of ``examples`` (in file order), the given sellers' rows first, then
    the file's first; kept in file order."""
    if sellers is not None:
        wanted = set(sellers)
        own = [r for r in examples if r.seller is not None and r.seller in wanted][:MAX_EXAMPLES]
        if own:  # batch calls this per seller: most have none among the file's first rows
            others = [r for r in examples if not (r.seller is not None and r.seller in wanted)]
            return sorted(own + others[:MAX_EXAMPLES - len(own)], key=lambda r: (order.get(r.file, 0), r.line))
    return examples[:MAX_EXAMPLES]


def _collect(con, sources: list[srcmod.Source], selection: Selection, checks: Checks,
             sql: list[str], example_rows: list[tuple[int, str, int, str | None]],
             sellers: list[str] | None,
             totals: tuple[dict[int, int], list[tuple[int, int | None, int | None, str | None]]] = ({}, []),
             unknown: list[tuple[str | None, str, int, int]] | None = None) -> ScanResult:
    per_file: dict[int, int] = defaultdict(int)
    reject_reasons: dict[str, int] = defaultdict(int)
    per_seller: dict[str | None, SellerResult] = {}
    code_rule = {i + 1: name for i, name in enumerate(EXCLUSION_RULES)}
    sku_rules, title_rules = selection.sku_rules, selection.title_rules
    sku_counts = [0] * len(sku_rules)
    title_counts = [0] * len(title_rules)

    # Counts by file, by reject reason, and per seller (valid rows, each exclusion rule, months
    # with valid rows): aggregated in SQL, one row per seller (batch has thousands of sellers).
    for f, n in con.execute("SELECT _file, sum(n) FROM sales_groups GROUP BY ALL").fetchall():
        per_file[int(f)] += int(n)
    rejected_by_seller: dict[str | None, int] = defaultdict(int)
    totals_code = checks.code(TOTALS_REASON) if totals[0] else None
    for seller, o, n in con.execute(
            f"SELECT seller, o, sum(n) FROM sales_groups WHERE o >= {REJECT_BASE} GROUP BY ALL").fetchall():
        if o == totals_code:
            continue  # a totals row: not a data row (counted apart)
        reason, _ = checks.reason(o)
        reject_reasons[reason] += int(n)
        rejected_by_seller[seller] += int(n)
    rule_sums = ", ".join(f"sum(n) FILTER (WHERE o = {code})" for code in code_rule)
    labels: dict[int, str] = {}
    for row in con.execute(
            f"SELECT seller, sum(n), list(DISTINCT {_MISC_MONTH}) FILTER (WHERE k_misc IS NOT NULL), {rule_sums} "
            f"FROM sales_groups WHERE o < {REJECT_BASE} GROUP BY seller").fetchall():
        seller, valid, months = row[0], row[1], row[2]
        sr = SellerResult(seller, valid_rows=int(valid))
        for month in months or ():
            label = labels.get(month)
            if label is None:
                label = labels[month] = _month_label(month)
            sr.months.add(label)
        for code, n in enumerate(row[3:], start=1):
            if n:
                sr.excluded[code_rule[code]] = int(n)
        per_seller[seller] = sr
    for sku_rule, mask, n in con.execute(
            f"SELECT {_MISC_SKU_RULE}, {_MISC_TITLE_MASK}, sum(n) FROM sales_groups WHERE o < {REJECT_BASE} "
            f"AND k_misc >= {1 << MONTH_BITS} GROUP BY ALL").fetchall():
        if sku_rule:
            sku_counts[sku_rule - 1] += int(n)
        for i in range(len(title_rules)):
            if mask and mask & (1 << i):
                title_counts[i] += int(n)
    for seller, keys, dup_ids, dup_rows, conflicts in con.execute(
            "SELECT seller, count(*), count(*) FILTER (WHERE n_rows > 1), sum(n_rows - 1), "
            "count(*) FILTER (WHERE variants > 1) FROM kept_lines GROUP BY seller").fetchall():
        sr = per_seller.get(seller) or per_seller.setdefault(seller, SellerResult(seller))
        sr.kept = int(keys)
        sr.duplicate_ids = int(dup_ids)
        sr.conflicting_duplicates = int(conflicts)
        if dup_rows:
            sr.excluded["duplicate"] = int(dup_rows)
    for seller, n in rejected_by_seller.items():
        if seller is not None:  # a row without a readable seller is nobody's in particular
            (per_seller.get(seller) or per_seller.setdefault(seller, SellerResult(seller))).rejected = n
    currencies: list[str] = []
    if any("currency" in src.match.mapping for src in sources):
        currencies = sorted(c for (c,) in con.execute(
            "SELECT DISTINCT k_currency FROM sales_groups WHERE k_currency IS NOT NULL").fetchall())

    # Malformed lines the CSV reader itself skipped are rejected rows too.
    examples: list[RejectedRow] = []
    for s in sources:
        per_file[s.index] += len(s.dropped_examples)
        for line, reason in s.dropped_examples:
            reject_reasons["malformed line"] += 1
            examples.append(RejectedRow(file=s.label, line=line, column=None, value=None, reason=reason))
    has_seller = any("seller" in src.match.mapping for src in sources)
    totals_counts, totals_found = totals
    for src in sources:
        # every row the reader returned or set aside, totals rows included (line arithmetic)
        src.rows = per_file.get(src.index, 0) + len(src.dropped_totals)
        src.resolve_lines([pos & ((1 << 40) - 1) for _, _, pos, _ in example_rows if pos >> 40 == src.index]
                          + [ordinal for i, ordinal, _, _ in totals_found if i == src.index and ordinal is not None])
    # Data rows per file: totals rows are not data (the scan counted them under their own code).
    for i, n in totals_counts.items():
        per_file[i] -= n
    totals_examples = [RejectedRow(file=sources[i].label, column=None, value=value, reason=TOTALS_REASON,
                                   line=line if line is not None else sources[i].line_of(ordinal))
                       for i, ordinal, line, value in totals_found]
    file_index = {src.label: src.index for src in sources}
    totals_examples.sort(key=lambda r: (file_index.get(r.file, 0), r.line))
    totals_rows = sum(s.totals_counted for s in sources)
    for seller, status, n, _ in unknown or ():
        sr = per_seller.get(seller) or per_seller.setdefault(seller, SellerResult(seller))
        sr.unknown_statuses[status] = sr.unknown_statuses.get(status, 0) + n
    for o, value, pos, seller in example_rows:
        s = sources[pos >> 40]
        reason, column = checks.reason(o)
        header = s.match.column(column) if column else None
        examples.append(RejectedRow(file=s.label, line=s.line_of(pos & ((1 << 40) - 1)),
                                    column=header or column, value=value, reason=reason,
                                    seller=seller if has_seller else None))
    order = {s.label: s.index for s in sources}
    examples.sort(key=lambda r: (order.get(r.file, 0), r.line))
    examples = _first_examples(examples, sellers, order)
    matched = {r.name: sku_counts[i] for i, r in enumerate(sku_rules)}
    matched |= {r.name: title_counts[i] for i, r in enumerate(title_rules)}
    return ScanResult(
        sources=sources, selection=selection, rows_read=sum(per_file.values()),
        rejected=sum(reject_reasons.values()), reject_reasons=dict(reject_reasons), examples=examples,
        matched_by_rule=matched, currencies=currencies, per_seller=per_seller, per_file_rows=dict(per_file),
        sql=sql, con=con, totals_rows=totals_rows, totals_examples=totals_examples[:MAX_EXAMPLES])


# ---------------------------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------------------------

# Lines are per seller (kept_lines are unique per (seller, order id, SKU), so count(*) = orders):
# they are computed once for every seller asked for, without joining the groups, and handed to
# each group in Python. Totals per group need distinct orders and buyers across its sellers: per
# seller in one query when every group is one seller (batch), else joined with the groups.
_LINES_SQL = """
SELECT seller, sku, {month} AS month, any_value(product) AS product,
       count(*) AS orders, sum(qty) AS units, count(DISTINCT buyer) AS customers,
       sum(amount) AS gross, sum(refund) AS refunds, min(ts)::DATE AS first_order, max(ts)::DATE AS last_order
FROM kept_lines {where}
GROUP BY ALL ORDER BY ALL
"""
_SELLER_TOTALS_SQL = """
SELECT seller, count(DISTINCT order_id) AS orders, COALESCE(sum(qty), 0) AS units,
       count(DISTINCT buyer) AS customers, COALESCE(sum(amount), 0) AS gross, COALESCE(sum(refund), 0) AS refunds,
       min(ts)::DATE, max(ts)::DATE
FROM kept_lines {where}
GROUP BY seller
"""
_TOTALS_SQL = """
SELECT w.grp, count(DISTINCT (k.seller, k.order_id)) AS orders, COALESCE(sum(k.qty), 0) AS units,
       count(DISTINCT k.buyer) AS customers,
       COALESCE(sum(k.amount), 0) AS gross, COALESCE(sum(k.refund), 0) AS refunds,
       min(k.ts)::DATE, max(k.ts)::DATE
FROM kept_lines k JOIN wanted w ON COALESCE(k.seller, '') = w.seller
GROUP BY w.grp
"""

_LINE_FIELDS = ("seller", "sku", "product", "month", "orders", "units", "customers", "gross", "refunds", "net",
                "first_order", "last_order", "avg_unit_price")
# Batch builds ~10^4–10^5 lines from values DuckDB already typed: validation is waste, and even
# model_construct's per-field bookkeeping was a fifth of the summaries' time. Same result as
# ``SalesLine.model_construct(**values)`` (tests check it); falls back to it if SalesLine changes.
_FAST_LINES = (tuple(SalesLine.model_fields) == _LINE_FIELDS and not SalesLine.__pydantic_post_init__
               and not SalesLine.__private_attributes__)
_setattr = object.__setattr__


def _new_line(values: dict) -> SalesLine:
    if not _FAST_LINES:  # pragma: no cover - a guard against a changed model
        return SalesLine.model_construct(**values)
    m = SalesLine.__new__(SalesLine)
    _setattr(m, "__dict__", values)
    _setattr(m, "__pydantic_fields_set__", set(_LINE_FIELDS))
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m


_ZERO = Decimal(0)


def _line(row, month: bool) -> SalesLine:
    seller, sku, mon, product, orders, units, customers, gross, refunds, first, last = row
    gross = _ZERO if gross is None else gross  # DuckDB returns Decimal for DECIMAL columns
    refunds = _ZERO if refunds is None else refunds
    units = int(units or 0)
    net = gross - refunds
    return _new_line({
        "seller": seller, "sku": sku or "", "product": product,
        "month": _month_label(mon) if month else None, "orders": int(orders), "units": units,
        "customers": int(customers), "gross": gross, "refunds": refunds, "net": net,
        "first_order": first, "last_order": last,
        "avg_unit_price": quantize(net / units) if units else None})


def _months(start: date, end: date) -> list[str]:
    out = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def summary_for(result: ScanResult, sellers: list[str | None] | None, config: SalesConfig,
                currency: str = "CNY", group_by_month: bool = True) -> SalesSummary:
    """Report + aggregates for the given sellers together (None = every seller in the scan)."""
    return summaries_for(result, {"": sellers}, config, currency, group_by_month)[""]


def summaries_for(result: ScanResult, groups: dict[str, list[str | None] | None], config: SalesConfig,
                  currency: str = "CNY", group_by_month: bool = True) -> dict[str, SalesSummary]:
    """One summary per named group of sellers, computed with a fixed number of queries."""
    con = result.con
    chosen_by_group: dict[str, list[str | None]] = {}
    for grp, sellers in groups.items():
        chosen = list(result.per_seller) if sellers is None else [s for s in sellers if s in result.per_seller]
        chosen_by_group[grp] = list(dict.fromkeys(chosen))
    needed = {s for chosen in chosen_by_group.values() for s in chosen}
    if needed >= set(result.per_seller):
        where = ""  # every seller (batch): no filter
    else:
        con.execute("CREATE OR REPLACE TABLE wanted_sellers AS SELECT unnest(?::VARCHAR[]) AS seller",
                    [sorted(s or "" for s in needed)])
        where = "WHERE COALESCE(seller, '') IN (SELECT seller FROM wanted_sellers)"
    by_sku: dict[str | None, list[SalesLine]] = defaultdict(list)
    by_month: dict[str | None, list[SalesLine]] = defaultdict(list)
    seller_totals = any(len(chosen) == 1 for chosen in chosen_by_group.values())

    def fetch(cur, sql: str) -> list[tuple]:
        try:
            return cur.execute(sql).fetchall()
        finally:
            cur.close()

    # The month lines and the totals run in DuckDB (which drops the GIL) while Python turns the
    # SKU lines into objects. Each runs on a cursor (a connection of its own, opened here, in this
    # thread); kept_lines is a table of the scan's private in-memory database, so cursors see it.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="litigator-sales") as pool:
        months_f = (pool.submit(fetch, con.cursor(), _LINES_SQL.format(month="month", where=where))
                    if group_by_month else None)
        totals_f = (pool.submit(fetch, con.cursor(), _SELLER_TOTALS_SQL.format(where=where))
                    if seller_totals else None)
        for row in con.execute(_LINES_SQL.format(month="NULL", where=where)).fetchall():
            by_sku[row[0]].append(_line(row, False))
        if months_f is not None:
            for row in months_f.result():
                by_month[row[0]].append(_line(row, True))
        totals_rows: dict[str, tuple] = {}
        if totals_f is not None:
            per_seller = {row[0]: row[1:] for row in totals_f.result()}
            for grp, chosen in chosen_by_group.items():
                if len(chosen) == 1 and chosen[0] in per_seller:
                    totals_rows[grp] = per_seller[chosen[0]]
    multi = [(grp, s or "") for grp, chosen in chosen_by_group.items() if len(chosen) > 1 for s in chosen]
    if multi:
        con.execute("CREATE OR REPLACE TEMP TABLE wanted AS SELECT * FROM "
                    "(SELECT unnest(?::VARCHAR[]) AS grp, unnest(?::VARCHAR[]) AS seller)",
                    [[w[0] for w in multi], [w[1] for w in multi]])
        totals_rows |= {row[0]: row[1:] for row in con.execute(_TOTALS_SQL).fetchall()}
    shared = _Shared.of(result, config)
    out = {}
    for grp, chosen in chosen_by_group.items():
        asked = groups[grp]
        absent = ([s for s in asked if s not in result.per_seller]
                  if asked is not None and shared.has_seller_column else [])
        if len(chosen) == 1:
            sku_lines, month_lines = list(by_sku.get(chosen[0], ())), list(by_month.get(chosen[0], ()))
        else:  # lines stay per seller, in (seller, sku, month) order as one query would give them
            order = sorted(chosen, key=lambda s: (s is None, s or ""))
            sku_lines = [ln for s in order for ln in by_sku.get(s, [])]
            month_lines = [ln for s in order for ln in by_month.get(s, [])]
        out[grp] = _assemble(result, chosen, config, currency, sku_lines, month_lines, totals_rows.get(grp), shared,
                             absent=absent)
    return out


@dataclass
class _Shared:
    """What every seller's summary of one scan has in common (computed once for batch)."""

    period_months: list[str] | None
    files: list[SalesFile]  # frozen: one instance shared by every seller's summary
    notes: list[str]
    profile: str
    has_seller_column: bool = False  # a platform-side export: reports count their sellers' rows
    file_order: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, result: ScanResult, config: SalesConfig) -> "_Shared":
        files = []
        for s in result.sources:
            files.append(SalesFile(path=s.label, sha256=s.sha256, rows=result.per_file_rows.get(s.index, 0),
                                   first_line=s.first_line, last_line=s.last_line(), format=s.format,
                                   profile=s.match.profile, encoding=s.encoding, sheet=s.sheet))
        notes = [f"{s.label}: {n}" for s in result.sources for n in s.notes]
        # The encoding note: once per run, and only for encodings guessed (case.yaml names none).
        guessed: dict[str, list[str]] = defaultdict(list)
        for s in result.sources:
            if s.encoding_guessed and s.encoding:
                guessed[s.encoding].append(s.label)
        for enc, labels in guessed.items():
            name = encmod.encoding_name(enc)
            notes.append(f"{', '.join(labels)}: read as {name}, the encoding detected (case.yaml names none); once "
                         f"the names and titles read right, add `encoding: {enc}` under `sales:` to confirm it "
                         "(and silence this note)")
        profile = result.sources[0].match.profile if result.sources else (config.profile or "generic")
        months = _months(config.period.start, config.period.end) if config.period is not None else None
        has_seller = any("seller" in s.match.mapping for s in result.sources)
        return cls(months, files, notes, profile, has_seller, {s.label: s.index for s in result.sources})


def _assemble(result: ScanResult, chosen: list[str | None], config: SalesConfig, currency: str,
              by_sku: list[SalesLine], by_month: list[SalesLine], t, shared: _Shared | None = None,
              absent: list[str | None] | None = None) -> SalesSummary:
    shared = shared or _Shared.of(result, config)
    valid_total = result.valid_rows
    excluded: dict[str, int] = {}
    dup_ids = conflicts = kept = valid_chosen = rejected_chosen = 0
    months_present: set[str] = set()
    unknown: dict[str, int] = {}
    for s in chosen:
        sr = result.per_seller[s]
        for status, n in sr.unknown_statuses.items():
            unknown[status] = unknown.get(status, 0) + n
        valid_chosen += sr.valid_rows
        rejected_chosen += sr.rejected
        kept += sr.kept
        dup_ids += sr.duplicate_ids
        conflicts += sr.conflicting_duplicates
        months_present |= sr.months
        for rule, n in sr.excluded.items():
            excluded[rule] = excluded.get(rule, 0) + n
    if valid_total - valid_chosen:
        excluded["other_seller"] = excluded.get("other_seller", 0) + valid_total - valid_chosen
    excluded = {r: excluded[r] for r in EXCLUSION_RULES if excluded.get(r)}
    if t is None:
        totals = SalesTotals()
    else:
        gross, refunds = Decimal(t[3]), Decimal(t[4])
        totals = SalesTotals(orders=int(t[0]), units=int(t[1]), customers=int(t[2]), gross=gross,
                             refunds=refunds, net=gross - refunds, first_order=t[5], last_order=t[6])
    # Gaps: months of the period (or of the data's span) without a single valid row of the seller.
    gaps: list[str] = []
    if shared.period_months is not None:
        gaps = [m for m in shared.period_months if m not in months_present]
    elif months_present:
        lo, hi = min(months_present), max(months_present)
        span = _months(date(int(lo[:4]), int(lo[5:]), 1), date(int(hi[:4]), int(hi[5:]), 1))
        gaps = [m for m in span if m not in months_present]

    platform_side = shared.has_seller_column
    report = ValidationReport(
        rows_read=result.rows_read, rows_kept=kept, excluded=excluded, rejected=result.rejected,
        rejected_by_reason=dict(sorted(result.reject_reasons.items())),
        rejected_examples=(_first_examples(result.examples, chosen, shared.file_order) if platform_side
                           else result.examples),
        duplicate_order_ids=dup_ids, currencies=result.currencies,
        period_gaps=gaps, matched_by_rule=result.matched_by_rule,
        seller_rows=valid_chosen + rejected_chosen if platform_side else None,
        seller_rejected=rejected_chosen if platform_side else None,
        totals_rows=result.totals_rows, totals_row_examples=result.totals_examples,
        unknown_statuses=dict(sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))))
    w = Warnings()
    if result.totals_rows:
        shown = ", ".join(f"{r.file}:line {r.line} ({r.value!r})" for r in result.totals_examples)
        more = result.totals_rows - len(result.totals_examples)
        w.add("SALES_TOTALS_ROW", f"{result.totals_rows:,} totals row(s) under the data (合计/总计/Total …) read as "
                                  f"such and not counted (not in rows_read): {shown}"
                                  + (f" and {more:,} more" if more > 0 else ""))
    if unknown:
        w.add("SALES_UNKNOWN_STATUS", _unknown_status_text(unknown, chosen, result))
    if len(result.currencies) > 1 or excluded.get("other_currency"):
        w.add("SALES_MIXED_CURRENCY", f"mixed currencies in the export ({', '.join(result.currencies)}): "
                                      f"rows not in {currency} are excluded")
    if gaps:
        w.add("SALES_PERIOD_GAPS", f"no orders at all in {len(gaps)} month(s) of the period: {', '.join(gaps)} "
                                   "(is the export complete?)")
    if not result.matched_by_rule:
        w.add("SALES_NO_SELECTION", "no counterfeit selection (products[].skus / title_keywords): every row counts")
    examples = result.duplicate_examples or {}
    if dup_ids:
        shown = "; ".join(f"{e.label()} at {e.where()}" for e in examples.get("duplicates", []))
        w.add("SALES_DUPLICATES", f"{excluded.get('duplicate', 0):,} duplicate row(s) dropped: {dup_ids:,} order "
                                  "line(s) (order id + SKU) appear more than once, and the first copy in file order "
                                  "is kept" + (f", e.g. {shown}" if shown else ""))
    if conflicts:
        shown = "; ".join(f"{e.label()}: {e.differences()}" for e in examples.get("differ", []))
        w.add("SALES_DUPLICATES_DIFFER", f"{conflicts:,} duplicated order line(s) differ between their copies "
                                         "(amount, quantity, time or buyer); the first copy is kept — check the "
                                         "export" + (f": {shown}" if shown else ""))
    if absent and any(s is not None for s in absent):
        present = sorted(((s, sr.valid_rows + sr.rejected) for s, sr in result.per_seller.items() if s is not None),
                         key=lambda kv: (-kv[1], kv[0]))
        w.add("SALES_SELLER_ABSENT", f"no row of seller {', '.join(str(s) for s in absent)} in the sales files "
                                     "(defendants[].shops[].seller_id): no sales are counted for it; sellers in the "
                                     f"files: {_listing_text([(s, [], n) for s, n in present], 5)}")
    files = list(shared.files)
    for note in shared.notes:
        w.add("SALES_FILE_NOTE", note)
    return SalesSummary(currency=currency, files=files, profile=shared.profile, period=config.period, report=report,
                        by_sku=by_sku, by_month=by_month, totals=totals, sql=result.sql, warnings=w.texts,
                        warning_codes=w.codes)


def _unknown_status_text(unknown: dict[str, int], chosen: list[str | None], result: ScanResult) -> str:
    rows = sum(unknown.values())
    order = {s.label: s.index for s in result.sources}
    shown = []
    for status, n in sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_STATUS_EXAMPLES]:
        lines = [result.status_lines[(s, status)] for s in chosen if (s, status) in result.status_lines]
        first = min(lines, key=lambda fl: (order.get(fl[0], 0), fl[1])) if lines else None
        where = f"; first at {first[0]}:line {first[1]}" if first else ""
        name = repr(status) if status else "blank"
        shown.append(f"{name} ({n:,} row{'s' if n != 1 else ''}{where})")
    if len(unknown) > MAX_STATUS_EXAMPLES:
        shown.append(f"and {len(unknown) - MAX_STATUS_EXAMPLES:,} more statuses")
    example = next((s for s in unknown if s), "…")
    return (f"{rows:,} row(s) of counterfeit sales in the period have an order status Litigator does not know, and "
            f"are counted as sales: {', '.join(shown)}; if such orders are not sales, say what the status means "
            f"under `sales:` in case.yaml, e.g. `statuses: {{{_yaml_str(example)}: closed}}` (sale, unpaid, closed "
            "or fully_refunded)")


def _enforce(summary: SalesSummary, config: SalesConfig, accept_rejects: bool, require_sales: bool,
             sellers: list[str | None] | None = None) -> None:
    report = summary.report
    label = summary.files[0].path if summary.files else None
    limit = f"sales.max_reject_share {Decimal(config.max_reject_share):.2%}"
    if report.rows_read and not accept_rejects:
        share = Decimal(report.rejected) / Decimal(report.rows_read)
        if share > config.max_reject_share:
            first = report.rejected_examples[0] if report.rejected_examples else None
            where = f"line {first.line}" if first else None
            raise SalesRejectError(
                f"{report.rejected} of {report.rows_read} rows are malformed ({share:.2%} > "
                f"{limit}); fix the file or pass --accept-rejects", first.file if first else label, where, summary)
        # A platform-wide export can be clean on the whole while the case's sellers' rows are not:
        # their malformed rows are sales missing from the claim, so they are held to the same limit.
        if report.seller_rows and report.seller_rejected:
            share = Decimal(report.seller_rejected) / Decimal(report.seller_rows)
            if share > config.max_reject_share:
                names = sorted(s for s in sellers or () if s)
                first = next((r for r in report.rejected_examples if r.seller in names), None)
                where = f"line {first.line}" if first else None
                raise SalesRejectError(
                    f"{report.seller_rejected} of the {report.seller_rows} rows of seller {', '.join(names)} are "
                    f"malformed ({share:.2%} > {limit}); fix the file or pass --accept-rejects",
                    first.file if first else label, where, summary)
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
    while ``require_sales`` (the pipeline sets it when a scenario needs sales).
    """
    case = folder.case
    config, result, sellers, platform_side = _scan_case(folder, memory_limit=memory_limit, duplicate_examples=True)
    # a seller-side export is one seller's own orders
    chosen: list[str | None] | None = list(sellers) if platform_side else None
    summary = summary_for(result, chosen, config, currency=config.currency or case.currency,
                          group_by_month=group_by_month)
    if platform_side and result.seller_listing is not None:
        # Not one row of the case's sellers: a wrong seller_id or the wrong export, never "no sales".
        label = summary.files[0].path if summary.files else None
        near = [s for s, _, _ in result.seller_listing
                if any(s.strip().casefold() == c.strip().casefold() for c in sellers)]
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise SalesRejectError(
            f"no row of the sales files belongs to the case's seller {', '.join(sellers)}{hint} "
            f"(defendants[].shops[].seller_id); sellers in the files: {_listing_text(result.seller_listing)}",
            label, None, summary)
    if require_sales is None:
        require_sales = False  # the pipeline says whether a scenario needs sales (sales never asks damages)
    _enforce(summary, config, accept_rejects, require_sales, chosen)
    return summary


_EXTRACT_SQL = """
SELECT first_pos, seller, order_id, sku, product, ts, qty, amount, refund, buyer, n_rows
FROM kept_lines {where} ORDER BY first_pos
"""
POSITION_BITS = 40  # _pos = (_file << 40) + _ord (build_classify_sql)


def kept_lines_for(result: ScanResult, config: SalesConfig, wanted: dict[str, list[str | None] | None],
                   platform_side: bool) -> dict[str, KeptLines]:
    """Each named group's kept order lines with file and line (what :func:`extract` gives one case), as
    :class:`~litigator.sales.model.KeptLines`, from one scan of every group's sellers (a batch): one query,
    fetched as Arrow columns (no Python object per line), cut per seller, one Arrow stream per group. A
    group of None (or a seller-side export) takes every line."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from litigator.sales.model import KEPT_LINE_COLUMNS

    sellers = sorted({s for group in wanted.values() if group for s in group if s is not None})
    where = f"WHERE seller IN ({_sql_list(sellers)})" if platform_side and sellers else ""
    # by seller, then in file order: each seller's lines are one slice
    sql = _EXTRACT_SQL.format(where=where).replace("ORDER BY first_pos", "ORDER BY seller NULLS LAST, first_pos")
    table = result.con.sql(sql).to_arrow_table()
    positions = table.column("first_pos").to_numpy()
    sources = (positions >> POSITION_BITS).astype(np.int64)
    ordinals = (positions & ((1 << POSITION_BITS) - 1)).tolist()
    lines = np.empty(len(ordinals), dtype=np.int64)
    for s in result.sources:
        at = np.flatnonzero(sources == s.index)
        if not len(at):
            continue
        mine = [ordinals[i] for i in at.tolist()]
        s.resolve_lines(mine)
        lines[at] = [s.line_of(o) for o in mine]
    labels: list[str | None] = [None] * (max((s.index for s in result.sources), default=-1) + 1)
    for s in result.sources:
        labels[s.index] = s.label
    files_col = pa.array(labels, pa.string()).take(pa.array(sources))
    names = {"file": files_col, "line": pa.array(lines), "copies": table.column("n_rows"),
             "ordered_at": table.column("ts"), "quantity": table.column("qty")}
    columns = [names[c] if c in names else table.column(c) for c in KEPT_LINE_COLUMNS]
    lines_table = pa.table(columns, names=list(KEPT_LINE_COLUMNS))
    lines_table = lines_table.append_column("_pos", table.column("first_pos"))

    # where each seller's slice starts (the table is ordered by seller)
    seller_col = table.column("seller").to_pylist()
    spans: dict[str | None, tuple[int, int]] = {}
    start = 0
    for i in range(1, len(seller_col) + 1):
        if i == len(seller_col) or seller_col[i] != seller_col[start]:
            spans[seller_col[start]] = (start, i)
            start = i
    in_file_order = None

    def pack(part: Any) -> bytes:
        sink = pa.BufferOutputStream()
        part = part.drop_columns(["_pos"])
        with pa.ipc.new_stream(sink, part.schema) as writer:
            writer.write_table(part)
        return sink.getvalue().to_pybytes()

    files = _Shared.of(result, config).files
    out = {}
    for target, group in wanted.items():
        if group is None or not platform_side:
            if in_file_order is None:
                in_file_order = lines_table.sort_by("_pos")
            chosen = in_file_order
        elif len(group) == 1:
            a, b = spans.get(group[0], (0, 0))
            chosen = lines_table.slice(a, b - a)
        else:
            keep = lines_table.filter(pc.is_in(lines_table.column("seller"), value_set=pa.array(group, pa.string())))
            chosen = keep.sort_by("_pos")
        out[target] = KeptLines(files=files, arrow=pack(chosen))
    return out


def _scan_case(folder: "CaseFolder", **options: Any) -> tuple[SalesConfig, ScanResult, list[str], bool]:
    """The case's sales configuration, the scan over its files (only its sellers' rows of a platform-side
    export), its sellers, and whether the export is platform-side (then the sellers must be known)."""
    case = folder.case
    config = case.sales
    if config is None:
        raise DataFileError("case.yaml has no `sales:` section", str(folder.case_file))
    sellers = _case_sellers(case)
    result = scan(folder.path, config, list(case.products), sellers=sellers or None,
                  fixed_seller=sellers[0] if len(sellers) == 1 else None,
                  currency=config.currency or case.currency, **options)
    platform_side = any(s.match.profile == "platform" or "seller" in s.match.mapping for s in result.sources)
    if platform_side and not sellers:
        raise DataFileError("a platform-side export needs defendants[].shops[].seller_id to select rows",
                            str(folder.case_file))
    return config, result, sellers, platform_side


def extract(folder: "CaseFolder") -> SalesExtract:
    """The kept order lines of the case's sellers, each with its source file and line (a second, ordered
    pass: drafting only, after :func:`summarise` has enforced the reject limits). Other sellers' rows of
    a platform-side export never appear."""
    config, result, sellers, platform_side = _scan_case(folder, in_file_order=True)
    where = ""
    if platform_side:
        where = f"WHERE seller IN ({_sql_list(sellers)})"
    rows = result.con.execute(_EXTRACT_SQL.format(where=where)).fetchall()
    mask = (1 << POSITION_BITS) - 1
    by_file: dict[int, list[int]] = defaultdict(list)
    for r in rows:
        by_file[r[0] >> POSITION_BITS].append(r[0] & mask)
    for s in result.sources:
        s.resolve_lines(by_file.get(s.index, []))
    out = []
    for pos, seller, order_id, sku, product, ts, qty, amount, refund, buyer, n in rows:
        src = result.sources[pos >> POSITION_BITS]
        out.append(ExtractRow.from_kept_line(src.label, src.line_of(pos & mask), seller, order_id, sku, product,
                                             ts, qty, amount, refund, buyer, n))
    files = _Shared.of(result, config).files
    return SalesExtract(files=files, rows=out)


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
    return summaries_for(result, {s: [s] for s in wanted}, config, currency=currency,
                         group_by_month=group_by_month)


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
        for i, (label, path) in enumerate(resolve_files(folder.path, config.files)):
            con = duckdb.connect()
            try:
                out.append(srcmod.open_source(con, i, label, path, config, Path(tmp), header_only=True).match)
            finally:
                con.close()
    return out


# ---------------------------------------------------------------------------------------------
# Detection before case.yaml has a `sales:` section (`litigator sales PATH --detect`)
# ---------------------------------------------------------------------------------------------

@dataclass
class SalesDetection:
    """What ``sales PATH --detect`` found: each file's match, and the ``sales:`` block for case.yaml."""

    matches: list[ProfileMatch]
    yaml: str
    warnings: list[str] = field(default_factory=list)


_FOLDER_SUFFIXES = srcmod.CSV_SUFFIXES | srcmod.XLSX_SUFFIXES | srcmod.PARQUET_SUFFIXES | srcmod.JSONL_SUFFIXES


def _data_files(folder: Path, top_level: bool) -> list[Path]:
    """Order exports in a folder, by name (at a case folder's top level, not .txt/.json: too generic)."""
    suffixes = _FOLDER_SUFFIXES - ({".txt", ".json"} if top_level else set())
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes | {".xls"}
                  and not p.name.startswith((".", "~$")))


def _yaml_str(text: str) -> str:
    """A YAML scalar: plain when safe, else JSON-quoted (which YAML reads)."""
    import json
    import re

    if text and re.fullmatch(r"[\w./\-\u3000-\u9fff\uff00-\uffef()（）*?]+", text) and text[0] not in "-?*&!|>'\"%@`":
        return text
    return json.dumps(text, ensure_ascii=False)


def detect_layout(path: str | Path) -> SalesDetection:
    """Detect the layout of order exports before (or without) a ``sales:`` section: ``path`` is a case
    folder (the files its ``sales:`` names, else those in its sales/ folder, else the data files in
    it) or one export file. Returns every file's match and the block to paste into case.yaml."""
    import duckdb

    from litigator.errors import CaseFileError

    p = Path(path)
    warnings: list[str] = []
    config: SalesConfig | None = None
    comment = ""
    if p.is_dir():
        if (p / "case.yaml").exists():
            from litigator.casefile import load_case

            try:
                config = load_case(p).case.sales
            except CaseFileError as exc:
                warnings.append(f"case.yaml not read ({exc.line()}): detecting the files in the folder")
        if config is not None:
            try:
                files = resolve_files(p, config.files)
            except DataFileError as exc:  # name the pattern as a path the user can open
                if exc.path and not Path(exc.path).is_absolute():
                    exc.path = str(p / exc.path)
                    exc.args = (exc.line(),)
                raise
        else:
            where = p / "sales" if (p / "sales").is_dir() else p
            found = _data_files(where, top_level=where == p)
            if not found:
                raise DataFileError("no order export (CSV, XLSX, Parquet, JSON Lines) found here"
                                    + (" or in its sales/ folder" if where == p else ""), str(where))
            files = [(str(f.relative_to(p)), f) for f in found]
    elif p.is_file():
        files = [(f"sales/{p.name}", p)]
        if p.parent.name != "sales":
            comment = f"  # copy {p.name} into the case folder's sales/"
    else:
        raise DataFileError("no such file or folder", str(p))
    settings = config or SalesConfig(files=[label for label, _ in files])
    matches: list[ProfileMatch] = []
    with srcmod.temp_workdir() as tmp:
        for i, (label, file) in enumerate(files):
            con = duckdb.connect()
            try:  # errors name the file as it is on disk (no case folder to resolve it against)
                src = srcmod.open_source(con, i, str(file), file, settings, Path(tmp), header_only=True)
            finally:
                con.close()
            src.match.file = label
            matches.append(src.match)
    return SalesDetection(matches, _sales_block(config, [label for label, _ in files], matches, comment), warnings)


def _sales_block(config: SalesConfig | None, labels: list[str], matches: list[ProfileMatch], comment: str) -> str:
    """The ``sales:`` block for case.yaml: files, profile, encoding if not UTF-8, columns if no profile
    the case can name reads the header."""
    from typing import get_args  # Literal["taobao", …] | None: the profiles case.yaml can name

    from litigator.sales.profiles import CANONICAL

    nameable = {v for arg in get_args(SalesConfig.model_fields["profile"].annotation) for v in get_args(arg)}
    listed = config.files if config is not None else labels
    out = ["sales:", f"  files: [{', '.join(_yaml_str(f) for f in listed)}]{comment}"]
    profiles_found = {m.profile for m in matches}
    unmapped = [m for m in matches if m.missing]
    if config is not None and config.columns:
        pass  # the case's own mapping: kept as it is in case.yaml
    elif not unmapped and len(profiles_found) == 1:
        (profile,) = profiles_found
        if profile in nameable:
            out.append(f"  profile: {profile}")
        else:
            out.append(f"  # profile: {profile} (detected from the header; leave `profile:` out)")
    elif not unmapped:
        out.append(f"  # no profile line: the files differ ({', '.join(sorted(profiles_found))}), each is "
                   "detected from its header")
    encodings = {m.encoding for m in matches if m.encoding}
    legacy = {e for e in encodings if e not in ("utf-8", "utf-8-sig")}
    if legacy:
        if len(encodings) == 1:
            out.append(f"  encoding: {next(iter(legacy))}")
        else:
            out.append(f"  # files in different encodings ({', '.join(sorted(encodings))}): leave `encoding:` out")
    if config is not None and config.sheet:
        out.append(f"  sheet: {_yaml_str(config.sheet)}")
    if any(m.profile in ("platform",) or (m.profile == "columns" and "seller" in m.mapping) for m in matches):
        out.append("  # a platform-side export: rows are selected by defendants[].shops[].seller_id")
    if unmapped and not (config is not None and config.columns):
        m = unmapped[0]
        headers = [h.strip() for h in m.headers if h.strip()]
        out.append(f"  # no profile reads every needed column of {m.file}: fill in the header of each field "
                   f"(its headers: {', '.join(headers)})")
        out.append("  columns:")
        for canon in CANONICAL:
            if canon in m.mapping:
                out.append(f"    {canon}: {_yaml_str(m.headers[m.mapping[canon]].strip())}")
        for canon in m.missing:
            out.append(f'    {canon}: ""  # needed')
        if len(unmapped) > 1:
            out.append(f"  # {', '.join(x.file or '?' for x in unmapped[1:])}: headers to map as well")
    if config is None:
        out.append("  # period: {start: 2024-01-01, end: 2024-12-31}")
    return "\n".join(out) + "\n"


__all__ = ["detect_case_profiles", "SalesRejectError", "detect_profile", "detect_layout", "SalesDetection",
           "summarise", "summarise_all_sellers", "scan", "summary_for", "LitigatorError"]
