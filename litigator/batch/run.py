"""Running a batch: the manifest validated, the shared export summarised once, each row drafted.

:func:`run_batch` is what ``litigator batch`` calls (it never prints: progress goes to a callback).
:func:`run_task` is the function every executor runs for a row (a top-level function, so it pickles by
reference). See docs/batch.md for the layout of the output folder and how resuming works.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import litigator
from litigator.batch.manifest import Manifest, Row, load_manifest
from litigator.batch.model import RECORD_NAME, Task, TaskResult
from litigator.errors import LitigatorError
from litigator.pipeline import DraftOptions

SUMMARY_CSV = "summary.csv"
SUMMARY_JSON = "summary.json"


class Progress(Protocol):
    """What a batch reports while it runs (the CLI draws a progress bar or prints lines)."""

    def start(self, total: int, skipped: int) -> None: ...
    def advance(self, result: TaskResult) -> None: ...
    def stop(self) -> None: ...


@dataclass
class BatchResult:
    manifest: Path
    out: Path
    results: list[TaskResult]  # one per manifest row, in manifest order
    dry_run: bool = False
    written: list[Path] = field(default_factory=list)  # the summary files
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(r.status in ("drafted", "skipped", "valid") for r in self.results)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 2

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        return out


# ---------------------------------------------------------------------------------------------
# The worker's side
# ---------------------------------------------------------------------------------------------

_LIBRARIES: dict[tuple[str, ...], Any] = {}


def _library(precedents: list[Path] | None) -> Any:
    """The precedent library, loaded once per worker process for the same folders."""
    from litigator import precedents as precedents_stage

    key = tuple(str(p) for p in precedents or [])
    if key not in _LIBRARIES:
        _LIBRARIES.clear()
        _LIBRARIES[key] = precedents_stage.load(precedents)
    return _LIBRARIES[key]


def init_worker(options: DraftOptions | None = None) -> None:
    """Load what every row shares once per worker: the pipeline's modules, the precedent library, the
    compiled templates and the styled base document of each forum."""
    from litigator import forums
    from litigator.drafting.docx_renderer import base_document
    from litigator.drafting.environment import make_environment

    options = options or DraftOptions()
    _library(options.precedents)
    for code in forums.codes():
        forum = forums.get(code)
        make_environment(options.template_dir, forum.template_filters())
        base_document(forum.style, options.reference_doc)


def run_task(task: Task) -> TaskResult:
    """Draft one row's case folder with its injected sales figures; record the result beside its outputs
    (written last, so a row whose record is missing or stale is drafted again). Never raises for a row's
    own problem: it comes back as a failed result."""
    from litigator import pipeline

    t0 = time.perf_counter()
    result = TaskResult(row=task.row, target=task.target, status="failed", input_hash=task.input_hash)
    try:
        sales, extract = task.sales, task.extract
        if task.sales_path is not None:
            from litigator.sales.model import KeptLines, SalesSummary

            stored = json.loads(Path(task.sales_path).read_text(encoding="utf-8"))
            sales = SalesSummary.model_validate(stored["sales"]) if stored.get("sales") else None
            extract = KeptLines.model_validate(stored["extract"]) if stored.get("extract") else None
        task.record.unlink(missing_ok=True)
        for stale in task.out_dir.glob(".*.tmp"):  # an earlier run killed mid-write (outputs.write_bytes)
            stale.unlink(missing_ok=True)
        drafted = pipeline.draft(task.case_dir, task.options, sales=sales, extract=extract,
                                 library=_library(task.options.precedents))
        root = task.case_dir.parent
        result.status = "drafted"
        result.outputs = [_relative(p, root) for p in drafted.written]
        result.warning_codes = list(dict.fromkeys(drafted.warning_codes))
        result.scenario = drafted.scenario
        if drafted.report is not None:
            result.claims = {s.name: f"{s.total:.2f}" for s in drafted.report.scenarios}
            filed = drafted.report.scenario(drafted.scenario)
            calibration = getattr(filed, "calibration", None)
            if calibration is not None:
                result.expected_award = f"{calibration.expected_award.mid:.2f}"
                result.over_claim = bool(calibration.over_claim)
        result.seconds = round(time.perf_counter() - t0, 3)
        from litigator.outputs import write_text

        write_text(task.record, result.model_dump_json(indent=2) + "\n")
        return result
    except LitigatorError as err:
        result.error = err.line()
    except Exception as exc:  # a bug: the row fails, the batch goes on, the summary says what it was
        result.error = f"internal error (a bug; please report it): {type(exc).__name__}: {exc}"
    result.seconds = round(time.perf_counter() - t0, 3)
    return result


def _relative(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


# ---------------------------------------------------------------------------------------------
# Input hashes (resume)
# ---------------------------------------------------------------------------------------------


_HASHES: dict[tuple[str, int, int, int], str] = {}  # (path, size, mtime_ns, inode) -> sha256, one batch run


def _sha256_file(path: Path) -> str:
    """sha256 of a file, read once per batch run (the cache is emptied when a run starts) while its size,
    modification time and inode stay the same: a batch hashes the base's evidence files for every row."""
    st = os.stat(path)
    key = (os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino)
    known = _HASHES.get(key)
    if known is None:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        known = _HASHES[key] = h.hexdigest()
    return known


def _tree_hashes(folder: Path) -> list[tuple[str, str]]:
    return [(p.relative_to(folder).as_posix(), _sha256_file(p))
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]


def shared_inputs(manifest: Manifest, options: DraftOptions, sales_files: list[tuple[str, Path]],
                  scanned: dict[str, str] | None = None) -> str:
    """sha256 over what every row's output depends on: the base case.yaml, the sales files, the templates,
    the reference .docx, the precedent libraries, the draft options and the litigator version. ``scanned``:
    the sales files' sha256 by label, as the sales pass computed them while DuckDB read the files (a
    1 GB export is not read a second time)."""
    scanned = scanned or {}
    from litigator.drafting.environment import shipped_templates
    from litigator.precedents.library import shipped_library

    parts: dict[str, Any] = {
        "version": litigator.__version__,
        "base": _sha256_file(manifest.base.case_file),
        "sales": [(label, scanned.get(label) or _sha256_file(path)) for label, path in sales_files],
        "templates": _tree_hashes(Path(options.template_dir or shipped_templates())),
        "reference_doc": _sha256_file(options.reference_doc) if options.reference_doc else None,
        "precedents": [_tree_hashes(Path(p)) for p in [shipped_library(), *(options.precedents or [])]],
        "options": options.model_dump(mode="json", exclude={"out_dir", "force", "template_dir", "reference_doc",
                                                            "precedents"}),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def row_hash(shared: str, row: Row, evidence: dict[str, Path], listings: list[Path]) -> str:
    """sha256 over the shared inputs and the row's own: its cells, its evidence files (the base's and its
    folder's) and evidence.yaml files, and its filing date."""
    from litigator.casefile import filing_date

    parts = {
        "shared": shared,
        "row": {k: v for k, v in row.cells.items() if k != "evidence"},
        "evidence": [(name, _sha256_file(p)) for name, p in sorted(evidence.items())],
        "listings": [_sha256_file(p) for p in listings],
        "filing_date": filing_date(row.case).isoformat(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def finished(record: Path, input_hash: str, root: Path) -> TaskResult | None:
    """The recorded result when the row's outputs exist and its recorded input hash matches, else None."""
    try:
        done = TaskResult.model_validate_json(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if done.status != "drafted" or done.input_hash != input_hash:
        return None
    if not all((root / p).is_file() for p in done.outputs):
        return None
    return done.model_copy(update={"status": "skipped"})


# ---------------------------------------------------------------------------------------------
# The sales pass: once for every row's sellers
# ---------------------------------------------------------------------------------------------


@dataclass
class SalesShare:
    summary: Any  # SalesSummary
    extract: Any  # KeptLines


def _sales_key(row: Row) -> str:
    data = row.data or {}
    return json.dumps([data.get("sales"), data.get("products"), data.get("currency")], sort_keys=True, default=str)


def sales_pass(base_path: Path, rows: list[Row],
               scanned: dict[str, str] | None = None) -> tuple[dict[str, SalesShare], dict[str, str]]:
    """Each row's sales summary and order lines, from one pass over the export per distinct ``sales:`` /
    ``products:`` configuration (normally one for the whole batch). Returns (target → share, target →
    problem) — a row whose seller has no row in a platform-side export is a problem of that row. The files'
    sha256 (computed during the scan) go into ``scanned`` by label."""
    from collections import defaultdict

    from litigator.sales.engine import kept_lines_for, scan, seller_listing, summaries_for

    shares: dict[str, SalesShare] = {}
    problems: dict[str, str] = {}
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.case is not None and row.case.sales is not None:
            groups[_sales_key(row)].append(row)
    for members in groups.values():
        case = members[0].case
        config = case.sales
        currency = config.currency or case.currency
        result = scan(base_path, config, list(case.products), sellers=None, fixed_seller=None, currency=currency,
                      in_file_order=True)
        platform_side = any(s.match.profile == "platform" or "seller" in s.match.mapping for s in result.sources)
        if scanned is not None:
            scanned.update({s.label: s.sha256 for s in result.sources if s.sha256})
        wanted: dict[str, list[str | None] | None] = {}
        for row in members:
            sellers = [str(s.seller_id) for d in row.case.defendants for s in getattr(d, "shops", None) or []
                       if getattr(s, "seller_id", None)]
            if not platform_side:
                wanted[row.target] = None
                continue
            if not sellers:
                problems[row.target] = "seller_id: a platform-side export needs the row's seller id"
                continue
            missing = [s for s in sellers if s not in result.per_seller]
            if missing:
                problems[row.target] = (f"seller_id: no row of the sales export belongs to seller "
                                        f"{', '.join(missing)} (sellers in the export: {seller_listing(result)})")
                continue
            wanted[row.target] = list(sellers)
        if not wanted:
            continue
        summaries = summaries_for(result, wanted, config, currency=currency)
        extracts = kept_lines_for(result, config, wanted, platform_side)
        for target in wanted:
            shares[target] = SalesShare(summaries[target], extracts[target])
    return shares, problems


# ---------------------------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------------------------


def make_executor(kind: str, workers: int | None, address: str | None, options: DraftOptions) -> Any:
    if kind == "dask":
        try:
            from litigator.batch.dask_executor import DaskExecutor
        except ImportError:
            raise LitigatorError("--executor dask is not available in this installation "
                                 "(litigator/batch/dask_executor.py is missing)") from None
        return DaskExecutor(address=address, workers=workers)
    if kind != "local":
        raise LitigatorError(f"unknown executor {kind!r} (choose local or dask)")
    if address:
        raise LitigatorError("--address is for --executor dask")
    from litigator.batch.executors import LocalExecutor

    return LocalExecutor(workers=workers, initializer=init_worker, initargs=(options,))


def run_batch(manifest_path: str | Path, out: str | Path | None = None, *, base: str | Path | None = None,
              options: DraftOptions | None = None, workers: int | None = None, executor: str = "local",
              address: str | None = None, dry_run: bool = False, force: bool = False,
              stop_after: int | None = None, progress: Progress | None = None) -> BatchResult:
    """Draft every row of a manifest into ``out`` (default: ``batch-out`` beside the manifest).

    ``stop_after`` (a test hook) stops after that many rows were drafted or failed, as an interrupted run
    would; the rows not reached are ``not_run``. Raises LitigatorError for a manifest that cannot be used
    at all; a row's problem is that row's failure, and the others go on."""
    from litigator.batch import targets

    if workers is not None and workers < 1:
        raise LitigatorError(f"--workers {workers}: give at least 1")
    if executor not in ("local", "dask"):
        raise LitigatorError(f"unknown executor {executor!r} (choose local or dask)")
    if address and executor != "dask":
        raise LitigatorError("--address is for --executor dask")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    _HASHES.clear()
    manifest_path = Path(manifest_path)
    options = options or DraftOptions()
    # absolute: a task carries its folder to workers that may run elsewhere (a Dask cluster on shared storage)
    out = (Path(out) if out is not None else manifest_path.parent / "batch-out").absolute()
    if out.exists() and not out.is_dir():
        raise LitigatorError("exists and is not a folder: -o takes the batch's output folder", out)
    manifest = load_manifest(manifest_path, Path(base) if base is not None else None)
    if options.reference_doc is not None and not Path(options.reference_doc).is_file():
        raise LitigatorError("reference .docx not found", options.reference_doc)
    sales_files: list[tuple[str, Path]] = []
    if manifest.base.case.sales is not None:
        from litigator.sales.engine import resolve_files

        try:
            sales_files = resolve_files(manifest.base.path, manifest.base.case.sales.files)
        except LitigatorError as err:
            from litigator.casefile import locate

            raise locate(err, manifest.base) from None
    timings["validate"] = time.perf_counter() - t0

    results: dict[int, TaskResult] = {}
    evidence: dict[str, tuple[dict[str, Path], list[Path]]] = {}
    trees: dict[Path, dict[str, Path]] = {}  # the base's evidence folder walked once
    for row in manifest.rows:
        if row.ok:
            try:
                evidence[row.target] = targets.evidence_of(row, manifest.base, trees)
            except LitigatorError as err:
                row.errors.append(err.line())
        if not row.ok:
            results[row.number] = TaskResult(row=row.number, target=row.target, status="failed",
                                             error="; ".join(row.errors))
    valid = [row for row in manifest.rows if row.ok]
    hashes: dict[str, str] = {}

    def hash_rows(shared: str) -> None:
        for row in valid:
            hashes[row.target] = row_hash(shared, row, *evidence[row.target])

    # Resuming needs every row's input hash before anything runs. Without a finished row to find (a first
    # run, or --force) the hashes wait for the sales pass, which hashes the export while DuckDB reads it.
    resuming = not force and any((out / row.target / "out" / RECORD_NAME).is_file() for row in valid)
    pending: list[Row] = []
    if resuming:
        hash_rows(shared_inputs(manifest, options, sales_files))
        for row in valid:
            done = finished(out / row.target / "out" / RECORD_NAME, hashes[row.target], out)
            if done is not None:
                results[row.number] = done.model_copy(update={"row": row.number})
            else:
                pending.append(row)
    else:
        pending = list(valid)

    # the workers start (imports, templates, the styled document) while the export is scanned
    ex = make_executor(executor, workers, address, options) if pending and not dry_run else None
    try:
        return _sales_and_draft(manifest, manifest_path, out, options, pending, results, hashes, hash_rows, resuming,
                                sales_files, ex, dry_run, stop_after, progress, timings, t0)
    finally:
        if ex is not None:
            ex.close()


def _sales_and_draft(manifest: Manifest, manifest_path: Path, out: Path, options: DraftOptions, pending: list[Row],
                     results: dict[int, TaskResult], hashes: dict[str, str], hash_rows: Any, resuming: bool,
                     sales_files: list[tuple[str, Path]], ex: Any, dry_run: bool, stop_after: int | None,
                     progress: Progress | None, timings: dict[str, float], t0: float) -> BatchResult:
    """The rest of :func:`run_batch`: the sales pass, then each row's folder written and its task handed to
    the executor as soon as it is (the workers draft while the parent writes the next folders)."""
    from litigator.batch import targets
    from litigator.batch.summary import write_summary

    t1 = time.perf_counter()
    scanned: dict[str, str] = {}
    shares, problems = sales_pass(manifest.base.path, pending, scanned) if pending else ({}, {})
    timings["sales"] = time.perf_counter() - t1
    if not resuming:
        hash_rows(shared_inputs(manifest, options, sales_files, scanned))
    for row in list(pending):
        if row.target in problems:
            results[row.number] = TaskResult(row=row.number, target=row.target, status="failed",
                                             error=problems[row.target])
            pending.remove(row)
    if dry_run:
        for row in pending:
            results[row.number] = TaskResult(row=row.number, target=row.target, status="valid",
                                             input_hash=hashes[row.target])
        ordered = [results[r.number] for r in manifest.rows]
        timings["total"] = time.perf_counter() - t0
        return BatchResult(manifest_path, out, ordered, dry_run=True, timings=timings)

    t2 = time.perf_counter()
    task_options = options.model_copy(update={"force": True})
    parsed: dict[Path, Any] = {}  # evidence.yaml files read once
    skipped = sum(1 for r in results.values() if r.status == "skipped")
    if progress is not None:
        progress.start(len(manifest.rows), skipped)
        for r in sorted(results.values(), key=lambda r: r.row):
            progress.advance(r)

    def tasks() -> Iterator[Task]:
        for row in pending:
            target_dir = out / row.target
            try:
                targets.materialise(row, manifest.base, target_dir, sales_files, manifest_path, parsed)
            except LitigatorError as err:
                results[row.number] = TaskResult(row=row.number, target=row.target, status="failed",
                                                 error=err.line())
                if progress is not None:
                    progress.advance(results[row.number])
                continue
            share = shares.get(row.target)
            yield Task(row=row.number, target=row.target, case_dir=target_dir,
                       options=task_options.model_copy(update={"out_dir": target_dir / "out"}),
                       sales=share.summary if share else None, extract=share.extract if share else None,
                       input_hash=hashes[row.target])

    interrupted: KeyboardInterrupt | None = None
    try:
        if pending and ex is not None:
            _run_tasks(tasks(), results, ex, stop_after, progress)
    except KeyboardInterrupt as exc:  # Ctrl-C: the summary still says what was drafted, then it goes on up
        interrupted = exc
    if progress is not None:
        progress.stop()
    timings["draft"] = time.perf_counter() - t2
    for row in manifest.rows:
        results.setdefault(row.number, TaskResult(row=row.number, target=row.target, status="not_run",
                                                  error="not run: the batch stopped before this row"))
    ordered = [results[r.number] for r in manifest.rows]
    batch = BatchResult(manifest_path, out, ordered, timings=timings)
    batch.written = write_summary(batch)
    timings["total"] = time.perf_counter() - t0
    if interrupted is not None:
        raise BatchInterrupted(batch) from interrupted
    return batch


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during drafting, after the summary of what was done was written (``batch``)."""

    def __init__(self, batch: BatchResult) -> None:
        super().__init__("interrupted")
        self.batch = batch


def _run_tasks(tasks: Iterator[Task], results: dict[int, TaskResult], ex: Any, stop_after: int | None,
               progress: Progress | None) -> None:
    """Hand the tasks to the executor as they come and record each result as it completes."""
    issued: list[Task] = []

    def issue() -> Iterator[Task]:
        for task in tasks:
            issued.append(task)
            yield task

    done = 0
    stream: Iterable[TaskResult] = ex.map_unordered(run_task, issue())
    try:
        for result in stream:
            results[result.row] = result
            done += 1
            if progress is not None:
                progress.advance(result)
            if stop_after is not None and done >= stop_after:
                break
    except LitigatorError as err:  # the executor lost its workers: the rows not finished fail with it
        for task in issued:
            results.setdefault(task.row, TaskResult(row=task.row, target=task.target, status="failed",
                                                    error=err.line()))
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
