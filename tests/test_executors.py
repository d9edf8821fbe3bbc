"""Every executor gives the same database: in process, worker processes, a local Dask cluster."""
import sqlite3

import pytest

from db.store import open_db
from ingest.batch import ingest_paths
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
