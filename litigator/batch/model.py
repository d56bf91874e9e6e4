"""The batch's contracts: what a worker is given (:class:`Task`) and what it hands back (:class:`TaskResult`).

Both are picklable pydantic models, so the same tasks run on the local process pool and on a Dask
cluster (``litigator.batch.executors.Executor``). A task carries everything its worker needs: the
target's case folder (materialised by the parent), the draft options, the row's sales summary and
order lines (computed once for every seller by the parent) or a path to them, and the input hash the
finished row records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from litigator.pipeline import DraftOptions
from litigator.sales.model import KeptLines, SalesExtract, SalesSummary

RECORD_NAME = ".batch.json"  # in a target's output folder: the row's input hash and result, written last

Status = Literal["drafted", "skipped", "failed", "not_run", "valid"]  # valid: --dry-run found nothing wrong


class Task(BaseModel):
    """One manifest row for a worker."""

    model_config = ConfigDict(extra="forbid")

    row: int = Field(description="the manifest row (a CSV's line, an XLSX sheet row, a YAML manifest's position)")
    target: str = Field(description="the target id (the folder name under the batch's output folder)")
    case_dir: Path = Field(description="the target's case folder, materialised by the parent")
    options: DraftOptions
    sales: SalesSummary | None = Field(default=None, description="the row's sales summary (injected)")
    extract: KeptLines | SalesExtract | None = Field(default=None,
                                                  description="the row's kept order lines (injected)")
    sales_path: Path | None = Field(
        default=None, description="instead of sales/extract: a JSON file holding {'sales': …, 'extract': …}")
    input_hash: str

    @property
    def out_dir(self) -> Path:
        return self.options.out_dir or self.case_dir / "out"

    @property
    def record(self) -> Path:
        return self.out_dir / RECORD_NAME


class TaskResult(BaseModel):
    """What became of one row."""

    model_config = ConfigDict(extra="forbid")

    row: int
    target: str
    status: Status
    outputs: list[str] = Field(default_factory=list, description="files written, relative to the batch's output")
    warning_codes: list[str] = Field(default_factory=list)
    scenario: str | None = Field(default=None, description="the scenario the complaint claims")
    claims: dict[str, str] = Field(default_factory=dict, description="scenario -> claim total (2 places)")
    expected_award: str | None = Field(default=None, description="the filed scenario's expected award (mid)")
    over_claim: bool | None = None
    error: str | None = None
    input_hash: str | None = None
    seconds: float = 0.0
