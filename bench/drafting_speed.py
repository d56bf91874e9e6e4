#!/usr/bin/env python3
"""Drafting and analysis speed (issue 16): our complaint against docxtpl's, per case analysis, the full set, the CLI.

    .venv/bin/python bench/drafting_speed.py [--case examples/platform-v-seller] [--runs 7] [--cli-runs 3] [--no-cli]

Needs the bench extra (``pip install -e '.[bench]'``: docxtpl). In one process, after one warm-up of each step,
``--runs`` timed runs of each (ours and docxtpl interleaved, the machine being shared); prints median and min:

* analysis per case: ``load_case`` + damages on a sales summary computed beforehand (``pipeline.compute_damages``);
  then the calibration against the precedent library (``pipeline.calibrate``, which loads the library each
  time, as ``analyse`` does), shown apart and added up;
* context: ``pipeline.template_context`` (the forum's additions: pleading, appendix, memo, ...), per case;
* complaint, ours: ``drafting.render_markdown`` + ``drafting.markdown_to_docx`` (split into the two);
* complaint, docxtpl: ``DocxTemplate(bench/complaint-docxtpl.docx).render(ctx)`` + save to memory, the template
  loaded per document as a user would, from the same context (one jinja2 ``Environment`` with the forum's
  filters per process, autoescape on so a ``&`` cannot break the XML); the ratio ours / docxtpl;
* full set: every document ``forum.documents_for(case)`` gives, render + .docx, no PDF (a fresh context per run,
  so the memo's chart is drawn each time, as in ``draft``);
* cold CLI: ``litigator draft CASE -o TMP --force`` in a subprocess, median of ``--cli-runs``.

Before timing, both complaints' text is compared (paragraphs, characters): the docxtpl template must carry the
same text, or the ratio means nothing. bench/make_docxtpl_template.py writes that template.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import io
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TEMPLATE = ROOT / "bench" / "complaint-docxtpl.docx"
DEFAULT_CASE = ROOT / "examples" / "platform-v-seller"
TWIN_OF = "cn/complaint.md.j2"  # the template bench/complaint-docxtpl.docx mirrors (the narrative complaint)


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds of one call."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def docx_text(data: bytes) -> list[str]:
    import docx

    d = docx.Document(io.BytesIO(data))
    paras = [p.text for p in d.paragraphs]
    for table in d.tables:
        paras += [cell.text for row in table.rows for cell in row.cells]
    return paras


class Bench:
    def __init__(self, case_dir: Path) -> None:
        from litigator import drafting, forums, pipeline

        self.case_dir = case_dir
        self.pipeline, self.drafting = pipeline, drafting
        self.run = pipeline.analyse(case_dir)  # also the warm-up of the analysis stages
        case = self.run.folder.case
        self.forum = forums.get(case.jurisdiction)
        self.scenario = case.filed_scenario
        self.documents = self.forum.documents_for(case)
        if self.run.sales is not None:  # the extract exhibit, as draft() adds it (nothing is written)
            pipeline.sales_extract_exhibit(self.run, self.forum, self.run.folder.path / pipeline.OUT_DIR)
        self.filters = self.forum.template_filters()
        self.author = self.forum.document_author(case)
        self.context, self.images = self.make_context()
        import jinja2

        self.jinja_env = jinja2.Environment()  # one per process, as a docxtpl user would keep it
        self.jinja_env.filters.update(self.filters)

    # -- analysis ------------------------------------------------------------------------------------------
    def analysis(self) -> tuple[float, float, float]:
        """ms of (load_case, damages, calibration) on the precomputed sales summary."""
        p = self.pipeline
        start = time.perf_counter()
        folder = p.load_case(self.case_dir)
        loaded = time.perf_counter()
        report = p.compute_damages(folder, self.run.sales)
        damaged = time.perf_counter()
        p.calibrate(folder, report, self.run.sales)
        done = time.perf_counter()
        return (loaded - start) * 1000, (damaged - loaded) * 1000, (done - damaged) * 1000

    # -- drafting ------------------------------------------------------------------------------------------
    def make_context(self) -> tuple[dict, object]:
        """The context draft() renders with: template_context, `_`-keys popped, the images kept aside."""
        context = self.pipeline.template_context(self.run, self.scenario)
        images = context.pop("_images", None)
        return {k: v for k, v in context.items() if not k.startswith("_")}, images

    def ours(self, name: str = "complaint", context: dict | None = None, images: object = None) -> tuple[bytes, float]:
        """(.docx bytes, ms of the Markdown render alone)."""
        doc = self.documents[name]
        context = context if context is not None else self.context
        start = time.perf_counter()
        markdown = self.drafting.render_markdown(doc.template, {**context, "doc": doc.params}, None, self.filters)
        rendered = time.perf_counter()
        data = self.drafting.markdown_to_docx(markdown, doc.title, self.run.filing_date, self.forum.style, None,
                                              author=self.author, images=images if images is not None else self.images)
        return data, (rendered - start) * 1000

    def docxtpl(self) -> bytes:
        from docxtpl import DocxTemplate

        tpl = DocxTemplate(TEMPLATE)
        tpl.render(self.context, jinja_env=self.jinja_env, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
        return out.getvalue()

    def full_set(self) -> tuple[float, dict[str, float]]:
        """ms of (a fresh context, each document rendered to .docx)."""
        start = time.perf_counter()
        context, images = self.make_context()
        made = time.perf_counter()
        per_doc = {}
        for name in self.documents:
            per_doc[name] = timed(lambda name=name: self.ours(name, context, images))
        return (made - start) * 1000, per_doc


def compare(ours: bytes, theirs: bytes) -> bool:
    """Print both complaints' size; True when their text is within 15% (the ratio is then fair)."""
    a, b = docx_text(ours), docx_text(theirs)
    na, nb = sum(map(len, a)), sum(map(len, b))
    print(f"text check: ours {len(a)} paragraphs, {na:,} chars; docxtpl {len(b)} paragraphs, {nb:,} chars "
          f"({(nb - na) / na:+.1%})")
    diff = [line for line in difflib.unified_diff(a, b, "ours", "docxtpl", lineterm="", n=0)
            if not line.startswith(("---", "+++", "@@"))]
    if diff:
        print("  paragraphs that differ:")
        for line in diff[:10]:
            print(f"    {line[:110]}")
    fair = abs(nb - na) <= 0.15 * na
    if not fair:
        print("warning: the two complaints differ by more than 15% of their characters: the ratio is not fair",
              file=sys.stderr)
    return fair


def cli_times(case_dir: Path, runs: int) -> list[float]:
    exe = Path(sys.executable).with_name("litigator")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "litigator"]
    # the litigator of this tree (the one the in-process figures measure), even if another is installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    out: list[float] = []
    with tempfile.TemporaryDirectory(prefix="litigator-bench-") as tmp:
        for _ in range(runs):
            start = time.perf_counter()
            proc = subprocess.run([*cmd, "draft", str(case_dir), "-o", tmp, "--force"], capture_output=True,
                                  text=True, cwd=ROOT, env=env)
            out.append((time.perf_counter() - start) * 1000)
            if proc.returncode != 0:
                print(f"warning: litigator draft exited {proc.returncode}: {proc.stderr.strip()[:300]}",
                      file=sys.stderr)
    return out


def row(label: str, values: list[float], note: str = "") -> None:
    med, low = statistics.median(values), min(values)
    print(f"  {label:<38} {med:>9.1f} {low:>9.1f}   {note}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--case", type=Path, default=DEFAULT_CASE, help="case folder (default: the platform example)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs of each step (default 7)")
    ap.add_argument("--cli-runs", type=int, default=3, help="cold `litigator draft` runs (default 3)")
    ap.add_argument("--no-cli", action="store_true", help="skip the cold CLI timing")
    args = ap.parse_args()
    if not TEMPLATE.is_file():
        sys.exit(f"error: {TEMPLATE}: missing; run bench/make_docxtpl_template.py")
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        sys.exit("error: docxtpl is not installed: pip install -e '.[bench]'")

    t0 = time.perf_counter()
    bench = Bench(args.case.resolve())
    case_label = args.case.resolve().relative_to(ROOT) if args.case.resolve().is_relative_to(ROOT) else args.case
    print(f"case {case_label}, {args.runs} runs after a warm-up; {len(bench.documents)} documents in the set")

    # warm-up (and the text check on the warm-up's output)
    ours_docx, _ = bench.ours()
    template = bench.documents["complaint"].template
    if template != TWIN_OF:
        print(f"warning: this case's complaint is {template}, the docxtpl template mirrors {TWIN_OF}",
              file=sys.stderr)
    fair = compare(ours_docx, bench.docxtpl()) and template == TWIN_OF
    bench.analysis()
    bench.full_set()

    load, damages, calibration, analysis, with_cal = [], [], [], [], []
    render, ours_total, theirs, ratio, context, full = [], [], [], [], [], []
    docs: dict[str, list[float]] = {}
    for _ in range(args.runs):
        gc.collect()
        a, d, c = bench.analysis()
        load.append(a)
        damages.append(d)
        calibration.append(c)
        analysis.append(a + d)
        with_cal.append(a + d + c)
        gc.collect()
        start = time.perf_counter()
        _, r = bench.ours()
        ours_total.append((time.perf_counter() - start) * 1000)
        render.append(r)
        gc.collect()
        theirs.append(timed(bench.docxtpl))
        ratio.append(ours_total[-1] / theirs[-1])
        gc.collect()
        ctx_ms, per_doc = bench.full_set()
        context.append(ctx_ms)
        full.append(sum(per_doc.values()))
        for name, ms in per_doc.items():
            docs.setdefault(name, []).append(ms)
    cli = [] if args.no_cli else cli_times(args.case.resolve(), args.cli_runs)

    print(f"\n  {'ms':<38} {'median':>9} {'min':>9}")
    row("analysis: load_case", load)
    row("analysis: damages (sales precomputed)", damages)
    row("analysis: load_case + damages", analysis, "goal <= 25 ms")
    row("  + calibration (precedent library)", calibration)
    row("  = analysis with calibration", with_cal)
    row("context (template_context)", context)
    row("complaint, ours: Markdown render", render)
    row("complaint, ours: .docx", [t - r for t, r in zip(ours_total, render)])
    row("complaint, ours: render + .docx", ours_total)
    row("complaint, docxtpl: render + save", theirs)
    row(f"full set ({len(docs)} docs, render + .docx)", full, f"{statistics.median(full) / len(docs):.1f} per doc")
    by_doc = "by document (median ms): " + ", ".join(f"{n} {statistics.median(v):.0f}" for n, v in docs.items())
    print(textwrap.fill(by_doc, 116, initial_indent="    ", subsequent_indent="      ", break_on_hyphens=False))
    if cli:
        row(f"cold CLI `litigator draft` (x{len(cli)})", cli)
    med_ratio = statistics.median(ours_total) / statistics.median(theirs)
    print(f"\n  ratio ours / docxtpl (medians): {med_ratio:.2f}   (acceptance <= 1.0, goal 0.5; "
          f"per-run ratios {min(ratio):.2f} .. {max(ratio):.2f})" + ("" if fair else "  NOT COMPARABLE"))
    print(f"  bench wall time {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
