"""Batch: the pipeline over a manifest of targets, on a local process pool or a Dask cluster (docs/batch.md).

* :mod:`~litigator.batch.manifest` — CSV / XLSX / YAML manifests, validated up front row by row;
* :mod:`~litigator.batch.targets` — each row materialised as a case folder under the output folder;
* :mod:`~litigator.batch.run` — the shared export summarised once, each row drafted, resume by input hash;
* :mod:`~litigator.batch.executors` — the executor protocol and the local process pool;
* :mod:`~litigator.batch.summary` — summary.csv / summary.json.
"""

from litigator.batch.run import BatchResult, run_batch, run_task

__all__ = ["BatchResult", "run_batch", "run_task"]
