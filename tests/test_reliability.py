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

import ingest.pipeline
from db.store import open_db
from ingest.batch import ingest_paths
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
    monkeypatch.setattr(ingest.pipeline, "MAX_UNZIPPED_BYTES", 1_000_000)  # so a 3 MB part is a bomb
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

    from ingest.cli import cli

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
    with sqlite3.connect(path) as conn:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in CONTENT.items()}


def _papers(root):
    root.mkdir()
    for n in range(12):
        for source in sorted(CORPUS.glob("*.*")):
            if source.suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
                shutil.copy(source, root / f"{n:02d}_{source.name}")
    return root


def _ingest(papers, db, **popen):
    command = [sys.executable, "-c", "from ingest.cli import main; main()", "ingest", str(papers), "--db", str(db),
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
