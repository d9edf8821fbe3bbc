import csv
import io
import json

from click.testing import CliRunner

from boardpapers.ingest.cli import cli
from tests.conftest import CORPUS, FIXTURES, corpus_item_count


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for args in ([], ["ingest"], ["export"]):
        result = runner.invoke(cli, args + ["--help"])
        assert result.exit_code == 0
        assert "Example" in result.output


def test_ingest_prints_a_line_per_file_a_summary_and_a_total(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "t.db")
    result = runner.invoke(cli, ["ingest", str(FIXTURES), "--db", db])
    assert result.exit_code == 0, result.output
    papers = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".json"))
    items = sum(len(json.loads((FIXTURES / f"{p.name}.expected.json").read_text())["items"]) for p in papers)
    n = len(papers)
    lines = result.stderr.strip().splitlines()  # progress and the summary go to standard error
    assert [l.split("]")[0] for l in lines[:n]] == [f"[{k}/{n}" for k in range(1, n + 1)]
    assert all("stored" in l for l in lines[:n])
    assert lines[n].split() == ["documents", str(n), f"({n}", "stored,", "0", "unchanged)"]
    assert lines[n + 3].split()[:2] == ["items", str(items)]
    # not_a_plan.txt is read but holds no plan: one warning, named on its line
    assert result.stdout.strip() == f"{n} files: {n} stored ({items} items), 0 unchanged, 0 failed, 1 warning"
    assert any("not_a_plan.txt" in l and "warning [no_plan]" in l for l in lines[:n])
    again = runner.invoke(cli, ["ingest", str(FIXTURES), "--db", db, "--quiet"])
    assert again.output.strip().splitlines() == [f"{n} files: 0 stored (0 items), {n} unchanged, 0 failed"]


def test_a_bad_file_fails_alone_and_sets_the_exit_status(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Action\tLead\nFix the roof.\tEstates\n")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "FAILED" in result.output and "empty.txt: the file is empty" in result.output
    assert "1 stored (1 item)" in result.output


def test_export_jsonl_and_csv(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "t.db")
    runner.invoke(cli, ["ingest", str(CORPUS), "--db", db])
    out = runner.invoke(cli, ["export", "--db", db])
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert list(rows[0]) == ["document", "ref", "recommendation", "action", "owners", "deadline_text",
                             "deadline", "deadline_status", "progress", "rag", "outcome", "cross_refs",
                             "page", "paper_date", "plan"]
    assert all(isinstance(r["page"], int) for r in rows if r["document"].endswith(".pdf"))
    expected = corpus_item_count()
    assert len(rows) == expected
    target = tmp_path / "items.csv"
    runner.invoke(cli, ["export", "--db", db, "--format", "csv", "--output", str(target)])
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(table) == expected
    assert any(r["owners"] == "Jane Whitcombe; Ade Okafor" for r in table)


def _one_paper_db(tmp_path, text="Action\tLead\tDeadline\n=SUM(A1)\tEstates\t-\n"):
    paper = tmp_path / "papers" / "plan.txt"
    paper.parent.mkdir(exist_ok=True)
    paper.write_text(text)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["ingest", str(paper.parent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, paper


def test_csv_for_excel_has_a_bom_and_no_live_formulas(tmp_path):
    db, _ = _one_paper_db(tmp_path)
    target = tmp_path / "x.csv"
    CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv", "--excel", "--output", str(target)])
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    assert row["action"] == "'=SUM(A1)"
    plain = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv"]).output
    assert not plain.startswith("\ufeff") and ",=SUM(A1)," in plain


def test_export_takes_the_document_as_ingest_printed_it(tmp_path):
    db, paper = _one_paper_db(tmp_path)
    for document in (str(paper), "plan.txt"):
        out = CliRunner().invoke(cli, ["export", "--db", str(db), "--document", document]).output
        assert len(out.splitlines()) == 1, document
    assert CliRunner().invoke(cli, ["export", "--db", str(db), "--document", "other.txt"]).output == ""


def test_readers_never_write_the_database(tmp_path):
    db, _ = _one_paper_db(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("t.db*") if not p.name.endswith("-shm")}
    for args in (["export"], ["export", "--format", "csv"], ["history", "SUM"]):
        result = CliRunner().invoke(cli, args + ["--db", str(db)])
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, args
    after = {p.name: p.read_bytes() for p in tmp_path.glob("t.db*") if not p.name.endswith("-shm")}
    assert after == before


def test_failures_are_one_line_not_tracebacks(tmp_path):
    runner = CliRunner()
    paper = tmp_path / "p.txt"
    paper.write_text("Action\tLead\nFix.\tEstates\n")
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("just some notes\n" * 100)
    other = tmp_path / "other.db"
    import sqlite3
    with sqlite3.connect(other) as conn:
        conn.execute("create table birds (name text)")
    cases = {
        ("ingest", str(paper), "--db", str(tmp_path / "no" / "such" / "folder" / "t.db")): "does not exist",
        ("ingest", str(paper), "--db", str(not_sqlite)): "not a SQLite database",
        ("ingest", str(paper), "--db", str(other)): "not one boardpapers wrote",
        ("export", "--db", str(other)): "not one boardpapers wrote",
        ("export", "--db", str(not_sqlite)): "not a SQLite database",
        ("export", "--db", str(tmp_path / "missing.db")): "no such database file",
    }
    for args, said in cases.items():
        result = runner.invoke(cli, list(args))
        assert result.exit_code == 1, (args, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error:") and said in lines[0], (args, result.output)
    with sqlite3.connect(other) as conn:  # refused, not given our tables
        assert [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")] == ["birds"]


def test_an_empty_folder_says_so_and_other_files_are_listed(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and "no papers found" in result.output
    (tmp_path / "empty" / "budget.xlsx").write_bytes(b"PK")
    (tmp_path / "empty" / "photo.png").write_bytes(b"PNG")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "(.png, .xlsx): 2 files:" in result.stderr and "budget.xlsx" in result.stderr


def test_every_option_has_help(tmp_path):
    from click import Option

    for name, command in cli.commands.items():
        for param in command.params:
            if isinstance(param, Option) and param.name not in ("help",):
                assert param.help, f"{name} {param.opts}"


def test_serve_refuses_a_port_in_use(tmp_path):
    import socket

    db, _ = _one_paper_db(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1 and "--port" in result.output and len(result.output.strip().splitlines()) == 1
