"""One case folder through the stages: case.yaml → sales → damages → drafting.

The CLI and batch both call this module; it never prints. Stages never call downstream stages.
"""

from __future__ import annotations

import hashlib
import json
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from litigator.casefile import CaseFolder, check_intake, filing_date, load_case
from litigator.damages.model import DamagesReport
from litigator.errors import LitigatorError
from litigator.evidence import Exhibit, collect_exhibits
from litigator.sales.model import KeptLines, SalesConfig, SalesExtract, SalesSummary
from litigator.warnings import Warnings

OUT_DIR = "out"
EXTRACT_NAME = "sales-extract.csv"


@dataclass
class CaseRun:
    """What the analysis stages produced for one case folder."""

    folder: CaseFolder
    sales: SalesSummary | None
    damages: DamagesReport
    exhibits: list[Exhibit]
    warnings: list[str] = field(default_factory=list)
    warning_codes: list[str] = field(default_factory=list)
    extract: Exhibit | None = None   # the sales extract, once drafting has made it an exhibit

    @property
    def filing_date(self) -> date:
        return filing_date(self.folder.case)


class DraftOptions(BaseModel):
    """How to draft one case folder (``litigator draft``'s options; a batch row's too). Picklable."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    out_dir: Path | None = None          # default: CASE/out
    scenario: str | None = None          # default: the case's filed_scenario
    only: list[str] | None = None        # documents to draft (default: the whole filing set)
    pdf: bool = False
    reference_doc: Path | None = None
    template_dir: Path | None = None
    force: bool = False
    accept_rejects: bool = False
    precedents: list[Path] | None = None  # libraries added to the shipped one


def load_sales(folder: CaseFolder, accept_rejects: bool = False,
               summary: SalesSummary | None = None) -> SalesSummary | None:
    """The case's sales summary: computed here, or ``summary`` computed earlier (a batch's one pass over a
    shared export) and held to the same limits (malformed rows, no counterfeit sale)."""
    if folder.case.sales is None:
        return None
    from litigator import damages, sales
    from litigator.casefile import locate

    case = folder.case
    needed = any(damages.scenario_needs_sales(s, case.jurisdiction) for s in case.scenarios.values())
    try:
        if summary is not None:
            from litigator.sales.engine import _case_sellers, _enforce

            _enforce(summary, case.sales, accept_rejects, needed, _case_sellers(case))
            return summary
        return sales.summarise(folder, accept_rejects=accept_rejects, require_sales=needed)
    except LitigatorError as err:
        raise locate(err, folder) from None


def compute_damages(folder: CaseFolder, sales_summary: SalesSummary | None) -> DamagesReport:
    from litigator import damages
    from litigator.casefile import locate

    try:
        return damages.compute(folder.case, sales_summary, folder.label())
    except LitigatorError as err:
        raise locate(err, folder) from None


def calibrate(folder: CaseFolder, report: DamagesReport, sales_summary: SalesSummary | None,
              precedents: list[Path] | None = None, library: typing.Any = None) -> DamagesReport:
    """Damages, then calibration: the precedents stage reads the damages report (never the reverse).
    ``library``: a precedent library loaded earlier (else the shipped one plus ``precedents``)."""
    from litigator import precedents as precedents_stage

    if library is None:
        library = precedents_stage.load(precedents)
    return precedents_stage.calibrate(report, folder.case, sales_summary, library, filing_date(folder.case))


def analyse(case_dir: str | Path, accept_rejects: bool = False, precedents: list[Path] | None = None, *,
            sales: SalesSummary | None = None, library: typing.Any = None) -> CaseRun:
    """One case folder through the analysis stages. ``sales``: the case's summary computed earlier (batch:
    one pass over a shared export for every seller; it is held to the case's limits all the same);
    ``library``: a precedent library loaded earlier."""
    folder = load_case(case_dir)
    sales_summary = load_sales(folder, accept_rejects=accept_rejects, summary=sales)
    report = calibrate(folder, compute_damages(folder, sales_summary), sales_summary, precedents, library)
    exhibits = collect_exhibits(folder.path)
    w = Warnings()
    if sales_summary:
        w.extend(sales_summary.warnings, sales_summary.warning_codes)
    _exhibit_warnings(folder, exhibits, w)
    check_intake(folder, exhibits, w)  # init's placeholders refused; empty/mistyped/linked exhibits warned
    return CaseRun(folder=folder, sales=sales_summary, damages=report, exhibits=exhibits, warnings=w.texts,
                   warning_codes=w.codes)


EXHIBIT_KEYS = ("exhibit", "evidence", "profit_evidence", "units_evidence")


def exhibit_references(node: object, path: str = "") -> list[tuple[str, str]]:
    """Every (key path, file) that case.yaml names as evidence, wherever the key sits."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if key in EXHIBIT_KEYS and isinstance(value, str):
                found.append((where, value))
            else:
                found += exhibit_references(value, where)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += exhibit_references(value, f"{path}[{i}]")
    return found


def _exhibit_warnings(folder: CaseFolder, exhibits: list[Exhibit], w: Warnings) -> None:
    """Every evidence path in case.yaml must be a file of evidence/ (so it gets an exhibit number)."""
    from litigator.casefile import key_line, parse_key_path

    known = {e.path for e in exhibits}
    for key, path in exhibit_references(folder.case.model_dump(mode="json")):
        if Path(path).as_posix() not in known:
            line = key_line(folder.raw, parse_key_path(key))
            raise LitigatorError(f"names {path}, which is not a file in evidence/", folder.case_file,
                                 f"{line}: {key}" if line else key)
    for e in exhibits:
        if not e.purpose:
            w.add("EXHIBIT_NO_PURPOSE", f"exhibit {e.number} ({e.path}) has no purpose of proof: add it to "
                                        "evidence.yaml")


# ---------------------------------------------------------------------------------------------
# Drafting
# ---------------------------------------------------------------------------------------------


@dataclass
class DraftResult:
    out_dir: Path
    written: list[Path]
    scenario: str
    warnings: list[str]
    warning_codes: list[str] = field(default_factory=list)
    report: DamagesReport | None = None  # the damages report the set was drafted from (calibrated)


def exhibit_number(exhibits: list[Exhibit], path: str | None) -> int | None:
    if not path:
        return None
    for e in exhibits:
        if e.path == Path(path).as_posix():
            return e.number
    return None


def template_context(run: CaseRun, scenario_name: str, documents: typing.Collection[str] | None = None) -> dict:
    """Everything a template may use: the shared context, then the forum's additions (e.g. how it
    cites exhibits). Templates read it; they compute nothing legal. ``documents``: the ones being drafted
    (None: all); a document's own context and its warnings (the memo's chart font) only when it is."""
    from litigator import forums

    case = run.folder.case
    scenario = run.damages.scenario(scenario_name)
    context = {
        "case": case,
        "scenario": scenario,
        "report": run.damages,
        "sales": run.sales,
        "exhibits": run.exhibits,
        "filing_date": run.filing_date,
        "total": scenario.total,
    }
    context.update(forums.get(case.jurisdiction).template_context(run, scenario_name, documents))
    return context


def context_names(forum) -> dict[str, typing.Any]:
    """What a template of ``forum`` may read, name → type, without drafting a case (``litigator templates
    check``): the shared names of :func:`template_context`, the document's parameters ``doc``, then the
    forum's (``Forum.context_names``)."""
    from litigator.damages.model import ScenarioResult

    return {"case": forum.case_model, "scenario": ScenarioResult, "report": DamagesReport,
            "sales": SalesSummary | None, "exhibits": list[Exhibit], "filing_date": date, "total": Decimal,
            "doc": dict[str, typing.Any], **forum.context_names}


def draft(
    case_dir: str | Path,
    options: DraftOptions | str | Path | None = None,
    *,
    sales: SalesSummary | None = None,
    extract: SalesExtract | KeptLines | None = None,
    library: typing.Any = None,
    **legacy_kwargs: typing.Any,
) -> DraftResult:
    """Draft the filing set of one case. Writes nothing unless every document rendered.

    ``options`` is a :class:`DraftOptions`; the keyword arguments it holds (``out_dir=…, only=…``) are
    accepted too (and a path as the second argument is the output folder). ``sales``, ``extract`` and
    ``library`` are stage results computed earlier (a batch): the case's sales summary, its extract of
    order lines and the precedent library."""
    if options is None or isinstance(options, (str, Path)):
        if options is not None:
            legacy_kwargs.setdefault("out_dir", options)
        options = DraftOptions(**legacy_kwargs)
    elif legacy_kwargs:
        options = DraftOptions(**{**options.model_dump(), **legacy_kwargs})
    return _draft(case_dir, options, sales, extract, library)


def _draft(case_dir: str | Path, options: DraftOptions, sales: SalesSummary | None,
           extract: SalesExtract | KeptLines | None, library: typing.Any) -> DraftResult:
    from litigator import drafting, forums
    from litigator.outputs import check_new, write_bytes

    out_dir, scenario, only, pdf = options.out_dir, options.scenario, options.only, options.pdf
    reference_doc, template_dir, force = options.reference_doc, options.template_dir, options.force
    run = analyse(case_dir, accept_rejects=options.accept_rejects, precedents=options.precedents, sales=sales,
                  library=library)
    case = run.folder.case
    name = scenario or case.filed_scenario
    if name not in case.scenarios:
        raise LitigatorError(f"no scenario {name!r} (have: {', '.join(case.scenarios)})",
                             run.folder.case_file, "scenarios")
    target = Path(out_dir) if out_dir is not None else run.folder.path / OUT_DIR
    if target.exists() and not target.is_dir():
        raise LitigatorError("exists and is not a folder: -o takes the output folder", target)
    forum = forums.get(case.jurisdiction)
    documents = forum.documents_for(case)
    wanted = only or list(documents)
    for w in wanted:
        if w not in documents and w != "calculation":
            kinds = sorted({*documents, *forum.documents, "calculation"})
            if w in forum.documents or any(d.startswith(f"{w}-") for d in documents):
                raise LitigatorError(f"document {w!r} is not drafted for this case: its facts are missing "
                                     f"(drafted here: {', '.join([*documents, 'calculation'])})")
            raise LitigatorError(f"unknown document {w!r} (choose from {', '.join(kinds)})")
    if reference_doc is not None and not Path(reference_doc).is_file():
        raise LitigatorError("reference .docx not found", reference_doc)

    w = Warnings(forum.warning_kinds)
    w.extend(run.warnings, run.warning_codes)
    w.extend(run.damages.warnings, run.damages.warning_codes)
    w.extend(run.damages.scenario(name).warnings, run.damages.scenario(name).warning_codes)
    for conflict in _facts_conflicts(run.folder):
        w.add("FACTS_CONFLICT", conflict)
    for missing in forum.particulars_warnings(case):
        w.add("PARTICULARS_MISSING", missing)
    rendered: dict[Path, bytes] = {}
    if run.sales is not None:
        path, data = sales_extract_exhibit(run, forum, target, extract)
        rendered[path] = data
    context = template_context(run, name, wanted)
    forum_warnings = context.pop("_warnings", None)
    if forum_warnings is not None:
        w.extend(forum_warnings.texts, forum_warnings.codes)
    cited = context.pop("_cited", None)
    calculation = context.pop("_calculation", None) or {}  # figures drafting adds (e.g. each defendant's share)
    images = context.pop("_images", None)  # PNGs a document shows by name (e.g. the memo's chart), made on use
    for doc_name in wanted:
        if doc_name == "calculation":
            continue
        doc = documents[doc_name]
        markdown = drafting.render_markdown(doc.template, {**context, "doc": doc.params}, template_dir,
                                            forum.template_filters())
        rendered[target / f"{doc_name}.docx"] = drafting.markdown_to_docx(
            markdown, doc.title, run.filing_date, forum.style, reference_doc, author=forum.document_author(case),
            images=images)
        if doc_name == "complaint" and cited is not None:
            for e in run.exhibits:
                if e.number not in cited:
                    w.add("EXHIBIT_NOT_CITED", f"exhibit {e.number} ({e.path}) is cited nowhere in the complaint: "
                                               "plead the fact it proves, or drop it from evidence/")
    calc = {**run.damages.model_dump(mode="json"),
            "drafted_scenario": name,
            **calculation,
            "sales": run.sales.model_dump(mode="json") if run.sales else None}
    rendered[target / "calculation.json"] = (json.dumps(calc, ensure_ascii=False, indent=2) + "\n").encode()
    check_new([*rendered, *([p.with_suffix(".pdf") for p in rendered if p.suffix == ".docx"] if pdf else [])],
              force)
    if pdf:  # convert before writing anything, so a failed conversion leaves no partial set
        rendered.update(_pdfs(rendered, run.filing_date))
    written = [write_bytes(p, data) for p, data in rendered.items()]
    if not pdf:
        for p in written:
            if p.suffix == ".docx" and p.with_suffix(".pdf").exists():
                w.add("PDF_STALE", f"{p.with_suffix('.pdf')} is from an earlier draft and no longer matches "
                                   f"{p.name}: delete it or draft with --pdf")
    return DraftResult(out_dir=target, written=written, scenario=name, warnings=w.texts, warning_codes=w.codes,
                       report=run.damages)


PROVENANCES = typing.get_args(typing.get_args(SalesConfig.model_fields["provenance"].annotation)[0])


def sales_extract_exhibit(run: CaseRun, forum, target: Path,
                          extract: SalesExtract | KeptLines | None = None) -> tuple[Path, bytes]:
    """The kept order lines of the case's sellers as a CSV beside the drafts, added to the exhibits with the
    forum's title, source (from ``sales.provenance``) and purpose: last of the liability group when
    evidence.yaml gives groups (the exhibits after it renumbered), else after those of evidence/. It must
    reconcile with the summary the damages used, or nothing is written. ``extract``: the case's order lines
    read earlier (a batch reads every seller's in one pass)."""
    from litigator import sales as sales_stage
    from litigator.evidence import Exhibit, add_exhibit
    from litigator.sales.extract_table import extract_csv

    folder = run.folder
    config = folder.case.sales
    if config.provenance is None:
        raise LitigatorError("the order data are pleaded as evidence, so say how they were obtained: "
                             f"sales.provenance: {' | '.join(PROVENANCES)}", folder.case_file, "sales.provenance")
    try:
        if extract is None:
            extract = sales_stage.extract(folder)
    except LitigatorError as err:
        from litigator.casefile import locate

        raise locate(err, folder) from None
    totals = run.sales.totals
    units, net = extract.totals()
    if (units, net) != (totals.units, totals.net):
        raise LitigatorError(f"the sales extract ({units} units, net {net}) does not reconcile with the sales summary "
                             f"({totals.units} units, net {totals.net}); nothing was written", folder.case_file,
                             "sales")
    data = extract_csv(extract, forum.extract_columns)
    path = target / EXTRACT_NAME
    try:
        shown = path.resolve().relative_to(folder.path.resolve()).as_posix()
    except ValueError:
        shown = path.resolve().as_posix()
    title, source, purpose = forum.sales_exhibit(folder.case, run.sales)
    run.extract = add_exhibit(run.exhibits, Exhibit(
        number=0, path=shown, title=title, source=source, purpose=purpose, group="liability",
        sha256=hashlib.sha256(data).hexdigest(), size=len(data)))
    return path, data


def _pdfs(rendered: dict[Path, bytes], on: date) -> dict[Path, bytes]:
    """The PDF of every .docx of the set, from one LibreOffice run (not one per document)."""
    import tempfile

    from litigator.drafting.pdf import docx_to_pdfs

    with tempfile.TemporaryDirectory(prefix="litigator-pdf-") as tmp:
        staged: dict[Path, Path] = {}
        for path, data in rendered.items():
            if path.suffix == ".docx":
                staged[path] = Path(tmp) / path.name
                staged[path].write_bytes(data)
        pdfs = docx_to_pdfs(list(staged.values()), on)
        return {path.with_suffix(".pdf"): pdfs[copy] for path, copy in staged.items()}


def _facts_conflicts(folder: CaseFolder) -> list[str]:
    """Unresolved conflicts between facts.yaml proposals and case.yaml (empty without facts.yaml)."""
    if not (folder.path / "facts.yaml").is_file():
        return []
    try:
        from litigator.facts import unresolved_conflicts
    except ImportError:  # the facts stage is optional for drafting
        return []
    return list(unresolved_conflicts(folder.path))
