"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Each executor takes the (path, sha) jobs and yields (path, sha, result) in the
order given, where result is a DocumentResult or the IngestError the file met;
the caller writes them from one process.  Extraction is `extract_or_error`,
pure (bytes in, models out), so any engine can run it.
"""
from __future__ import annotations

import collections
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Iterator, Optional, Union

from ingest.errors import IngestError, TimedOut, UnreadableFile, WorkerCrashed
from ingest.pipeline import extract_document, extract_file
from schema.models import DocumentResult

Result = Union[DocumentResult, IngestError]
Jobs = list[tuple[str, str]]


def extract_or_error(data: bytes, name: str, path: str) -> Result:
    """extract_document, with the file's error returned as a value (it travels better)."""
    try:
        return extract_document(data, name, path)
    except IngestError as exc:
        return exc


def warm_up() -> None:
    """Load the spaCy pipeline and the names dictionary once, before workers fork, so each
    worker inherits them instead of loading its own."""
    from extractors.datespans import _pipeline
    from extractors.owners import _given_names

    _pipeline()
    _given_names()


def in_process(jobs: Jobs) -> Iterator[tuple[str, str, Result]]:
    """Extract here, one file after another (no time limit)."""
    for path, sha in jobs:
        try:
            yield path, sha, extract_file(path)
        except IngestError as exc:
            yield path, sha, exc


def process_pool(jobs: Jobs, workers: int, timeout: float) -> Iterator[tuple[str, str, Result]]:
    """Extract in worker processes; a file over the time limit has its worker killed and replaced."""
    from pebble import ProcessPool
    from pebble.common import ProcessExpired

    warm_up()
    with ProcessPool(max_workers=workers) as pool:
        futures = [(path, sha, pool.schedule(extract_file, args=(path,), timeout=timeout)) for path, sha in jobs]
        for path, sha, future in futures:
            try:
                result: Result = future.result()
            except FutureTimeout:
                result = TimedOut(path, f"extraction took longer than {timeout:g} s; its worker was stopped")
            except ProcessExpired as exc:
                result = WorkerCrashed(path, f"the worker died while extracting it (exit code {exc.exitcode})")
            except IngestError as exc:
                result = exc
            yield path, sha, result


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
            pending.append((path, sha, _submit(client, path)))
            if len(pending) >= window:
                yield _collect(client, *pending.popleft(), timeout)
        while pending:
            yield _collect(client, *pending.popleft(), timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit(client, path: str):
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return UnreadableFile(path, exc.strerror or str(exc))
    return client.submit(extract_or_error, data, Path(path).name, path, pure=False)


def _collect(client, path: str, sha: str, future, timeout: float) -> tuple[str, str, Result]:
    if isinstance(future, IngestError):
        return path, sha, future
    try:
        return path, sha, future.result(timeout=timeout)
    except (FutureTimeout, TimeoutError):
        client.cancel(future)
        return path, sha, TimedOut(path, f"extraction took longer than {timeout:g} s on the cluster")
    except Exception as exc:  # the worker was lost, or the task failed outside our code
        return path, sha, WorkerCrashed(path, f"the cluster could not extract it ({type(exc).__name__}: {exc})")
