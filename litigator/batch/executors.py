"""Executors: where a batch's tasks run. The protocol every executor keeps, and the local process pool.

An executor takes the top-level function ``litigator.batch.run.run_task`` and the tasks, and yields each
:class:`~litigator.batch.model.TaskResult` as it completes (any order). ``close`` lets go of its workers.
The Dask executor (``litigator.batch.dask_executor.DaskExecutor``) keeps the same protocol.

:class:`LocalExecutor` is a process pool of ``workers`` processes (default: the machine's cores),
started with ``forkserver`` where the platform has it, else ``spawn`` — never a plain fork of a parent
that holds DuckDB connections and thread pools. Each worker runs the initializer once (templates
compiled, the precedent library loaded). With one worker the tasks run in this process instead (no
pool to start: the same code, minus the process boundary).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from litigator.batch.model import Task, TaskResult
from litigator.errors import LitigatorError


class Executor(Protocol):
    def map_unordered(self, fn: Callable[[Task], TaskResult], tasks: Iterable[Task]) -> Iterator[TaskResult]: ...
    def close(self) -> None: ...


def start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class LocalExecutor:
    """A local process pool (``--executor local``)."""

    def __init__(self, workers: int | None = None, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = (), method: str | None = None) -> None:
        if workers is not None and workers < 1:
            raise LitigatorError(f"--workers {workers}: give at least 1")
        self.workers = workers or default_workers()
        self.initializer, self.initargs = initializer, initargs
        self._pool: ProcessPoolExecutor | None = None
        self._inline_ready = False
        if self.workers > 1:
            context = multiprocessing.get_context(method or start_method())
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=initializer, initargs=initargs)

    def map_unordered(self, fn: Callable[[Task], TaskResult], tasks: Iterable[Task]) -> Iterator[TaskResult]:
        if self._pool is None:
            if not self._inline_ready and self.initializer is not None:
                self.initializer(*self.initargs)
                self._inline_ready = True
            for task in tasks:
                yield fn(task)
            return
        # submitted as they come: a worker starts on the first task while the caller makes the next ones
        futures: dict[Future, Task] = {self._pool.submit(fn, task): task for task in tasks}
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    task = futures[future]
                    raise LitigatorError(f"row {task.row}, target {task.target}: a worker process died (out of "
                                         "memory? killed?); rerun to resume") from None
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
