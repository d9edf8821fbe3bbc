"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Each executor takes the (path, sha) jobs and yields (path, sha, result) in the
order given, where result is a DocumentResult or the IngestError the file met;
the caller writes them from one process.  Extraction is `extract_or_error`,
pure (bytes in, models out), so any engine can run it.
"""
from __future__ import annotations

import collections
import os
import time
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Iterator, Optional, Union

from boardpapers.ingest.errors import IngestError, InternalError, TimedOut, TooLarge, UnreadableFile, WorkerCrashed
from boardpapers.ingest.pipeline import extract_document, extract_file
from boardpapers.schema.models import DocumentResult

Result = Union[DocumentResult, IngestError]
Jobs = list[tuple[str, str]]
DEFAULT_MAX_MEMORY_MB = 768  # memory a worker may take on top of what it starts with; past it: too_large


def limit_worker(max_memory_mb: int) -> None:
    """Run in each worker as it starts: die with the parent, and stay within max_memory_mb.

    PR_SET_PDEATHSIG makes the kernel SIGKILL the worker when the process that
    started it dies (even by SIGKILL), so no worker outlives a killed batch.
    RLIMIT_AS turns a runaway allocation into a MemoryError, which the pipeline
    reports as too_large, instead of the machine swapping or the OOM killer choosing.
    The limit counts from the address space the worker starts with (inherited
    from its parent: libraries, spaCy's tables), so it means the same whatever started it.
    """
    import ctypes
    import resource
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass  # not Linux: workers are still stopped when the pool closes
    if max_memory_mb > 0:
        limit = _address_space() + max_memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def extract_or_error(data: bytes, name: str, path: str) -> Result:
    """extract_document, with the file's error returned as a value (it travels better)."""
    try:
        return extract_document(data, name, path)
    except IngestError as exc:
        return exc


class _OutOfTime(BaseException):
    """Raised inside a task's own thread when its run time is up (a BaseException, so
    the pipeline's guard against our bugs does not swallow it)."""


GRACE_SECONDS = 10.0  # after the time limit, how long a task stuck in C code gets before its worker is ended


def extract_with_time_limit(data: bytes, name: str, path: str, timeout: float) -> Result:
    """extract_or_error, stopped once it has *run* for `timeout` seconds.

    For a Dask task: the clock starts when the task starts, not when it was
    queued.  When time is up, _OutOfTime is raised in the task's thread (this
    stops Python code at its next step); a task stuck in a C call that does not
    return within the grace period ends its worker process, which the cluster
    replaces, so nothing runs on unseen.
    """
    import ctypes
    import threading

    thread = threading.get_ident()
    finished = threading.Event()

    def expire() -> None:
        # Raised again and again: an exception that lands in a callback the runtime
        # ignores errors from (a garbage-collector hook) would otherwise be lost.
        deadline = time.monotonic() + GRACE_SECONDS
        while not finished.is_set() and time.monotonic() < deadline:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(_OutOfTime))
            finished.wait(0.2)
        if not finished.is_set():
            os._exit(70)

    timer = threading.Timer(timeout, expire)
    timer.daemon = True
    timer.start()
    try:
        try:
            return extract_or_error(data, name, path)
        finally:
            finished.set()
            timer.cancel()
    except _OutOfTime:
        return TimedOut(path, f"extraction ran for longer than {timeout:g} s on the cluster; it was stopped")


def warm_up() -> None:
    """Load the spaCy pipeline and the names dictionary once, before workers fork, so each
    worker inherits them instead of loading its own."""
    from boardpapers.extractors.interpret.datespans import _pipeline
    from boardpapers.extractors.interpret.owners import _given_names

    _pipeline()
    _given_names()


def in_process(jobs: Jobs) -> Iterator[tuple[str, str, Result]]:
    """Extract here, one file after another (no time limit)."""
    for path, sha in jobs:
        try:
            yield path, sha, extract_file(path)
        except IngestError as exc:
            yield path, sha, exc


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def process_pool(jobs: Jobs, workers: int, timeout: float,
                 max_memory_mb: int = DEFAULT_MAX_MEMORY_MB) -> Iterator[tuple[str, str, Result]]:
    """Extract in worker processes; a file over the time limit has its worker killed and replaced.

    If the batch is stopped (SIGTERM, Ctrl-C, an error in the writer), the
    workers are stopped at once rather than left to finish the queue.
    """
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    warm_up()
    pool = ProcessPool(max_workers=workers, initializer=limit_worker, initargs=(max_memory_mb,))
    try:
        # Largest files first, so a long paper does not start last while the other workers sit idle;
        # the results are still written in the order given.
        scheduled = {path: pool.schedule(extract_file, args=(path,), timeout=timeout)
                     for path, _ in sorted(jobs, key=lambda job: -_size(job[0]))}
        futures = [(path, sha, scheduled[path]) for path, sha in jobs]
        for path, sha, future in futures:
            try:
                result: Result = future.result()
            except FutureTimeout:
                result = TimedOut(path, f"extraction took longer than {timeout:g} s; its worker was stopped")
            except ProcessExpired as exc:
                result = WorkerCrashed(path, f"the worker died while extracting it (exit code {exc.exitcode})")
            except IngestError as exc:
                result = exc
            except MemoryError:
                result = TooLarge(path, f"the paper needs more than the worker's {max_memory_mb} MB of memory")
            except Exception as exc:  # raised outside the pipeline's own guard: still ours, not the file's
                result = InternalError.from_exception(path, exc)
            yield path, sha, result
    except BaseException:
        pool.stop()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def dask_cluster(jobs: Jobs, scheduler: str, timeout: float, window: Optional[int] = None,
                 ) -> Iterator[tuple[str, str, Result]]:
    """Ship each file's bytes to a Dask cluster's workers and stream the results back in order.

    scheduler is the cluster's address ("tcp://host:8786"), or "local" for a
    LocalCluster on this machine.  At most `window` files are in flight, so a
    large batch is not read into memory at once.
    """
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None) if scheduler == "local" else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        window = window or 4 * max(1, sum(client.nthreads().values()))
        pending: collections.deque = collections.deque()
        for path, sha in jobs:
            pending.append((path, sha, _submit(client, path, timeout), time.monotonic()))
            if len(pending) >= window:
                yield _collect(client, *pending.popleft(), timeout)
        while pending:
            yield _collect(client, *pending.popleft(), timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit(client, path: str, timeout: float):
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return UnreadableFile(path, exc.strerror or str(exc))
    return client.submit(extract_with_time_limit, data, Path(path).name, path, timeout, pure=False, retries=0)


def _collect(client, path: str, sha: str, future, submitted: float, timeout: float) -> tuple[str, str, Result]:
    """The task's answer.  The task keeps its own time limit; waiting here has none, since
    a task may rightly wait in the queue behind others for as long as the batch takes."""
    if isinstance(future, IngestError):
        return path, sha, future
    try:
        return path, sha, future.result()
    except Exception as exc:  # the worker was lost, or ended by the time limit's last resort
        if time.monotonic() - submitted >= timeout + GRACE_SECONDS:
            return path, sha, TimedOut(path, f"extraction ran past the {timeout:g} s limit and did not stop; "
                                             f"its worker was ended")
        return path, sha, WorkerCrashed(path, f"the cluster could not extract it ({type(exc).__name__}: {exc})")
