"""A batch of broken, locked, mislabelled and enormous files mixed with good papers.

Every good paper must be stored, every bad one reported with the right kind,
and nothing else recorded; a batch killed half-way and run again must give
exactly the database a clean run gives.
"""
import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest

import boardpapers.ingest.pipeline
from boardpapers.db.store import open_db
from boardpapers.ingest.batch import ingest_paths
from tests.conftest import CORPUS, FIXTURES
from tests.readers import docx_bytes, pdf_with, text_page

PLAN = "Ref\tRecommendation\tAction\tLead\tDeadline\n1.1\tCut waste.\tReview contracts.\tFinance Team\tMay 2021\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def build_batch(root):
    """Write the bad inputs and some good papers; return {file name: expected kind or 'stored'}."""
    rng = random.Random(7)
    expected = {}

    def put(name, data, outcome):
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[name] = outcome

    put("empty.txt", b"", "empty_file")
    put("blank.md", b"   \n\n  ", "empty_file")
    full = pdf_with(text_page, pages=2)
    put("truncated.pdf", full[: len(full) // 3], "corrupt")
    put("locked.pdf", pdf_with(text_page, encrypt="secret"), "encrypted")
    put("scan.pdf", pdf_with(lambda c, n: c.rect(50, 50, 400, 600, fill=1)), "no_text_layer")
    put("not_a_zip.docx", bytes(rng.randrange(256) for _ in range(5000)), "unsupported_format")
    put("other_zip.docx", _zip({"readme.txt": b"hello"}), "unsupported_format")
    put("random.txt", bytes(rng.randrange(256) for _ in range(5000)), "unsupported_format")
    put("bomb.docx", _zip({"word/document.xml": b"<w:document/>" + b" " * 3_000_000}), "too_large")
    put("html_named.pdf", "<html><body><table><tr><th>Action</th><th>Lead</th></tr>"
                          "<tr><td>Fix the roof.</td><td>Estates</td></tr></table></body></html>", "stored")
    put("text_named.docx", PLAN, "stored")
    put("windows1252.txt", "Action\tLead\nReview the caf\u00e9 contract \u2013 urgently.\tFinance\n".encode("cp1252"),
        "stored")
    put("latin1.txt", "Action\tLead\nAgree the r\u00e9sum\u00e9 format.\tHR Team\n".encode("latin-1"), "stored")
    put("megabyte_cell.txt", "Action\tLead\n" + "word " * 400_000 + "\tFinance\n", "stored")
    rows = "".join(f"{i // 100 + 1}.{i % 100 + 1}\tRec {i}.\tAct {i}.\tLead Team\tMarch 2021\n" for i in range(10_000))
    put("ten_thousand_rows.txt", "Ref\tRecommendation\tAction\tLead\tDeadline\n" + rows, "stored")
    put("good.docx", docx_bytes(lambda d: _word_plan(d)), "stored")
    shutil.copy(CORPUS / "northshire_housing_plan.pdf", root / "good.pdf")
    expected["good.pdf"] = "stored"
    shutil.copy(FIXTURES / "continuation_rows.txt", root / "good.txt")
    expected["good.txt"] = "stored"
    return expected


def _word_plan(document):
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["Action", "Owner", "Mend fences.", "Parks"]):
        cell.text = text


@pytest.fixture
def batch(tmp_path, monkeypatch):
    monkeypatch.setattr(boardpapers.ingest.pipeline, "MAX_UNZIPPED_BYTES", 1_000_000)  # so a 3 MB part is a bomb
    root = tmp_path / "papers"
    root.mkdir()
    return root, build_batch(root)


def test_every_bad_input_is_reported_with_its_kind_and_the_batch_goes_on(batch, tmp_path):
    root, expected = batch
    gone = root / "gone.txt"
    gone.symlink_to(root / "nowhere.txt")
    db = open_db(str(tmp_path / "t.db"))
    outcomes = ingest_paths(db, [root, gone], workers=2, timeout=120)
    got = {os.path.basename(o.path): ("stored" if o.status == "stored" else o.error_kind) for o in outcomes}
    assert got == {**expected, "gone.txt": "unreadable"}
    errors = {os.path.basename(p): k for p, k in db.execute("select path, kind from ingest_errors")}
    assert errors == {n: k for n, k in got.items() if k != "stored"}
    assert all(o.error and o.path in o.summary() for o in outcomes if o.status == "failed")
    cafe = db.execute("select action from actions where action like 'Review the caf%'").fetchone()[0]
    assert cafe == "Review the café contract – urgently."
    assert db.execute("select count(*) from actions a join documents d on d.id = a.document_id "
                      "where d.name = 'ten_thousand_rows.txt'").fetchone() == (10_000,)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its permissions")
def test_unreadable_permissions(tmp_path):
    paper = tmp_path / "locked.txt"
    paper.write_text(PLAN)
    paper.chmod(0)
    (outcome,) = ingest_paths(open_db(str(tmp_path / "t.db")), [paper])
    assert outcome.error_kind == "unreadable"


def test_a_document_over_the_time_limit_is_stopped_and_the_rest_stored(tmp_path):
    slow = tmp_path / "slow.txt"
    rows = "".join(f"{i}\tAct {i}.\tLead Team\tMarch 2021\n" for i in range(1, 20_001))
    slow.write_text("Ref\tAction\tLead\tDeadline\n" + rows)
    good = tmp_path / "good.txt"
    good.write_text(PLAN)
    outcomes = ingest_paths(open_db(str(tmp_path / "t.db")), [slow, good], workers=1, timeout=1)
    assert [(o.status, o.error_kind) for o in outcomes] == [("failed", "timeout"), ("stored", None)]


def test_the_cli_exit_status(tmp_path):
    from click.testing import CliRunner

    from boardpapers.ingest.cli import cli

    (tmp_path / "good.txt").write_text(PLAN)
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db")]).exit_code == 0
    (tmp_path / "empty.txt").write_text("")
    assert runner.invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db")]).exit_code == 1
    assert runner.invoke(cli, ["ingest", "--db", str(tmp_path / "t.db")]).exit_code == 2


# --- interrupted batches ---------------------------------------------------------

CONTENT = {
    "documents": "select path, name, sha256, format, title, paper_date, pages, plans, items, status from documents",
    "plans": "select * from plans", "recommendations": "select * from recommendations",
    "actions": "select * from actions", "owners": "select * from owners", "owner_aliases": "select * from owner_aliases",
    "action_owners": "select * from action_owners", "cross_references": "select * from cross_references",
}


def snapshot(path) -> dict:
    """Every stored row, plan tracking included."""
    with sqlite3.connect(path) as conn:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in {**CONTENT, **TRACKING}.items()}


def _papers(root):
    """Twelve copies of the corpus, each copy's bytes its own (a paper is its content: copies
    with the same bytes would be one paper under several names)."""
    root.mkdir()
    for n in range(12):
        for source in sorted(CORPUS.glob("*.*")):
            if source.suffix in (".txt", ".md", ".html"):
                (root / f"{n:02d}_{source.name}").write_bytes(source.read_bytes() + f"\nCopy {n}.\n".encode())
            elif source.suffix == ".pdf":  # a comment after the end of the file changes its bytes, not its pages
                (root / f"{n:02d}_{source.name}").write_bytes(source.read_bytes() + f"\n%copy {n}\n".encode())
            elif source.suffix == ".docx" and n == 0:
                shutil.copy(source, root / source.name)
    return root


def _ingest(papers, db, **popen):
    command = [sys.executable, "-c", "from boardpapers.ingest.cli import main; main()", "ingest", str(papers), "--db", str(db),
               "--quiet", "--workers", "1"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)


def test_a_killed_batch_resumes_to_the_same_database(tmp_path):
    papers = _papers(tmp_path / "papers")
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _ingest(papers, clean_db).wait(timeout=600) == 0
    proc = _ingest(papers, killed_db)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(killed_db, timeout=1) as conn:
                stored = conn.execute("select count(*) from documents").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 20:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(killed_db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        partial = conn.execute("select count(*) from documents").fetchone()[0]
    assert 20 <= partial < len(list(papers.iterdir()))
    assert _ingest(papers, killed_db).wait(timeout=600) == 0
    assert snapshot(killed_db) == snapshot(clean_db)


def test_two_batches_at_once_do_not_corrupt_the_database(tmp_path):
    papers = _papers(tmp_path / "papers")
    db = tmp_path / "shared.db"
    first, second = _ingest(papers, db), _ingest(papers, db)
    assert (first.wait(timeout=600), second.wait(timeout=600)) == (0, 0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        assert conn.execute("select count(*) from documents").fetchone()[0] == len(list(papers.iterdir()))
        assert conn.execute("select journal_mode from pragma_journal_mode").fetchone() == ("wal",)


# --- the batch and its surroundings -------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_stored_and_shown_escaped(tmp_path):
    folder = os.fsencode(tmp_path / "papers")
    os.mkdir(folder)
    with open(os.path.join(folder, b"plan\xff\xfe.txt"), "wb") as handle:
        handle.write(PLAN.encode())
    (tmp_path / "papers" / "good.txt").write_text(PLAN + "\nA second paper.\n")
    db = open_db(str(tmp_path / "t.db"))
    outcomes = ingest_paths(db, [tmp_path / "papers"])
    assert [o.status for o in outcomes] == ["stored", "stored"]
    assert "plan\\xff\\xfe.txt" in outcomes[1].summary() or "plan\\xff\\xfe.txt" in outcomes[0].summary()
    names = sorted(n for (n,) in db.execute("select name from documents"))
    assert names == ["good.txt", "plan\\xff\\xfe.txt"]
    again = ingest_paths(db, [tmp_path / "papers"])
    assert [o.status for o in again] == ["unchanged", "unchanged"]


def test_names_cannot_forge_lines_or_drive_the_terminal(tmp_path):
    paper = tmp_path / "plan\nFAILED everything\x1b[2J.txt"
    paper.write_text(PLAN)
    (outcome,) = ingest_paths(open_db(str(tmp_path / "t.db")), [paper])
    line = outcome.summary()
    assert "\n" not in line and "\x1b" not in line
    assert "plan\\nFAILED everything\\x1b[2J.txt" in line


def test_links_out_of_the_folder_loops_and_dangling_links_are_skipped(tmp_path):
    root, outside = tmp_path / "papers", tmp_path / "elsewhere"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(PLAN)
    (root / "good.txt").write_text(PLAN)
    (root / "out.txt").symlink_to(outside / "secret.txt")
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    (root / "loop").symlink_to(root)
    (root / "away").symlink_to(outside)
    outcomes = {os.path.basename(o.path): o for o in ingest_paths(open_db(str(tmp_path / "t.db")), [root])}
    assert outcomes["good.txt"].status == "stored"
    for name in ("out.txt", "gone.txt", "loop", "away"):
        assert outcomes[name].status == "skipped", name
    assert "dangling" in outcomes["gone.txt"].error
    assert "loop" in outcomes["loop"].error
    assert "out of the folder" in outcomes["out.txt"].error and "out of the folder" in outcomes["away"].error
    assert "skipped" in outcomes["gone.txt"].summary()


TRACKING = {
    "tracked_plans": "select * from tracked_plans", "plan_versions": "select * from plan_versions",
    "tracked_items": "select * from tracked_items", "progress_updates": "select * from progress_updates",
}


def test_a_batch_killed_before_tracking_is_repaired_by_the_next_run(tmp_path, monkeypatch):
    import boardpapers.ingest.batch

    papers = CORPUS / "series"
    clean = open_db(str(tmp_path / "clean.db"))
    ingest_paths(clean, [papers])
    broken = open_db(str(tmp_path / "broken.db"))

    def killed(db):
        raise KeyboardInterrupt  # as if the process died between storing and tracking

    monkeypatch.setattr(boardpapers.ingest.batch, "update_tracking", killed)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(broken, [papers])
    monkeypatch.undo()
    assert broken.execute("select count(*) from tracked_plans").fetchone() == (0,)
    outcomes = ingest_paths(broken, [papers])  # every file unchanged: tracking is rebuilt all the same
    assert {o.status for o in outcomes} == {"unchanged"}
    for name, sql in {**CONTENT, **TRACKING}.items():
        assert sorted(broken.execute(sql).fetchall(), key=repr) == sorted(clean.execute(sql).fetchall(), key=repr), name
    assert broken.execute("select count(*) from state where key = 'tracking_stale'").fetchone() == (0,)


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for_workers(proc, count: int) -> list[int]:
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        children = _children(proc.pid)
        if len(children) >= count:
            return children
        time.sleep(0.1)
    raise AssertionError("the batch's workers did not start")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_no_worker_outlives_its_batch(tmp_path, how):
    papers = _papers(tmp_path / "papers")
    command = [sys.executable, "-c", "from boardpapers.ingest.cli import main; main()", "ingest", str(papers), "--db",
               str(tmp_path / "t.db"), "--quiet", "--workers", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers = _wait_for_workers(proc, 2)
    os.kill(proc.pid, how)
    code = proc.wait(timeout=60)
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a worker is still running"
    if how == signal.SIGTERM:
        assert code == 143
        assert b"stopped:" in proc.stderr.read()
    with sqlite3.connect(tmp_path / "t.db") as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
