"""Following plans through the papers of corpus/series against its gold links: four text papers on one
plan, and six papers in Word, PDF and HTML on another."""
import itertools
import json
import shutil

import pytest
from click.testing import CliRunner

from boardpapers.db.store import open_db
from boardpapers.ingest.batch import ingest_paths
from boardpapers.ingest.cli import cli
from boardpapers.ingest.reconcile.tracking import match_items, similarity
from tests.conftest import CORPUS

SERIES = CORPUS / "series"


def gold_pairs() -> set[tuple]:
    """Pairs of (document, ref) the gold says are one tracked item."""
    gold = json.loads((SERIES / "gold.json").read_text())
    members = {}
    for document, refs in gold.items():
        for ref, tracked in refs.items():
            members.setdefault(tracked, []).append((document, ref))
    return {tuple(sorted(p)) for group in members.values() for p in itertools.combinations(group, 2)}


def found_pairs(db) -> set[tuple]:
    rows = db.execute("select u.tracked_item_id, d.name, u.ref from progress_updates u "
                      "join documents d on d.id = u.document_id").fetchall()
    members = {}
    for tracked, document, ref in rows:
        members.setdefault(tracked, []).append((document, ref))
    return {tuple(sorted(p)) for group in members.values() for p in itertools.combinations(group, 2)}


@pytest.fixture
def series_db(tmp_path):
    papers = tmp_path / "series"
    shutil.copytree(SERIES, papers)
    db = open_db(str(tmp_path / "s.db"))
    ingest_paths(db, [papers])
    return db, papers


def test_item_links_match_the_gold(series_db):
    db, _ = series_db
    gold, found = gold_pairs(), found_pairs(db)
    precision = len(gold & found) / len(found)
    recall = len(gold & found) / len(gold)
    assert (precision, recall) == (1.0, 1.0), (sorted(found - gold), sorted(gold - found))


def test_plans_are_versions_of_one_tracked_plan_and_the_unrelated_one_is_not(series_db):
    db, _ = series_db
    rows = db.execute("select d.name, pv.tracked_plan_id, pv.version, pv.decided from plan_versions pv "
                      "join plans p on p.id = pv.plan_id join documents d on d.id = p.document_id "
                      "order by pv.tracked_plan_id, pv.version").fetchall()
    cvd = [r for r in rows if "cvd" in r[0]]
    assert len({r[1] for r in cvd}) == 1 and [r[2] for r in cvd] == [1, 2, 3, 4]
    assert [r[3] for r in cvd] == ["new", "auto", "auto", "auto"]
    (libraries,) = [r for r in rows if "libraries" in r[0]]
    assert libraries[1] != cvd[0][1]
    evidence = json.loads(db.execute("select evidence from plan_versions where version = 3").fetchone()[0])
    assert set(evidence) == {"title", "refs", "text", "publisher"}


def test_views_answer_on_the_series(series_db):
    db, _ = series_db
    slipped = {(r["ref"], r["earlier_deadline_text"], r["later_deadline_text"], r["days_slipped"])
               for r in db.query("select * from slipped_deadlines")}
    assert ("1.2", "December 2021", "June 2022", 181) in slipped
    assert ("2.2", "Q4 2021/22", "Q4 2022/23", 365) in slipped
    changes = {(r["ref"], r["earlier_rag"], r["later_rag"]) for r in db.query("select * from rag_changes")}
    assert ("1.1", "green", "blue") in changes and ("2.1", "amber", "red") in changes
    stalled = {r["ref"] for r in db.query("select * from stalled_items")}
    assert stalled == {"1.4", "2.1", "2.2"}
    dropped = [(r["ref"], r["last_seen"], r["owners"]) for r in db.query("select * from dropped_items order by last_seen")]
    # the completed 1.1, and the falls dashboard completed before the final report, are not dropped
    assert dropped == [("1.4", "2022-01-20", "Jo Atkinson"), ("FP3", "2024-04-17", "Home Improvement Agency")]
    history = list(db.query("select * from item_history where ref = '2.1' order by version"))
    assert [h["version"] for h in history] == [3, 4]
    # the falls plan: a slip, then the same date reprinted (no slip), then a new lead
    assert ("FP1", "March 2024", "September 2024", 183) in slipped
    assert not [s for s in slipped if s[0] == "FP1" and s[1] == "September 2024"]
    medicines = [r["owners"] for r in db.query("select owners from item_history where action like 'Review the medicines%' "
                                                "order by version")]
    assert medicines == ["Medicines Optimisation Lead"] * 2 + ["Chief Pharmacist"] * 4


def test_history_command_prints_the_timeline(series_db, tmp_path):
    result = CliRunner().invoke(cli, ["history", "atrial fibrillation", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0
    lines = [l for l in result.output.splitlines() if l.startswith("  20")]
    assert [l.split()[:3] for l in lines] == [["2021-07-14", "1.2", "amber"], ["2022-01-20", "1.2", "amber"],
                                             ["2022-09-29", "2.1", "red"], ["2023-07-12", "2.1", "amber"]]
    missing = CliRunner().invoke(cli, ["history", "no such thing", "--db", str(tmp_path / "s.db")])
    assert missing.exit_code == 1 and "no tracked item" in missing.output


def test_a_manual_unlink_survives_reingestion(series_db, tmp_path):
    db, papers = series_db
    v3, v4 = [r[0] for r in db.execute("select pv.plan_id from plan_versions pv join plans p on p.id = pv.plan_id "
                                       "join documents d on d.id = p.document_id where d.name like '2022_09_cvd%' "
                                       "or d.name like '2023_07_cvd%' order by pv.version")]
    runner = CliRunner()
    assert runner.invoke(cli, ["unlink", str(v3), str(v4), "--db", str(tmp_path / "s.db")]).exit_code == 0
    tracked = lambda: db.execute("select count(distinct tracked_plan_id) from plan_versions pv join plans p "  # noqa
                                 "on p.id = pv.plan_id join documents d on d.id = p.document_id "
                                 "where d.name like '%cvd%'").fetchone()[0]
    assert tracked() == 2
    ingest_paths(db, [papers], force=True)
    assert tracked() == 2
    v3, v4 = [r[0] for r in db.execute("select p.id from plans p join documents d on d.id = p.document_id "
                                       "where d.name like '2022_09_cvd%' or d.name like '2023_07_cvd%' order by d.name")]
    assert runner.invoke(cli, ["link", str(v3), str(v4), "--db", str(tmp_path / "s.db")]).exit_code == 0
    assert tracked() == 1


def test_matching_rules_on_their_own():
    from boardpapers.ingest.reconcile.tracking import _Item

    old = [(1, _Item(1, "1.2", "Find people with atrial fibrillation.", "Run searches in every practice.", {})),
           (2, _Item(2, "1.3", "Help smokers quit after a heart attack.", "Fund an adviser.", {}))]
    new = [_Item(3, "2.1", "Help smokers quit after a heart attack.", "Fund a specialist adviser.", {}),
           _Item(4, "2.2", "Plant more trees.", "Recruit tree wardens.", {})]
    matched, merged = match_items(new, old)
    assert {i: t for i, (t, _) in matched.items()} == {0: 2}
    assert similarity("A b c", "a B c") == 1.0 and similarity("", "x") == 0.0
    assert merged == {}


def test_role_holders_link_a_role_to_the_person(tmp_path):
    paper = tmp_path / "p.txt"
    paper.write_text("Board 3 March 2021\n\nAction\tLead\nPublish the report.\tDirector of Public Health (Rod Moore)\n")
    db = open_db(str(tmp_path / "t.db"))
    ingest_paths(db, [paper])
    held = list(db.query("select person, how, action from held_by_person where person = 'Rod Moore'"))
    assert [(h["how"], h["action"]) for h in held] == [
        ("named", "Publish the report."), ("as Director of Public Health", "Publish the report.")]
    assert db.execute("select paper_date from role_holders").fetchone() == ("2021-03-03",)


def test_series_files_are_what_the_script_writes(tmp_path):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_series", CORPUS / "build_series.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_series"] = module
    spec.loader.exec_module(module)
    for path in module.build(tmp_path):
        assert path.read_bytes() == (SERIES / path.name).read_bytes()
    assert (tmp_path / "gold.json").read_bytes() == (SERIES / "gold.json").read_bytes()


def tracking_signature(db) -> dict:
    """Tracking as content, not ids: each tracked plan's versions, each tracked item's rows."""
    plans = db.execute("""select pv.tracked_plan_id, d.name, p.position, pv.version, pv.score, pv.evidence, pv.decided
                          from plan_versions pv join plans p on p.id = pv.plan_id
                          join documents d on d.id = p.document_id order by pv.version""").fetchall()
    items = db.execute("""select u.tracked_item_id, d.name, u.ref, u.action, u.version, u.score, u.evidence
                          from progress_updates u join documents d on d.id = u.document_id
                          order by u.version, u.action_id""").fetchall()
    def grouped(rows):
        groups: dict = {}
        for key, *rest in rows:
            groups.setdefault(key, []).append(tuple(rest))
        return sorted(groups.values())
    return {"plans": grouped(plans), "items": grouped(items)}


@pytest.mark.parametrize("order", ["by date", "reversed", "mixed"])
def test_papers_added_batch_by_batch_track_as_a_full_rebuild_does(tmp_path, monkeypatch, order):
    import boardpapers.ingest.reconcile.tracking as tracking

    papers = sorted(p for p in SERIES.iterdir() if p.name != "gold.json")
    papers[2:4] = papers[3], papers[2]  # the libraries plan is dated a day before the September refresh
    papers = {"by date": papers, "reversed": papers[::-1], "mixed": papers[2:] + papers[:2]}[order]
    db = open_db(str(tmp_path / "s.db"))
    rebuilds = []
    real_rebuild = tracking.rebuild_tracking
    monkeypatch.setattr(tracking, "rebuild_tracking", lambda d: (rebuilds.append(1), real_rebuild(d)))
    for paper in papers:
        ingest_paths(db, [paper])
    monkeypatch.undo()
    if order == "by date":  # each paper comes after every tracked one: no batch rebuilds
        assert rebuilds == []
    incremental = tracking_signature(db)
    tracking.rebuild_tracking(db)
    assert incremental == tracking_signature(db)
    assert found_pairs(db) == gold_pairs()


def test_a_replaced_paper_rebuilds_all_tracking(tmp_path, monkeypatch):
    import boardpapers.ingest.reconcile.tracking as tracking

    papers = tmp_path / "series"
    shutil.copytree(SERIES, papers)
    db = open_db(str(tmp_path / "s.db"))
    ingest_paths(db, [papers])
    rebuilt = []
    monkeypatch.setattr(tracking, "rebuild_tracking", lambda d: rebuilt.append(d))
    changed = papers / "2022_01_cvd_plan_update.txt"
    changed.write_text(changed.read_text() + "\n")
    ingest_paths(db, [papers])
    assert rebuilt == [db]


def test_track_rebuild_command_recomputes_tracking(series_db, tmp_path):
    db, _ = series_db
    before = tracking_signature(db)
    db.execute("delete from progress_updates")
    db.conn.commit()
    result = CliRunner().invoke(cli, ["track", "--rebuild", "--db", db.conn.execute("pragma database_list")
                                      .fetchone()[2]])
    assert result.exit_code == 0, result.output
    assert tracking_signature(db) == before


def test_overdue_and_upcoming_hold_only_the_latest_version_of_each_plan(series_db):
    db, _ = series_db
    latest = {r[0] for r in db.execute("""select pv.plan_id from plan_versions pv join tracked_plans tp
                                          on tp.id = pv.tracked_plan_id and pv.version = tp.versions""")}
    for view in ("overdue_actions", "upcoming_deadlines", "current_actions"):
        plans = {r[0] for r in db.execute(f"select a.plan_id from {view} v join actions a on a.id = v.action_id")}
        assert plans <= latest, view
    overdue = {r[0] for r in db.execute("select action_id from overdue_actions")}
    superseded = {r[0] for r in db.execute(f"select id from actions where plan_id not in ({','.join(map(str, latest))})")}
    assert superseded and not overdue & superseded
    assert db.execute("select count(*) from current_actions").fetchone()[0] == db.execute(
        f"select count(*) from actions where plan_id in ({','.join(map(str, latest))})").fetchone()[0]


def test_as_of_a_past_date_the_version_that_stood_then_answers(series_db):
    from boardpapers.db.metadata import QUERIES

    db, _ = series_db

    def documents(query, as_of):
        return {r[1] for r in db.execute(QUERIES[query]["sql"], {"as_of": as_of}).fetchall()}
    assert documents("upcoming_as_of", "2022-03-01") == {"2022_01_cvd_plan_update.txt"}  # not the 2021 version
    assert documents("overdue_as_of", "2023-12-31") == {"2023_07_cvd_plan_final.txt", "2022_09_libraries_plan.txt",
                                                         "2023_10_falls_update.pdf"}
