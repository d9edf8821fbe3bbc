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
                             "deadline", "deadline_status", "progress", "rag", "outcome", "cross_refs"]
    expected = corpus_item_count()
    assert len(rows) == expected
    target = tmp_path / "items.csv"
    runner.invoke(cli, ["export", "--db", db, "--format", "csv", "--output", str(target)])
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(table) == expected
    assert any(r["owners"] == "Jane Whitcombe; Ade Okafor" for r in table)
