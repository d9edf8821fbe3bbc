import shutil

import pytest

from boardpapers.db.schema import SCHEMA_VERSION, schema_version
from boardpapers.db.store import open_db, owner_key, write_document
from boardpapers.db.queries import iter_items
from boardpapers.ingest.batch import ingest_paths
from boardpapers.ingest.pipeline import extract_path
from tests.conftest import FIXTURES

COUNTED = ("documents", "plans", "recommendations", "actions", "owners", "action_owners", "cross_references")


def counts(db):
    return {t: db[t].count for t in COUNTED}


@pytest.fixture
def db(tmp_path):
    return open_db(str(tmp_path / "t.db"))


def test_schema_is_idempotent_and_versioned(tmp_path):
    path = str(tmp_path / "t.db")
    open_db(path)
    db = open_db(path)
    assert schema_version(db) == SCHEMA_VERSION
    assert {"documents", "actions", "owners", "action_owners", "cross_references"} <= set(db.table_names())
    assert db["actions_fts"].exists() and db["recommendations_fts"].exists()


def test_writing_twice_replaces_and_keeps_counts(db):
    result = extract_path(FIXTURES / "continuation_rows.txt")
    write_document(db, result)
    first = counts(db)
    write_document(db, result)
    assert counts(db) == first
    assert first["actions"] == 4 and first["recommendations"] == 2
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_text_beside_parsed_values_and_provenance(db):
    write_document(db, extract_path(FIXTURES / "continuation_rows.txt"))
    row = db.execute("select deadline_text, deadline_date, deadline_status, owner_text, page, table_index "
                     "from actions where action like 'Ask the carers%'").fetchone()
    assert row == ("Ongoing", None, "ongoing", "Dr Helen Ash / Omar Siddiq", 1, 0)
    honorific = db.execute("select honorific from action_owners join owners on owners.id = owner_id "
                           "where owners.name = 'Helen Ash'").fetchone()
    assert honorific == ("Dr",)


def test_cross_references_store_raw_text_and_target(db):
    write_document(db, extract_path(FIXTURES / "rated_sections.txt"))
    rows = db.execute("select raw, kind, target_ref, resolved, target_action_id is not null "
                      "from cross_references").fetchall()
    assert rows == [("see 4.1", "explicit", "4.1", 1, 1)]


def test_full_text_search(db):
    write_document(db, extract_path(FIXTURES / "paragraph_cells.txt"))
    hits = db.execute("select action from actions where id in "
                      "(select rowid from actions_fts where actions_fts match 'tablets')").fetchall()
    assert hits == [("Lend tablets to people on low incomes.",)]


def test_owner_register_is_shared_across_papers(db, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Action\tLead\nFix roof.\tDr Omar Siddiq\n")
    b.write_text("Action\tLead\nPaint walls.\tomar siddiq\n")
    ingest_paths(db, [a, b])
    assert db.execute("select count(*) from owners").fetchone() == (1,)
    assert owner_key("Andrew St. John") == owner_key("andrew st john")


def test_changed_file_replaces_its_rows_and_unchanged_is_skipped(db, tmp_path):
    paper = tmp_path / "p.txt"
    shutil.copy(FIXTURES / "continuation_rows.txt", paper)
    assert [o.status for o in ingest_paths(db, [paper])] == ["stored"]
    assert [o.status for o in ingest_paths(db, [paper])] == ["unchanged"]
    paper.write_text("Action\tLead\nOnly one action now.\tEstates\n")
    assert [o.items for o in ingest_paths(db, [paper])] == [1]
    assert db["actions"].count == 1 and db["documents"].count == 1


def test_failure_keeps_what_a_good_run_stored(db, tmp_path):
    paper = tmp_path / "p.txt"
    shutil.copy(FIXTURES / "continuation_rows.txt", paper)
    ingest_paths(db, [paper])
    paper.write_bytes(b"")
    (outcome,) = ingest_paths(db, [paper])
    assert outcome.status == "failed" and outcome.error_kind == "empty_file"
    assert db["actions"].count == 4
    status, error = db.execute("select status, error from documents").fetchone()
    assert status == "stale" and "empty" in error
    assert db.execute("select count(*) from current_actions").fetchone() == (0,)
    assert [i["stale"] for i in iter_items(db)] == [1] * 4
    shutil.copy(FIXTURES / "continuation_rows.txt", paper)  # fixed: current again
    ingest_paths(db, [paper])
    assert db.execute("select status from documents").fetchone() == ("ok",)
    assert db.execute("select count(*) from current_actions").fetchone() == (4,)


def test_items_read_back_in_export_shape(db):
    write_document(db, extract_path(FIXTURES / "continuation_rows.txt"))
    items = list(iter_items(db))
    assert items[2]["owners"] == ["Helen Ash", "Omar Siddiq"]
    assert items[0]["document"] == "continuation_rows.txt"


def test_owner_variants_become_aliases_and_initials_link_to_people(db, tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("Action\tLead\nFix roof.\tOliver Newbould\nPaint.\tPaul Miller\n")
    b.write_text("Action\tLead\nFix door.\tOli Newbould\nClean.\tPeter Miller\n")
    c.write_text("Present: Dr Priya Shah (PS)\n\nAction\tLead\nCirculate notes.\tPS\n")
    ingest_paths(db, [a, b, c])
    aliases = db.execute("select o.name, a.alias, a.rule from owner_aliases a join owners o on o.id = a.owner_id "
                         "order by a.id").fetchall()
    assert aliases == [("Oliver Newbould", "Oli Newbould", "short first name"),
                       ("Priya Shah", "PS", "initials defined in the paper")]
    names = {r[0] for r in db.execute("select name from owners")}
    assert {"Paul Miller", "Peter Miller"} <= names
    held = db.execute("select a.action from actions a join action_owners ao on ao.action_id = a.id "
                      "join owners o on o.id = ao.owner_id where o.name = 'Priya Shah'").fetchall()
    assert held == [("Circulate notes.",)]
    assert [i["owners"] for i in iter_items(db) if i["action"] == "Circulate notes."] == [["PS"]]


def test_database_from_an_earlier_version_gains_new_columns(tmp_path):
    import sqlite_utils

    path = str(tmp_path / "old.db")
    old = sqlite_utils.Database(path)
    old["owners"].create({"id": int, "key": str, "name": str, "kind": str}, pk="id")
    for table in ("documents", "plans", "actions"):
        old[table].create({"id": int}, pk="id")
    old.execute("PRAGMA user_version = 1")
    db = open_db(path)
    assert {"given_key", "surname_key"} <= set(db["owners"].columns_dict)
    assert schema_version(db) == SCHEMA_VERSION


def _open(path, start):
    start.wait()
    open_db(path)


def test_processes_opening_a_new_database_together_all_succeed(tmp_path):
    """Batches started together on a new file: the switch to WAL waits for the others
    instead of failing with "database is locked"."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for attempt in range(8):
        path = str(tmp_path / f"new{attempt}.db")
        start = context.Event()
        workers = [context.Process(target=_open, args=(path, start)) for _ in range(4)]
        for worker in workers:
            worker.start()
        start.set()
        for worker in workers:
            worker.join(60)
        assert [w.exitcode for w in workers] == [0, 0, 0, 0]


def test_one_paper_once_under_a_linked_folder_and_a_renamed_copy(tmp_path):
    """The corpus again through a symlinked folder elsewhere, plus a renamed copy of one paper:
    no document and no item more; each other path is recorded as another name."""
    from tests.conftest import CORPUS

    papers = tmp_path / "papers"
    shutil.copytree(CORPUS, papers)
    db = open_db(str(tmp_path / "c.db"))
    ingest_paths(db, [papers])
    counts = [db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "actions")]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked").symlink_to(papers, target_is_directory=True)
    renamed = tmp_path / "renamed_copy.txt"
    shutil.copy(papers / "riverford_audit_followup.txt", renamed)
    outcomes = ingest_paths(db, [elsewhere / "linked", renamed])
    assert [db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "actions")] == counts
    copy = next(o for o in outcomes if o.path == str(renamed))
    assert (copy.status, copy.same_as) == ("unchanged", str(papers / "riverford_audit_followup.txt"))
    assert db.execute("select count(*) from document_aliases").fetchone()[0] >= 2


def test_remove_forgets_a_paper_and_missing_ones(tmp_path):
    from click.testing import CliRunner

    from boardpapers.ingest.cli import cli
    from tests.conftest import CORPUS

    papers = tmp_path / "papers"
    papers.mkdir()
    for name in ("riverford_audit_followup.txt", "hartley_hwb_delivery_plan.md", "milbrook_committee_minutes.txt"):
        shutil.copy(CORPUS / name, papers / name)
    db_path = str(tmp_path / "r.db")
    ingest_paths(open_db(db_path), [papers])
    runner = CliRunner()
    result = runner.invoke(cli, ["remove", str(papers / "riverford_audit_followup.txt"), "--db", db_path])
    assert result.exit_code == 0, result.output
    (papers / "milbrook_committee_minutes.txt").unlink()
    result = runner.invoke(cli, ["remove", "--missing", "--db", db_path])
    assert result.exit_code == 0 and "1 path removed" in result.output, result.output
    db = open_db(db_path)
    assert [r[0] for r in db.execute("select name from documents")] == ["hartley_hwb_delivery_plan.md"]
    assert db.execute("select count(*) from actions where document_id not in (select id from documents)").fetchone() == (0,)
    result = runner.invoke(cli, ["remove", str(papers / "no_such.txt"), "--db", db_path])
    assert result.exit_code == 1 and "not in the database" in result.output
