"""The Dask executor: the batch's tasks on a Dask cluster (``litigator batch --executor dask``).

Same protocol as the local process pool (``litigator.batch.executors.Executor``): ``map_unordered``
sends every task to the cluster and yields each ``TaskResult`` as it completes; ``close`` lets go of
the cluster. The task function is ``litigator.batch.run.run_task``, a top-level function pickled by
reference, so every worker needs the same litigator version installed, and the task's paths (the
base case, the evidence folders, the sales export, the output folder) must name the same files on
every worker: shared storage (docs/batch.md, "Running on a Dask cluster").

* ``address`` (``tcp://host:8786``): connect to a running scheduler (started with ``dask
  scheduler``, its workers with ``dask worker tcp://host:8786``). ``workers`` is ignored there: the
  cluster has the workers it has.
* no address: a ``LocalCluster`` of ``workers`` processes (one thread each, no dashboard, logs
  quiet), started here and shut down by :meth:`DaskExecutor.close`. Its workers are spawned, so
  nothing of the parent's state (DuckDB connections, thread pools) is inherited.

``run_task`` records a row's own failure in the ``TaskResult`` it returns; an exception coming back
from the cluster therefore means the worker was lost (Dask gives up on a task after its workers died
``distributed.scheduler.allowed-failures`` times, 3 by default), the scheduler went away, or a worker
could not run the task at all (it cannot unpickle it: another litigator version): each is one
:class:`~litigator.errors.LitigatorError` naming the task. Dask is an optional extra, imported
here only: without it, a one-line error says how to install it. Nothing is downloaded at run time.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from litigator.errors import LitigatorError

T = TypeVar("T")
R = TypeVar("R")

INSTALL_HINT = "pip install 'litigator[dask]'"
CONNECT_TIMEOUT = "20s"  # how long to look for a scheduler at --address before giving up
WORKER_WAIT = 60.0  # seconds to wait for a first worker at --address before giving up


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:  # the optional extra is not installed
        raise LitigatorError(f"--executor dask needs Dask, which is not installed: {INSTALL_HINT} "
                             f"({exc.name or 'distributed'} missing)") from None
    return distributed


def _allowed_failures() -> int:
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures", 3))


def task_label(task: Any) -> str:
    """How an error names a task: its manifest row and target id where the task has them."""
    parts = []
    for attr, fmt in (("row", "row {}"), ("target", "target {}"), ("target_id", "target {}"), ("id", "{}")):
        value = getattr(task, attr, None)
        if value is not None and not callable(value):
            parts.append(fmt.format(value))
    if parts:
        return ", ".join(dict.fromkeys(parts))
    text = repr(task)
    return text if len(text) <= 80 else text[:77] + "..."


_END = object()


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


class DaskExecutor:
    """Runs batch tasks on a Dask cluster: a running one (``address``) or a local one it starts."""

    def __init__(self, address: str | None = None, workers: int | None = None, *, quiet: bool = True,
                 connect_timeout: str = CONNECT_TIMEOUT, worker_wait: float = WORKER_WAIT) -> None:
        distributed = _import_distributed()
        self.address = address
        self.worker_wait = worker_wait
        self._cluster: Any = None
        self._client: Any = None
        level = logging.ERROR if quiet else logging.WARNING
        if quiet:  # the client's own loggers (connection notices, shutdown chatter)
            for name in ("distributed", "distributed.client", "distributed.scheduler", "distributed.nanny",
                         "distributed.worker", "distributed.core", "distributed.batched"):
                logging.getLogger(name).setLevel(level)
        if address:
            try:
                self._client = distributed.Client(address, timeout=connect_timeout, set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise LitigatorError(f"cannot reach the Dask scheduler at {address}: {_one_line(exc)} "
                                     "(start one with `dask scheduler`, and workers with "
                                     f"`dask worker {address}`)") from None
            except ValueError as exc:  # an address Dask cannot parse
                raise LitigatorError(f"--address {address}: {_one_line(exc)} (expected tcp://HOST:PORT)") from None
            return
        n = workers if workers and workers > 0 else (os.cpu_count() or 1)
        try:
            self._cluster = distributed.LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=level,
                # no dashboard; the scheduler's HTTP routes (health checks) on a free loopback port, not on
                # 8787, which another cluster may hold (Dask then warns and picks another)
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
            self._client = distributed.Client(self._cluster, set_as_default=False)
        except BaseException:
            self.close()
            raise

    @property
    def client(self) -> Any:
        return self._client

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        """Yield each task's result as it completes (completion order, not task order).

        Tasks are submitted as a sliding window (:meth:`window` in flight, topped up as results come
        back), not all at once: a row's task carries its sales summary and order lines, and 1,000 of
        them would be one graph of ~200 MB held by the scheduler. Leaving the loop early (an error,
        Ctrl-C, a consumer that stops) cancels the tasks in flight; the rest were never sent.
        """
        distributed = _import_distributed()
        if self._client is None:
            raise LitigatorError("the Dask executor is closed")
        client = self._client
        todo = iter(tasks)  # made as they are submitted (a window at a time)
        first = next(todo, _END)
        if first is _END:
            return
        todo = itertools.chain([first], todo)
        if self.address:
            self._wait_for_a_worker()
        in_flight: dict[Any, Any] = {}  # future -> task
        done = distributed.as_completed(loop=client.loop)
        window = self.window()

        def top_up() -> None:
            while len(in_flight) < window:
                task = next(todo, _END)
                if task is _END:
                    return
                future = client.submit(fn, task, pure=False)
                in_flight[future] = task
                done.add(future)

        top_up()
        try:
            for n, future in enumerate(done, start=1):
                task = in_flight.pop(future)
                if future.status == "error" or future.cancelled():
                    raise self._lost(distributed, future, task)
                try:
                    result = future.result()
                except distributed.KilledWorker as exc:
                    raise self._lost(distributed, future, task, exc) from None
                future.release()  # the result lives here now, not on the worker
                if n % 64 == 0:  # workers may have joined (or left) the cluster
                    window = self.window()
                top_up()
                yield result
        finally:
            pending = [f for f in in_flight if not f.done()]
            if pending:
                try:
                    client.cancel(pending)
                except Exception:  # the scheduler may be gone already; nothing left to cancel then
                    pass

    def _wait_for_a_worker(self) -> None:
        """A scheduler without workers would hold the tasks for ever: wait a while, then say so."""
        try:
            if self._client.nthreads():
                return
            self._client.wait_for_workers(1, timeout=self.worker_wait)
        except (TimeoutError, OSError) as exc:
            raise LitigatorError(f"no Dask worker is connected to the scheduler at {self.address} (waited "
                                 f"{self.worker_wait:.0f} s: {_one_line(exc)}); start some with "
                                 f"`dask worker {self.address}`") from None

    def window(self) -> int:
        """Tasks kept in flight: four per worker thread of the cluster (at least 8), so no worker waits."""
        try:
            threads = sum(self._client.nthreads().values())
        except Exception:  # the scheduler did not answer: keep going with a small window
            threads = 2
        return max(8, 4 * threads)

    def _lost(self, distributed: Any, future: Any, task: Any, exc: BaseException | None = None) -> LitigatorError:
        label = task_label(task) if task is not None else str(future.key)
        if exc is None:
            try:
                exc = future.exception(timeout=5)
            except Exception as inner:  # cancelled: the scheduler dropped it (lost connection)
                exc = inner
        where = f" (scheduler {self.address})" if self.address else ""
        if isinstance(exc, distributed.KilledWorker):
            what = (f"{label}: the Dask worker running it died{where} (tried on "
                    f"{_allowed_failures() + 1} workers; "
                    "out of memory? see the worker's log); rerun to resume")
        elif exc is None or isinstance(exc, (OSError, TimeoutError)) or type(exc).__name__.endswith("CancelledError"):
            why = _one_line(exc) if exc else "task cancelled"
            what = f"{label}: lost the Dask cluster{where}: {why} (did the scheduler stop?); rerun to resume"
        else:  # run_task never raises: the worker could not run it (unpickling, an import: another version?)
            what = (f"{label}: a Dask worker could not run it{where}: {type(exc).__name__}: {_one_line(exc)} "
                    "(is the same litigator version installed on every worker?)")
        return LitigatorError(what)

    def close(self) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            try:
                client.close()
            except Exception:  # closing a client whose scheduler is gone
                pass
        if cluster is not None:
            try:
                cluster.close()
            except Exception:
                pass

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
