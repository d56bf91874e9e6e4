"""No state breaks under fork or spawn: after the parent ran the sales stage (its file-hashing thread
started), a forked and a spawned worker both finish `summarise` (it used to hang in a forked one)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from batch.batch_support import NET, summarise_in_child

from litigator import sales
from litigator.casefile import load_case

TIMEOUT = 120  # seconds: a hang fails the test instead of blocking the run


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_finishes_summarise_after_the_parent(method: str, base_case: Path, tmp_path: Path) -> None:
    text = (base_case / "case.yaml").read_text(encoding="utf-8").replace("seller_id: S20160188", "seller_id: S1")
    (base_case / "case.yaml").write_text(text, encoding="utf-8")
    assert str(sales.summarise(load_case(base_case)).totals.net) == NET["S1"]  # the parent runs it first
    context = multiprocessing.get_context(method)
    results = context.Queue()
    worker = context.Process(target=summarise_in_child, args=(str(base_case), results))
    worker.start()
    worker.join(TIMEOUT)
    if worker.is_alive():
        worker.kill()
        worker.join()
        pytest.fail(f"the {method} worker hung in summarise")
    assert worker.exitcode == 0
    assert results.get(timeout=10) == NET["S1"]
