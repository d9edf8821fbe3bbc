"""The five seed papers in ../shared, ingested end to end and scored with the shared scorer."""
import json

import pytest
from click.testing import CliRunner

from boardpapers.ingest.cli import cli
from tests.conftest import SHARED, need_shared


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory):
    need_shared(SHARED / "seeds")
    tmp = tmp_path_factory.mktemp("seeds")
    db = str(tmp / "s.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SHARED / "seeds"), "--db", db]).exit_code == 0
    out = runner.invoke(cli, ["export", "--db", db]).output
    pred: dict[str, list[dict]] = {}
    for line in out.splitlines():
        item = json.loads(line)
        pred.setdefault(item["document"], []).append(item)
    return db, pred


def test_seed_scores(seed_export, scorer):
    _, pred = seed_export
    result = scorer.score(scorer.load_gold(SHARED / "gold"), pred)
    overall = result["overall"]
    assert overall["f1"] >= 0.95
    assert all(doc["f1"] >= 0.90 for doc in result["documents"].values()), result["documents"]
    for field in ("ref", "recommendation", "action", "progress", "outcome"):
        assert overall["fields"][field] >= 0.90, field


def test_reingesting_seeds_changes_nothing(seed_export):
    import sqlite_utils

    db_path, _ = seed_export
    db = sqlite_utils.Database(db_path)
    before = {t: db[t].count for t in ("documents", "actions", "owners", "cross_references")}
    result = CliRunner().invoke(cli, ["ingest", str(SHARED / "seeds"), "--db", db_path])
    assert "5 unchanged" in result.output
    assert {t: db[t].count for t in before} == before
    assert db.execute("pragma foreign_key_check").fetchall() == []
