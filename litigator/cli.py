"""The command line: parses, calls the library, prints. No legal logic lives here.

Exit codes: 0 ok; 2 bad input or usage (one ``error:`` line on stderr); 1 only for a genuine bug
(``--debug`` shows the traceback). Warnings go to stderr as ``warning: ...`` and, with
``--format json``, into the JSON's ``warnings``; stdout stays clean JSON.
"""

from __future__ import annotations

import json
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from litigator.errors import LitigatorError

app = typer.Typer(
    name="litigator",
    help="Turn counterfeit-seller evidence into court filings.\n\n"
         "Example: litigator draft examples/platform-v-seller",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}


class Format(str, Enum):
    table = "table"
    json = "json"


class Lang(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


def _console(stderr: bool = False):
    import os

    from rich.console import Console

    # Piped or redirected output (a log, a file handed to a colleague) has no terminal to fit:
    # rich would assume 80 columns; give tables room instead (COLUMNS still wins when set).
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else 160
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


def _table(*columns: str, figures: tuple[str, ...] = (), title: str | None = None):
    """A table that never cuts a value short with "…" (rich's default): every column folds onto
    more lines when the terminal is too narrow; figures (amounts, counts, dates) are right-aligned."""
    from rich.table import Table

    t = Table(title=title)
    for c in columns:
        t.add_column(c, overflow="fold", justify="right" if c in figures else "left")
    return t


def warn(messages: list[str]) -> None:
    for m in messages:
        print(f"warning: {m}", file=sys.stderr)


def emit_json(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="show tracebacks for errors")] = False) -> None:
    """Turn counterfeit-seller evidence into court filings.

    Example: litigator draft examples/platform-v-seller
    """
    _state["debug"] = debug


# ---------------------------------------------------------------------------------------------
# init / schema
# ---------------------------------------------------------------------------------------------


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="the case folder to create")],
    jurisdiction: Annotated[str, typer.Option(help="cn (us comes with the US pack)")] = "cn",
    force: Annotated[bool, typer.Option(help="overwrite an existing case.yaml")] = False,
) -> None:
    """Scaffold a case folder with a commented case.yaml that validates.

    Example: litigator init cases/acme-v-seller
    """
    from litigator.scaffold import init_case

    path = init_case(directory, jurisdiction=jurisdiction, force=force)
    print(f"wrote {path}; next: replace its placeholder parties, identifiers, shop and product (draft refuses "
          f"them; docs/case-yaml.md lists every key), put files in {directory / 'evidence'}, then "
          f"`litigator draft {directory}`", file=sys.stderr)


@app.command()
def schema(
    file: Annotated[str, typer.Argument(metavar="FILE", help="case (case.yaml, the default) or evidence "
                                        "(evidence.yaml)")] = "case",
) -> None:
    """Print the JSON Schema of case.yaml, or of evidence.yaml.

    A readable key reference of both (types, defaults, descriptions) is docs/case-yaml.md.

    evidence.yaml (beside case.yaml, or in evidence/) maps each file of evidence/ to its title (名称),
    source (来源), purpose of proof (证明目的), order (顺序) and pages (页数); English or Chinese keys.

    Example: litigator schema > case.schema.json

    Example: litigator schema evidence
    """
    if file == "evidence":
        from litigator.evidence import evidence_schema

        emit_json(evidence_schema())
        return
    if file != "case":
        raise LitigatorError(f"no schema {file!r} (case or evidence)")
    from litigator.models import case_adapter

    schema = case_adapter().json_schema()
    schema["title"] = "Case"  # one model per forum, tagged on `jurisdiction`
    emit_json(schema)


# ---------------------------------------------------------------------------------------------
# facts
# ---------------------------------------------------------------------------------------------


@app.command()
def facts(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (with --propose/--accept: CASE [KEYS...])")],
    lang: Annotated[Lang, typer.Option(help="language of the files")] = Lang.auto,
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
    dump_text: Annotated[bool, typer.Option("--dump-text", help="print the decoded text that offsets index")] = False,
    propose: Annotated[bool, typer.Option("--propose", help="write facts.yaml with proposals for case.yaml")] = False,
    accept: Annotated[
        bool, typer.Option("--accept", help="apply proposals (all, or the KEYS given) to case.yaml")
    ] = False,
    force: Annotated[bool, typer.Option(help="overwrite an existing facts.yaml")] = False,
) -> None:
    """Extract facts (parties, shops, amounts, dates, numbers) from case files, with their source.

    Example: litigator facts examples/platform-v-seller/evidence --format json
    Example: litigator facts examples/platform-v-seller --propose
    """
    from litigator import facts as facts_stage

    if propose and accept:
        raise LitigatorError("use --propose or --accept, not both")
    if propose or accept:
        case_dir, keys = paths[0], [str(k) for k in paths[1:]]
        if propose:
            if keys:
                raise LitigatorError("--propose takes only the case folder")
            out, proposals = facts_stage.write_proposals(case_dir, force=force)
            print(f"wrote {out}", file=sys.stderr)
            _print_proposals(proposals)
        else:
            result = facts_stage.accept(case_dir, keys or None)
            sys.stdout.write(result.diff)
            warn([f"not applied: {s}" for s in result.skipped])
            if result.applied:
                print(f"updated {result.case_yaml} ({', '.join(result.applied)}); backup: {result.backup}",
                      file=sys.stderr)
            else:
                print("nothing applied", file=sys.stderr)
        return
    if dump_text:
        for p in paths:
            sys.stdout.write(facts_stage.read_text(p).text)
        return
    result = facts_stage.extract_paths(paths, lang=lang.value)
    if format is Format.json:
        emit_json(result.model_dump(mode="json"))
    else:
        table = _table("type", "value", "text", "where")
        for f in result.facts:
            value = f.value + (f" {f.currency}" if getattr(f, "currency", None) else "")
            if getattr(f, "valid", None) is False:
                value += " (checksum fails)"
            table.add_row(f.type, value, f.text, f"{f.file}:{getattr(f, 'line', '')}")
        _console().print(table)
    failed = [f for f in result.files if f.error]
    for f in failed:
        print(f"error: {f.path}: {f.error}", file=sys.stderr)
    if failed:
        raise typer.Exit(2)


def _print_proposals(proposals) -> None:
    table = _table("key", "value", "source", "case.yaml now", title="Proposals (facts.yaml)")
    for p in proposals.proposals:
        value = p.value + (f" {p.currency}" if p.currency else "")
        now = (p.current or "") + ("  CONFLICT" if p.conflict else "")
        table.add_row(p.key, value, f"{p.file}:{p.line}", now)
    _console(stderr=True).print(table)


# ---------------------------------------------------------------------------------------------
# sales
# ---------------------------------------------------------------------------------------------


@app.command()
def sales(
    case: Annotated[Path, typer.Argument(help="the case folder (with --detect: a folder or one export file)")],
    detect: Annotated[
        bool, typer.Option("--detect", help="show which column profile matches each file, and why, and print the "
                           "`sales:` block for case.yaml (works before case.yaml or its `sales:` exist)")
    ] = False,
    accept_rejects: Annotated[
        bool, typer.Option("--accept-rejects", help="go on when more rows are malformed than sales.max_reject_share")
    ] = False,
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
) -> None:
    """Validate and summarise the case's order exports (kept, excluded, rejected rows; totals).

    Example: litigator sales examples/platform-v-seller

    Example: litigator sales my-case/sales/orders.csv --detect
    """
    from litigator.casefile import load_case
    from litigator.pipeline import load_sales

    if detect:
        _detect_sales(case, format)
        return
    folder = load_case(case)
    if folder.case.sales is None:
        raise LitigatorError("case.yaml has no `sales:` section (`litigator sales DIR --detect` prints one)",
                             folder.case_file)
    try:
        summary = load_sales(folder, accept_rejects=accept_rejects)
    except LitigatorError as err:
        report = getattr(err, "report", None)
        if report is not None:
            if format is Format.json:
                emit_json({"report": report.model_dump(mode="json"), "error": err.line()})
            else:
                _print_sales_report(report)
        raise
    if format is Format.json:
        emit_json(summary.model_dump(mode="json"))
        return
    warn(summary.warnings)
    _print_sales_report(summary.report)
    _print_sales_summary(summary)


def _detect_sales(path: Path, format: Format) -> None:
    """`sales PATH --detect`: each file's layout, then the `sales:` block to paste into case.yaml."""
    from litigator.sales.engine import detect_layout

    found = detect_layout(path)
    if format is Format.json:
        emit_json({"files": [m.model_dump(mode="json") for m in found.matches], "yaml": found.yaml,
                   "warnings": found.warnings})
        return
    warn(found.warnings)
    for m in found.matches:
        print(m.describe())
    print("\n# for case.yaml:")
    print(found.yaml, end="")


def _print_sales_report(report) -> None:
    t = _table("validation", "rows", figures=("rows",), title="Validation report")
    t.add_row("read", f"{report.rows_read:,}")
    t.add_row("kept", f"{report.rows_kept:,}")
    for rule, n in report.excluded.items():
        t.add_row(f"excluded: {rule}", f"{n:,}")
    t.add_row("rejected (malformed)", f"{report.rejected:,}")
    if report.seller_rows is not None:  # a platform-side export: the case's sellers' own rows
        share = f" ({report.seller_rejected / report.seller_rows:.2%})" if report.seller_rows else ""
        t.add_row("rows of the case's sellers", f"{report.seller_rows:,}")
        t.add_row("  of them malformed", f"{report.seller_rejected:,}{share}")
    t.add_row("duplicate order ids", f"{report.duplicate_order_ids:,}")
    if report.totals_rows:
        t.add_row("totals rows (not data)", f"{report.totals_rows:,}")
    for status, n in report.unknown_statuses.items():
        t.add_row(f"kept, unknown status: {status or '(blank)'}", f"{n:,}")
    for rule, n in report.matched_by_rule.items():
        t.add_row(f"matched: {rule}", f"{n:,}")
    _console().print(t)
    for r in report.rejected_examples:
        seller = f" (seller {r.seller})" if r.seller else ""
        print(f"  rejected {r.file}:line {r.line}{seller}: {r.column}={r.value!r}: {r.reason}")


def _print_sales_summary(summary) -> None:
    from litigator.money import format_amount

    def period(first, last) -> str:
        return f"{first} – {last}" if first else ""

    # One seller (the usual case): named in the title, so the figures fit 80 columns.
    sellers = {line.seller for line in summary.by_sku}
    one = len(sellers) <= 1
    title = f"Counterfeit sales ({summary.currency})"
    if one and sellers and next(iter(sellers)):
        title = f"Counterfeit sales of {next(iter(sellers))} ({summary.currency})"
    head = ("sku",) if one else ("seller", "sku")
    t = _table(*head, "orders", "units", "gross", "refunds", "net", "period",
               figures=("orders", "units", "gross", "refunds", "net"), title=title)
    for line in summary.by_sku:
        t.add_row(*(() if one else (line.seller or "",)), line.sku or "", f"{line.orders:,}", f"{line.units:,}",
                  format_amount(line.gross), format_amount(line.refunds), format_amount(line.net),
                  period(line.first_order, line.last_order))
    tot = summary.totals
    t.add_row(*(() if one else ("total",)), "total" if one else "", f"{tot.orders:,}", f"{tot.units:,}",
              format_amount(tot.gross), format_amount(tot.refunds), format_amount(tot.net),
              period(tot.first_order, tot.last_order))
    _console().print(t)
    for f in summary.files:  # the whole digest: the printed report is a record a court may see
        print(f"source: {f.path} rows {f.first_line}–{f.last_line} sha256 {f.sha256}")


# ---------------------------------------------------------------------------------------------
# damages
# ---------------------------------------------------------------------------------------------


@app.command()
def damages(
    case: Annotated[Path, typer.Argument(help="the case folder")],
    scenario: Annotated[Optional[str], typer.Option(help="only this scenario")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="one paragraph per claim head, article cited")] = False,
    explain_lang: Annotated[
        Optional[str], typer.Option("--explain-lang", help="language of --explain (cn cases: zh, the default, or en)")
    ] = None,
    accept_rejects: Annotated[
        bool, typer.Option("--accept-rejects", help="go on despite malformed sales rows")
    ] = False,
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
    precedents: Annotated[
        Optional[list[Path]], typer.Option("--precedents", help="a folder of your own precedents (repeatable)")
    ] = None,
) -> None:
    """Claim heads per scenario under the law of the forum, with court fees, calibrated against precedents.

    Below the scenario tables: the most similar decided cases, the expected award and the awarded range
    of each scenario, and the court-fee risk (internal work product, never in the complaint).

    Example: litigator damages examples/platform-v-seller --format json
    Example: litigator damages my-case --precedents ~/firm-precedents
    Example: litigator damages examples/brand-v-seller --explain --explain-lang en
    """
    from litigator import damages as damages_stage
    from litigator import pipeline
    from litigator.casefile import check_placeholders

    folder = pipeline.load_case(case)
    check_placeholders(folder)
    if scenario is not None and scenario not in folder.case.scenarios:
        raise LitigatorError(f"no scenario {scenario!r} (have: {', '.join(folder.case.scenarios)})",
                             folder.case_file, "scenarios")
    summary = pipeline.load_sales(folder, accept_rejects=accept_rejects)
    report = pipeline.calibrate(folder, pipeline.compute_damages(folder, summary), summary, precedents)
    if scenario is not None:
        report = damages_stage.select(report, scenario)
    extra = list(summary.warnings) if summary else []
    # explained before anything is printed, so a bad --explain-lang prints nothing but its error
    explanations = damages_stage.explain(report, folder.case, explain_lang) if explain else None
    if format is Format.json:
        data = report.model_dump(mode="json")
        data["warnings"] = extra + data["warnings"]
        data["warning_codes"] = (list(summary.warning_codes) if summary else []) + data["warning_codes"]
        if explanations is not None:
            data["explanations"] = explanations
        emit_json(data)
        return
    warn(extra + report.warnings + [f"{s.name}: {w}" for s in report.scenarios for w in s.warnings])
    _print_damages(report)
    if explanations is not None:
        for name, paragraphs in explanations.items():
            print(f"\n[{name}]")
            for p in paragraphs:
                print(p)


def _print_damages(report) -> None:
    from litigator import damages as damages_stage

    console = _console()
    for s in report.scenarios:
        marker = " (filed)" if s.name == report.filed_scenario else ""
        t = _table("head", "amount", "formula", "basis", figures=("amount",),
                   title=f"Scenario {s.name}{marker} ({report.currency})")
        for row in damages_stage.head_rows(s, report.jurisdiction):
            label = row["label"] if row["code"] in ("total", "case_fee", "preservation_fee") \
                else f"{row['label']} ({row['code']})"
            t.add_row(label, row["amount"], row["formula"], row["basis"])
        console.print(t)
    if len(report.scenarios) > 1:
        t = _table("scenario", "total", "court fee", "preservation fee", "warnings",
                   figures=("total", "court fee", "preservation fee"), title="Comparison")
        for row in damages_stage.comparison(report):
            t.add_row(row["scenario"] + (" (filed)" if row["filed"] else ""), row["total"], row["case_fee"],
                      row["preservation_fee"], row["warnings"])
        console.print(t)
    _print_calibration(report)


def _print_calibration(report) -> None:
    from litigator.money import format_amount

    cal = report.calibration
    if cal is None:
        return
    console = _console()
    t = _table("id", "court", "year", "claimed", "awarded", "ratio", "score",
               figures=("year", "claimed", "awarded", "ratio", "score"),
               title=f"Most similar precedents ({report.currency}; internal, not for the complaint)")
    for n in cal.neighbours:
        t.add_row(n.id, n.court, str(n.year or "—"), format_amount(n.claimed), format_amount(n.awarded), n.ratio,
                  n.score)
    console.print(t)
    if cal.fallback:
        print(f"fallback: {cal.fallback}")
    t = _table("scenario", "claim", "expected award (low–mid–high)", "awarded range", "over-claim",
               figures=("claim",), title="Calibration")
    for s in report.scenarios:
        c = s.calibration
        if c is None:
            continue
        e = c.expected_award
        rng = (f"{format_amount(c.awarded_range.low)}–{format_amount(c.awarded_range.high)}"
               if c.awarded_range else "—")
        over = f"yes (> {c.over_claim_factor}× high)" if c.over_claim else "no"
        t.add_row(s.name, format_amount(s.total),
                  f"{format_amount(e.low)}–{format_amount(e.mid)}–{format_amount(e.high)}", rng, over)
    console.print(t)
    if report.risk:
        t = _table("scenario", "claim", "court fee", "expected award", "from", "fee borne if expected",
                   figures=("claim", "court fee", "expected award", "fee borne if expected"),
                   title="Risk: the plaintiff's share of the court fee if the expected amount is awarded")
        for r in report.risk:
            t.add_row(r.scenario, format_amount(r.claim), _money_or_dash(r.case_fee),
                      format_amount(r.expected_award), r.expected_award_source,
                      _money_or_dash(r.fee_borne_if_expected))
        console.print(t)
        print(f"basis: {report.risk[0].basis}")


def _money_or_dash(value) -> str:
    from litigator.money import format_amount

    return format_amount(value) if value is not None else "—"


# ---------------------------------------------------------------------------------------------
# precedents
# ---------------------------------------------------------------------------------------------

precedents_app = typer.Typer(
    help="Query and validate the precedent library (real, sourced cases: claimed vs awarded).\n\n"
         "Example: litigator precedents search 猫粮 --forum cn",
    no_args_is_help=True, rich_markup_mode=None)
app.add_typer(precedents_app, name="precedents")

PrecedentDirs = Annotated[
    Optional[list[Path]], typer.Option("--precedents", help="add a folder of your own precedents (repeatable)")]


@precedents_app.command("search")
def precedents_search(
    query: Annotated[Optional[str], typer.Argument(help="free text, Chinese or English (ranked by TF-IDF)")] = None,
    forum: Annotated[Optional[str], typer.Option(help="cn or us")] = None,
    cause: Annotated[Optional[str], typer.Option(help="contract, tort, trademark, unfair_competition, …")] = None,
    plaintiff_type: Annotated[Optional[str], typer.Option(help="platform, brand_owner or other")] = None,
    brand: Annotated[Optional[str], typer.Option(help="a brand name (part of it is enough)")] = None,
    category: Annotated[Optional[str], typer.Option(help="product category, e.g. pet_supplies")] = None,
    court: Annotated[Optional[str], typer.Option(help="part of the court's name")] = None,
    year_from: Annotated[Optional[int], typer.Option(help="decided in or after this year")] = None,
    year_to: Annotated[Optional[int], typer.Option(help="decided in or before this year")] = None,
    min_award: Annotated[Optional[str], typer.Option(help="awarded at least (e.g. 100000)")] = None,
    max_award: Annotated[Optional[str], typer.Option(help="awarded at most")] = None,
    limit: Annotated[int, typer.Option(help="at most this many results")] = 20,
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
    precedents: PrecedentDirs = None,
) -> None:
    """Find precedents by filters and free text.

    Example: litigator precedents search 猫粮
    Example: litigator precedents search "counterfeit watches" --plaintiff-type platform --format json
    Example: litigator precedents search --forum cn --cause trademark --year-from 2020 --min-award 100000
    """
    from litigator import precedents as precedents_stage
    from litigator.precedents.search import Filters, search

    filters = Filters(forum=forum, cause=cause, plaintiff_type=plaintiff_type, brand=brand, product_category=category,
                      court=court, year_from=year_from, year_to=year_to,
                      min_award=_amount_option(min_award, "--min-award"),
                      max_award=_amount_option(max_award, "--max-award"))
    library = precedents_stage.load(precedents)
    hits = search(library, query, filters, limit=limit)
    if format is Format.json:
        emit_json({"query": query, "count": len(hits),
                   "results": [{"score": h.score, **_precedent_row(h.precedent)} for h in hits]})
        return
    t = _table("id", "court", "year", "cause", "claimed", "awarded", "ratio", "score",
               figures=("year", "claimed", "awarded", "ratio", "score"), title=f"{len(hits)} precedent(s)")
    for h in hits:
        p = h.precedent
        ratio = p.ratio()
        t.add_row(p.id, p.court or "—", str(p.year or "—"), p.cause,
                  f"{_money_or_dash(p.claimed.total)} {p.claimed.currency}" if p.claimed else "—",
                  f"{_money_or_dash(p.awarded.total)} {p.awarded.currency}" if p.awarded else "—",
                  f"{ratio:.4f}" if ratio is not None else "—", f"{h.score:.4f}" if h.score is not None else "")
    _console().print(t)


def _amount_option(value: str | None, name: str):
    if value is None:
        return None
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(value.replace(",", ""))
    except InvalidOperation:
        raise LitigatorError(f"{name}: not an amount: {value!r}") from None


def _precedent_row(p) -> dict:
    from litigator.money import quantize

    data = p.model_dump(mode="json", exclude_none=True)
    data["claimed_total"] = str(quantize(p.claimed.total)) if p.claimed else None
    data["awarded_total"] = str(quantize(p.awarded.total)) if p.awarded else None
    return data


@precedents_app.command("show")
def precedents_show(
    precedent_id: Annotated[str, typer.Argument(metavar="ID", help="the precedent's id")],
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
    precedents: PrecedentDirs = None,
) -> None:
    """Print one precedent with its source (YAML, or JSON with --format json).

    Example: litigator precedents show taobao-v-yao-royalcanin-2017
    """
    from litigator import precedents as precedents_stage

    entry = precedents_stage.load(precedents).get(precedent_id)
    if format is Format.json:
        emit_json({"file": str(entry.path), **_precedent_row(entry.precedent)})
        return
    from ruamel.yaml import YAML

    print(f"# {entry.path}")
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 110
    yaml.dump(entry.precedent.model_dump(mode="json", exclude_none=True), sys.stdout)


@precedents_app.command("check")
def precedents_check(
    folders: Annotated[Optional[list[Path]], typer.Argument(help="library folders (default: the shipped one)")] = None,
) -> None:
    """Validate precedent files: schema, source, amounts, dates, duplicate ids. Exit 2 on any problem.

    Example: litigator precedents check
    Example: litigator precedents check ~/firm-precedents
    """
    from litigator import precedents as precedents_stage

    targets = list(folders) if folders else [precedents_stage.shipped_library()]
    count, problems = precedents_stage.check(targets)
    for err in problems[:20]:
        print(f"error: {err.line()}", file=sys.stderr)
    if len(problems) > 20:
        print(f"({len(problems) - 20} more)", file=sys.stderr)
    if problems:
        raise typer.Exit(2)
    print(f"{count} file(s) checked in {', '.join(str(t) for t in targets)}: no problems")


# ---------------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------------

templates_app = typer.Typer(
    help="Check jinja templates (the shipped ones, or a folder for draft --templates).\n\n"
         "Example: litigator templates check",
    no_args_is_help=True, rich_markup_mode=None)
app.add_typer(templates_app, name="templates")


@templates_app.command("check")
def templates_check(
    directory: Annotated[Optional[Path], typer.Argument(
        metavar="DIR", help="a templates folder laid out like the shipped one (cn/complaint.md.j2 …); default: "
                            "the shipped templates")] = None,
    sample: Annotated[Optional[Path], typer.Option(
        "--sample", help="the case folder the smoke render fills with hostile text (default: "
                         "examples/brand-v-seller of a source checkout)")] = None,
    no_render: Annotated[bool, typer.Option("--no-render", help="only the static checks (no smoke render)")] = False,
) -> None:
    """Check templates: jinja syntax errors, variables the context does not provide, attributes the case and
    report models do not have, claim-head codes the forum does not know, and a smoke render of every document
    with hostile sample text (Markdown and jinja syntax, &, <, emoji, rare CJK) that must print literally.

    One line per finding (file:line N: what) and exit 2; no finding: one line and exit 0.

    Example: litigator templates check

    Example: litigator templates check my-templates --sample examples/platform-v-seller
    """
    from litigator.drafting.template_check import check_templates

    report = check_templates(directory, sample, smoke=not no_render)
    for f in report.findings[:20]:
        print(f"error: {f.text()}", file=sys.stderr)
    if len(report.findings) > 20:
        print(f"({len(report.findings) - 20} more)", file=sys.stderr)
    if report.findings:
        raise typer.Exit(2)
    rendered = (f", {len(report.rendered)} document(s) rendered with hostile text from {report.sample}"
                if report.sample is not None and not no_render else ", no smoke render (no --sample case)"
                if not no_render else "")
    print(f"{len(report.templates)} template(s) checked in {report.folder}{rendered}: no problems")


# ---------------------------------------------------------------------------------------------
# evidence
# ---------------------------------------------------------------------------------------------

evidence_app = typer.Typer(
    help="The case's evidence files (evidence/ and evidence.yaml).\n\n"
         "Example: litigator evidence pages examples/brand-v-seller",
    no_args_is_help=True, rich_markup_mode=None)
app.add_typer(evidence_app, name="evidence")


@evidence_app.command("pages")
def evidence_pages(
    case: Annotated[Path, typer.Argument(help="the case folder (its evidence/ and evidence.yaml)")],
    write: Annotated[
        bool, typer.Option("--write", help="write the counts LibreOffice made into evidence.yaml (comments and "
                           "other keys kept)")
    ] = False,
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
) -> None:
    """Count the pages of each file of evidence/ for the evidence list's 页数.

    A PDF is counted directly (draft does that too); .txt, .docx, .doc, .odt and .rtf files are converted to
    PDF by LibreOffice in a temporary folder and counted. With --write those counts go into evidence.yaml as
    `pages:`. Drafting never runs LibreOffice: it reads pages from evidence.yaml or the PDF.

    Example: litigator evidence pages examples/brand-v-seller

    Example: litigator evidence pages my-case --write
    """
    from litigator.evidence_pages import count_pages, write_pages

    counts = count_pages(case)
    written, changed = write_pages(case, counts) if write else (None, [])
    if format is Format.json:
        emit_json({"files": [{"path": c.path, "pages": c.counted, "how": c.how, "evidence_yaml": c.given}
                             for c in counts],
                   "written": str(written) if changed else None, "changed": changed})
    else:
        t = _table("file", "pages", "evidence.yaml", "counted by", figures=("pages", "evidence.yaml"))
        for c in counts:
            t.add_row(c.path, str(c.counted) if c.counted else "—", str(c.given) if c.given else "—", c.how)
        _console().print(t)
    if write:
        shown = ", ".join(changed) if len(changed) <= 3 else f"{len(changed)} files"
        print(f"wrote {written} (pages of {shown})" if changed
              else "nothing written: evidence.yaml already has every count LibreOffice made (a PDF is counted "
                   "when drafting)", file=sys.stderr)
    elif any(c.how == "LibreOffice" and c.counted and c.counted != c.given for c in counts):
        print("add --write to put these counts into evidence.yaml", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# draft
# ---------------------------------------------------------------------------------------------


@app.command()
def draft(
    case: Annotated[Path, typer.Argument(help="the case folder")],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="output folder (default CASE/out)")] = None,
    scenario: Annotated[Optional[str], typer.Option(help="claim this scenario instead of filed_scenario")] = None,
    only: Annotated[Optional[list[str]], typer.Option(help="only these documents (complaint, evidence-list)")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="also convert each .docx to .pdf with LibreOffice")] = False,
    reference_doc: Annotated[
        Optional[Path], typer.Option("--reference-doc", help="a .docx whose styles to use")
    ] = None,
    templates: Annotated[
        Optional[Path], typer.Option("--templates", help="a folder replacing the shipped templates")
    ] = None,
    accept_rejects: Annotated[
        bool, typer.Option("--accept-rejects", help="go on despite malformed sales rows")
    ] = False,
    force: Annotated[bool, typer.Option(help="overwrite existing output files")] = False,
    precedents: PrecedentDirs = None,
) -> None:
    """Draft the filing set: complaint.docx, evidence-list.docx, calculation.json.

    Example: litigator draft examples/platform-v-seller -o out/platform-v-seller --pdf
    """
    from litigator import pipeline

    result = pipeline.draft(case, out_dir=out, scenario=scenario, only=only, pdf=pdf,
                            reference_doc=reference_doc, template_dir=templates, force=force,
                            accept_rejects=accept_rejects, precedents=precedents)
    warn(result.warnings)
    for p in result.written:
        print(p)


# ---------------------------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------------------------


@app.command()
def check(
    dir_or_docx: Annotated[Path, typer.Argument(
        metavar="DIR_OR_DOCX", help="a folder of drafts (with its calculation.json), or one .docx (calculation.json "
                                    "beside it)")],
    case: Annotated[
        Optional[Path], typer.Option("--case", help="the case folder, for checksum_override and facts.yaml "
                                     "(default: DIR's parent when DIR is CASE/out, else the case calculation.json "
                                     "names)")
    ] = None,
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
) -> None:
    """Lint drafted documents before signing: template syntax left over, placeholders, required sections missing
    or empty, amounts in requests or formulas that calculation.json does not have, exhibit numbers the evidence
    list does not have, ID and credit-code checksums, unresolved facts.yaml conflicts (docs/check.md).

    One line per finding (file:where: CODE: message) and exit 2; no finding: one line and exit 0.

    Example: litigator check examples/platform-v-seller/out

    Example: litigator check out/brand-v-seller/complaint.docx --format json
    """
    from litigator.drafting.check import check as check_drafts

    report = check_drafts(dir_or_docx, case)
    if format is Format.json:
        emit_json({**report.model_dump(mode="json"), "warnings": []})
    else:
        for f in report.findings:
            print(f.line())
        n = len(report.documents)
        if report.findings:
            print(f"{len(report.findings)} problem{'s' * (len(report.findings) != 1)} in {n} "
                  f"document{'s' * (n != 1)} checked", file=sys.stderr)
        else:
            print(f"{n} document{'s' * (n != 1)} checked: no problems")
    if report.findings:
        raise typer.Exit(2)


# ---------------------------------------------------------------------------------------------
# batch
# ---------------------------------------------------------------------------------------------


class ExecutorKind(str, Enum):
    local = "local"
    dask = "dask"


class _BatchProgress:
    """A rich progress bar (rate, ETA) on a terminal; one plain line per row otherwise (logs)."""

    def __init__(self) -> None:
        self.bar = None
        self.done = 0
        self.total = 0

    def start(self, total: int, skipped: int) -> None:
        self.total = total
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("drafting"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                                TimeRemainingColumn(), console=_console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("batch", total=total, rate="")
        if skipped:
            print(f"{skipped} of {total} rows finished earlier with the same inputs: skipped (--force redoes them)",
                  file=sys.stderr)

    def advance(self, result) -> None:
        self.done += 1
        if self.bar is not None:
            task = self.bar.tasks[0]
            rate = f"{task.speed:.1f} rows/s" if task.speed else ""
            self.bar.update(self.task, advance=1, rate=rate)
        elif result.status != "skipped":  # the errors follow, one line each, at the end
            print(f"[{self.done}/{self.total}] row {result.row} {result.target}: {result.status}", file=sys.stderr)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


CONSOLE_ROWS = 40  # a longer batch shows its rows that failed and the first ones; summary.csv has them all


def _print_batch(result) -> None:
    from litigator.batch.summary import rows

    header, lines = rows(result)
    keep = [i for i, h in enumerate(header) if h not in ("outputs", "warning_codes", "error")]
    table = _table(*(header[i] for i in keep), figures=tuple(h for h in header if h.startswith("claim_"))
                   + ("row", "expected_award"))
    shown = lines
    if len(lines) > CONSOLE_ROWS:
        status = header.index("status")
        failed = [line for line in lines if line[status] in ("failed", "not_run")][:CONSOLE_ROWS]
        first = [line for line in lines if line[status] not in ("failed", "not_run")][:CONSOLE_ROWS - len(failed)]
        shown = sorted(failed + first, key=lambda line: int(line[0]))
    for line in shown:
        table.add_row(*(line[i] for i in keep))
    if len(shown) < len(lines):
        table.caption = f"{len(shown)} of {len(lines)} rows (every failed one first); all of them: summary.csv"
    _console().print(table)


@app.command()
def batch(
    manifest: Annotated[Path, typer.Argument(help="the manifest: .csv (UTF-8 or GBK), .xlsx or .yaml")],
    base: Annotated[Optional[Path], typer.Option(help="the base case folder (else the manifest's `base`)")] = None,
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="output folder (default: batch-out beside the "
                                                                    "manifest)")] = None,
    workers: Annotated[Optional[int], typer.Option(help="worker processes (default: the machine's cores)")] = None,
    executor: Annotated[ExecutorKind, typer.Option(help="local process pool or a Dask cluster")] = ExecutorKind.local,
    address: Annotated[Optional[str], typer.Option(help="the Dask scheduler (tcp://HOST:8786); none: a local "
                                                        "cluster")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="validate every row and the sales data; write "
                                                            "nothing")] = False,
    force: Annotated[bool, typer.Option(help="draft every row again, even those finished earlier")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="also convert each .docx to .pdf with LibreOffice")] = False,
    only: Annotated[Optional[list[str]], typer.Option(help="only these documents (e.g. complaint)")] = None,
    reference_doc: Annotated[
        Optional[Path], typer.Option("--reference-doc", help="a .docx whose styles to use")] = None,
    templates: Annotated[
        Optional[Path], typer.Option("--templates", help="a folder replacing the shipped templates")] = None,
    accept_rejects: Annotated[
        bool, typer.Option("--accept-rejects", help="go on despite malformed sales rows")] = False,
    precedents: PrecedentDirs = None,
) -> None:
    """Draft a suit for every row of a manifest: one base case, one row per seller (docs/batch.md).

    Resumable: a rerun skips rows finished with the same inputs. Writes OUT/<target>/ per row and
    OUT/summary.csv + summary.json; exit 0 when every row succeeded, 2 when any failed.

    Example: litigator batch sellers.csv --base examples/platform-v-seller -o out/batch --only complaint
    """
    from litigator.batch import run_batch
    from litigator.pipeline import DraftOptions

    options = DraftOptions(only=only, pdf=pdf, reference_doc=reference_doc, template_dir=templates,
                           accept_rejects=accept_rejects, precedents=precedents)
    result = run_batch(manifest, out, base=base, options=options, workers=workers, executor=executor.value,
                       address=address, dry_run=dry_run, force=force, progress=None if dry_run else _BatchProgress())
    _print_batch(result)
    failed = [r for r in result.results if r.status in ("failed", "not_run")]
    for r in failed[:20]:
        print(f"error: {manifest}:row {r.row}: {r.error}", file=sys.stderr)
    if len(failed) > 20:
        print(f"({len(failed) - 20} more)", file=sys.stderr)
    counts = ", ".join(f"{n} {status}" for status, n in result.counts().items())
    if dry_run:
        print(f"dry run: {counts}; nothing written", file=sys.stderr)
    else:
        print(f"{counts}; summary: {result.out / 'summary.csv'}", file=sys.stderr)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    _state["debug"] = "--debug" in args
    try:
        app(args=args, prog_name="litigator", standalone_mode=True)
    except LitigatorError as err:
        if _state["debug"]:
            traceback.print_exc()
        for text in err.lines():
            print(text, file=sys.stderr)
        sys.exit(err.exit_code)
    except KeyboardInterrupt as exc:
        _interrupted(exc)
    except OSError as exc:
        from litigator.outputs import os_error

        user = os_error(exc)
        if user is None:
            _bug(exc)
        if _state["debug"]:
            traceback.print_exc()
        print(f"error: {user.line()}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:
        if _interrupt_of_a_library(exc):
            _interrupted()
        _bug(exc)


def _interrupted(exc: BaseException | None = None) -> None:
    """Ctrl-C: one line, exit 130 (nothing half-written: outputs are renamed into place only when complete).
    An interrupted batch says where its summary is and how to resume."""
    batch = getattr(exc, "batch", None)
    if batch is not None and batch.written:
        counts = ", ".join(f"{n} {status}" for status, n in batch.counts().items())
        print(f"error: interrupted (Ctrl-C); no file was left half-written; {counts}; summary: "
              f"{batch.written[0]}; run the same command again to resume", file=sys.stderr)
    else:
        print("error: interrupted (Ctrl-C); no file was left half-written", file=sys.stderr)
    sys.exit(130)


def _interrupt_of_a_library(exc: BaseException) -> bool:
    """DuckDB turns Ctrl-C during a query into its own exception."""
    duckdb = sys.modules.get("duckdb")
    interrupt = getattr(duckdb, "InterruptException", None) if duckdb else None
    return (interrupt is not None and isinstance(exc, interrupt)) or "Query interrupted" in str(exc)


def _bug(exc: BaseException) -> None:
    """Anything else is a bug: say so, exit 1."""
    if _state["debug"]:
        traceback.print_exc()
    else:
        print(f"error: internal error ({type(exc).__name__}: {exc}); rerun with --debug and report it",
              file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
