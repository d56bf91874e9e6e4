"""The Dask executor: the same batch gives byte-identical outputs on a Dask cluster and on the local pool.

Needs the optional extra ``dask[distributed]`` (``make test`` installs it): skipped without it locally,
a failure under CI=true. The clusters are local (``LocalCluster``, spawned worker processes on
127.0.0.1); the address path connects to one the test starts, as ``dask scheduler`` would run it.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from litigator.errors import LitigatorError

ROOT = Path(__file__).resolve().parents[2]
QUIET_HTTP = {"dashboard_address": "127.0.0.1:0"}  # the scheduler's HTTP routes on a free port, not on 8787


@pytest.fixture(scope="module")
def distributed():
    try:
        import distributed
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("dask[distributed] is required under CI=true (`make test` installs '.[test,dask]')")
        pytest.skip("dask[distributed] is not installed: pip install -e '.[dask]'")
    return distributed


def _small_manifest(example: Path, rows: int) -> Path:
    """The example's manifest cut to its first ``rows`` rows, plus a row whose seller is not in the export."""
    with open(example / "manifest.csv", encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh))
    base, header, body = lines[0], lines[1], lines[2:2 + rows]
    bad = list(body[0])
    bad[0], bad[3] = "T99", "S99999999"
    path = example / f"manifest-{rows}.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([base, header, *body, bad])
    return path


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path; the timing field of each row's record dropped."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        data = p.read_bytes()
        if p.name == ".batch.json":
            record = json.loads(data)
            record.pop("seconds")
            data = json.dumps(record, sort_keys=True).encode()
        out[p.relative_to(folder).as_posix()] = data
    return out


def test_dask_output_is_byte_identical_to_the_local_pool(distributed, example: Path, tmp_path: Path) -> None:
    from litigator.batch import run_batch

    manifest = _small_manifest(example, 3)
    out = tmp_path / "out"  # both runs write the same folder (case paths appear in calculation.json)
    local = run_batch(manifest, out, workers=2, executor="local")
    local_files = _contents(out)
    shutil.rmtree(out)
    dask = run_batch(manifest, out, workers=2, executor="dask")
    dask_files = _contents(out)

    assert [r.status for r in local.results] == ["drafted", "drafted", "drafted", "failed"]
    assert [r.model_dump(exclude={"seconds"}) for r in dask.results] == \
        [r.model_dump(exclude={"seconds"}) for r in local.results]
    assert "S99999999" in dask.results[-1].error
    assert sorted(dask_files) == sorted(local_files)
    assert any(name.endswith("complaint.docx") for name in dask_files)
    assert len([n for n in dask_files if n.endswith(".docx")]) >= 3 * 4  # the whole filing set of each row
    differ = [name for name in local_files if dask_files[name] != local_files[name]]
    assert differ == []


def test_dask_batch_resumes_what_the_local_pool_drafted(distributed, example: Path, tmp_path: Path) -> None:
    """The record a row leaves is the executor's business no more than its outputs: a rerun on Dask skips
    the rows the local pool finished, and drafts only the one it had not reached."""
    from litigator.batch import run_batch
    from litigator.pipeline import DraftOptions

    manifest = _small_manifest(example, 2)
    complaint = DraftOptions(only=["complaint"])
    first = run_batch(manifest, tmp_path / "out", options=complaint, workers=1, stop_after=1)
    assert sorted(r.status for r in first.results) == ["drafted", "failed", "not_run"]
    again = run_batch(manifest, tmp_path / "out", options=complaint, workers=2, executor="dask")
    assert sorted(r.status for r in again.results) == ["drafted", "failed", "skipped"]


def _squarer():
    """x -> x * x, made locally so cloudpickle sends it by value (workers cannot import this test module)."""

    def square(x: int) -> int:
        return x * x

    return square


_square = _squarer()


def test_map_unordered_yields_every_result_once(distributed) -> None:
    from litigator.batch.dask_executor import DaskExecutor

    ex = DaskExecutor(workers=2)
    try:
        assert sorted(ex.map_unordered(_square, list(range(40)))) == [x * x for x in range(40)]
        assert list(ex.map_unordered(_square, [])) == []
    finally:
        ex.close()
    with pytest.raises(LitigatorError, match="closed"):
        list(ex.map_unordered(_square, [1]))


def test_a_worker_that_dies_is_one_error_naming_the_task(distributed) -> None:
    from litigator.batch.dask_executor import DaskExecutor
    from litigator.batch.model import Task
    from litigator.pipeline import DraftOptions

    def die_on_row_5(task):  # pickled by value (a local function): the workers cannot import this test module
        import os

        if task.row == 5:
            os._exit(3)
        return task.row

    tasks = [Task(row=r, target=f"t{r}", case_dir=Path("/nonexistent") / f"t{r}", options=DraftOptions(),
                  input_hash="x") for r in range(3, 8)]
    ex = DaskExecutor(workers=1)
    try:
        with pytest.raises(LitigatorError) as err:
            list(ex.map_unordered(die_on_row_5, tasks))
        assert "row 5, target t5" in str(err.value) and "died" in str(err.value)
        assert "\n" not in str(err.value)
        assert sorted(ex.map_unordered(_square, [2, 3])) == [4, 9]  # the cluster goes on
    finally:
        ex.close()


def test_address_connects_to_a_running_scheduler(distributed) -> None:
    """``--address``: a scheduler and workers started apart (here a LocalCluster the test owns)."""
    from litigator.batch.dask_executor import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, scheduler_kwargs=QUIET_HTTP) as cluster:
        ex = DaskExecutor(address=cluster.scheduler_address)
        try:
            assert sorted(ex.map_unordered(_square, [1, 2, 3])) == [1, 4, 9]
        finally:
            ex.close()
        assert cluster.status.name == "running"  # closing the executor leaves a cluster it did not start


def test_a_scheduler_without_workers_is_one_error_not_a_hang(distributed) -> None:
    from litigator.batch.dask_executor import DaskExecutor

    with distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs=QUIET_HTTP) as cluster:
        ex = DaskExecutor(address=cluster.scheduler_address, worker_wait=1)
        try:
            with pytest.raises(LitigatorError, match="no Dask worker is connected") as err:
                list(ex.map_unordered(_square, [1]))
            assert f"dask worker {cluster.scheduler_address}" in str(err.value)
        finally:
            ex.close()


def test_no_scheduler_at_the_address_is_one_error(distributed) -> None:
    from litigator.batch.dask_executor import DaskExecutor

    with pytest.raises(LitigatorError) as err:
        DaskExecutor(address="tcp://127.0.0.1:9", connect_timeout="1s")
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in str(err.value)
    assert "dask scheduler" in str(err.value) and "\n" not in str(err.value)


def test_without_dask_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from litigator.batch.dask_executor import DaskExecutor

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(LitigatorError, match=r"pip install 'litigator\[dask\]'"):
        DaskExecutor(workers=1)


def test_platform_example_is_a_batch_of_50_sellers_from_one_export(example: Path, tmp_path: Path) -> None:
    """examples/platform-batch: every row valid and found in the one export (a dry run drafts nothing)."""
    from litigator.batch import run_batch

    result = run_batch(example / "manifest.csv", tmp_path / "out", dry_run=True)
    assert len(result.results) == 50
    assert {r.status for r in result.results} == {"valid"}, [r.error for r in result.results if r.error]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert len(list((example / "base" / "sales").glob("*.csv"))) == 1
