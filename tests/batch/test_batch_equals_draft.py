"""A batch row's outputs are what `litigator draft` writes for the row's case folder on its own: the batch
only computes the same stage results once for every row (one sales pass, lines shipped as Arrow columns)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from litigator.batch import run_batch
from litigator.pipeline import DraftOptions, draft


def test_a_batch_row_is_drafted_as_its_folder_alone(example: Path, tmp_path: Path) -> None:
    with open(example / "manifest.csv", encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh))
    manifest = example / "manifest-equals-draft.csv"  # beside the original: its paths are relative to it
    with open(manifest, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(lines[:5])
    out = tmp_path / "out"
    result = run_batch(manifest, out, options=DraftOptions(only=["complaint"]), workers=1)
    assert [r.status for r in result.results] == ["drafted"] * 3, [r.error for r in result.results]
    for r in result.results:
        alone = tmp_path / "alone" / r.target
        draft(out / r.target, DraftOptions(out_dir=alone, only=["complaint"]))
        batch_out = out / r.target / "out"
        extract = (batch_out / "sales-extract.csv").read_bytes()
        assert extract == (alone / "sales-extract.csv").read_bytes()
        assert extract.count(b"\r\n") > 2  # header and several order lines
        assert (batch_out / "complaint.docx").read_bytes() == (alone / "complaint.docx").read_bytes()
        batch_calc, alone_calc = (json.loads((d / "calculation.json").read_text(encoding="utf-8"))
                                  for d in (batch_out, alone))
        # the SQL recorded differs (the batch's pass reads every seller at once); every figure is the same
        assert batch_calc["sales"].pop("sql") != alone_calc["sales"].pop("sql")
        assert batch_calc == alone_calc
