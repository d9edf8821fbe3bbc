"""Every executor gives the same database: in process, worker processes, a local Dask cluster."""
import sqlite3

import pytest

from boardpapers.db.store import open_db
from boardpapers.ingest.batch import ingest_paths
from tests.conftest import CORPUS, corpus_item_count

QUERY = ("select d.name, a.ref, a.action, a.deadline_date, a.rag from actions a "
         "join documents d on d.id = a.document_id order by a.id")


def _run(tmp_path, name, **kwargs):
    path = tmp_path / f"{name}.db"
    outcomes = ingest_paths(open_db(str(path)), [CORPUS], **kwargs)
    assert all(o.status == "stored" for o in outcomes)
    with sqlite3.connect(path) as conn:
        return conn.execute(QUERY).fetchall()


def test_worker_processes_match_in_process(tmp_path):
    assert _run(tmp_path, "pool", workers=2) == _run(tmp_path, "here", workers=0)


def test_a_local_dask_cluster_matches_in_process(tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        rows = _run(tmp_path, "dask", executor="dask", scheduler=cluster.scheduler_address, timeout=120)
    assert rows == _run(tmp_path, "here", workers=0)
    assert len(rows) == corpus_item_count()


def test_on_dask_the_time_limit_counts_run_time_and_stops_the_task(tmp_path):
    """One worker: the slow paper is stopped at the limit, and the papers queued behind it,
    which wait longer than the limit, are not timed out for their wait."""
    pytest.importorskip("dask.distributed")
    import time

    from dask.distributed import LocalCluster

    slow = tmp_path / "a_slow.txt"
    slow.write_text("Ref\tAction\tLead\tDeadline\n"
                    + "".join(f"{i}\tAct {i}.\tLead Team\tMarch 2021\n" for i in range(1, 80_001)))
    papers = [slow]
    for n in range(3):
        paper = tmp_path / f"b_{n}.txt"
        paper.write_text(f"Ref\tAction\tLead\n1.{n}\tMend fence {n}.\tParks\n")
        papers.append(paper)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        started = time.perf_counter()
        outcomes = ingest_paths(open_db(str(tmp_path / "t.db")), papers, executor="dask",
                                scheduler=cluster.scheduler_address, timeout=2)
        seconds = time.perf_counter() - started
    assert [(o.status, o.error_kind) for o in outcomes] == [("failed", "timeout")] + [("stored", None)] * 3
    assert seconds < 30, f"the slow task was not stopped ({seconds:.0f} s)"
