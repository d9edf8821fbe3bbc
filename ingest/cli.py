"""The `boardpapers` command: a thin shell over boardpapers.ingest.batch and boardpapers.db.queries."""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from boardpapers.db.metadata import build_metadata
from boardpapers.db.queries import iter_items
from boardpapers.db.report import gather_report, render_report
from boardpapers.db.store import DatabaseProblem, open_db, read_db, remove_documents, stored_paths
from boardpapers.ingest.batch import PAPER_SUFFIXES, DEFAULT_TIMEOUT, default_workers, ingest_paths, plural
from boardpapers.ingest.executors import DEFAULT_MAX_MEMORY_MB
from boardpapers.ingest.export import CONTEXT_COLUMNS, EXPORT_COLUMNS, excel_safe
from boardpapers.ingest.progress import choose
from boardpapers.ingest.reconcile.tracking import (
    find_tracked_items, rebuild_tracking, record_plan_link, timeline, update_tracking,
)


class _Commands(click.Group):
    """Every failure a user can act on is one line ("Error: ..."), never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatabaseProblem as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Commands, help="""Turn board papers into a SQLite database of action plans.

\b
Example:
    boardpapers ingest corpus/ --db plans.db
    boardpapers export --db plans.db --format csv --output items.csv
""")
@click.version_option(None, "-V", "--version", package_name="boardpapers", prog_name="boardpapers")
def cli() -> None:
    pass


@cli.command(help="""Extract the action plans in PATHs (files or folders, walked recursively) into --db.

An unchanged file (same content hash) is skipped; a changed one replaces its
earlier rows in one transaction.  Shows a progress bar on a terminal (a line
per file otherwise, failures only with --quiet), then a summary and a total.
Exit status: 0 when every file was stored or unchanged, 1 when any failed,
2 for a usage error.

\b
Example:
    boardpapers ingest ../papers/2007 board-2008.txt --db plans.db
""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite file to write (created if missing).")
@click.option("--force", is_flag=True, help="Re-extract files even when their content is unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the total and failures.")
@click.option("--verbose", "-v", is_flag=True,
              help="Show the traceback of every internal error (a bug of ours: please report it).")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Worker processes for extraction (default: the machine's cores; 0: in this process, no time limit).")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one document may take before its worker is stopped.")
@click.option("--max-memory", "max_memory", type=click.IntRange(min=0), default=DEFAULT_MAX_MEMORY_MB,
              show_default=True,
              help="Megabytes of memory one worker may take beyond what it starts with; a paper that needs more is reported too_large (0: no limit).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: worker processes here, or a Dask cluster.")
@click.option("--scheduler", help="With --executor dask: the scheduler's address (tcp://host:8786), or 'local'.")
def ingest(paths: tuple[Path, ...], db_path: str, force: bool, quiet: bool, verbose: bool, workers: int | None,
           timeout: float, max_memory: int, executor: str, scheduler: str | None) -> None:
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS (or 'local')")
    if executor == "dask" and importlib.util.find_spec("distributed") is None:
        raise click.ClickException("--executor dask needs Dask, which is not installed: "
                                   "pip install 'boardpapers[dask]'")
    db = open_db(db_path)
    progress = choose(quiet, sys.stderr, verbose=verbose)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    ignored: list[str] = []
    try:
        outcomes = ingest_paths(db, paths, force=force, on_outcome=progress.file_done, on_start=progress.start,
                                on_ignored=lambda skipped: ignored.append(str(skipped.path)),
                                timeout=timeout, workers=default_workers() if workers is None else workers,
                                executor=executor, scheduler=scheduler, max_memory_mb=max_memory)
    except BatchStopped:
        click.echo(f"stopped: {progress.done} of {progress.total} files were done and are stored; "
                   f"run the same command again to finish", err=True)
        sys.exit(143)
    if not quiet:
        progress.finish()
    if ignored and not quiet:
        click.echo(_ignored_line(ignored), err=True)
    if not outcomes:
        raise click.ClickException(f"no papers found in {', '.join(map(str, paths))} (boardpapers reads "
                                   f"{', '.join(sorted(set(PAPER_SUFFIXES)))})")
    counts = {status: sum(1 for o in outcomes if o.status == status)
              for status in ("stored", "unchanged", "failed", "skipped")}
    items = sum(o.items for o in outcomes if o.status == "stored")
    warnings = sum(len(o.warnings) for o in outcomes)
    click.echo(f"{plural(len(outcomes), 'file')}: {counts['stored']} stored ({plural(items, 'item')}), "
               f"{counts['unchanged']} unchanged, {counts['failed']} failed"
               + (f", {counts['skipped']} skipped" if counts["skipped"] else "")
               + (f", {plural(warnings, 'warning')}" if warnings else ""))
    if counts["failed"]:
        sys.exit(1)


def _ignored_line(paths: list[str], shown: int = 5) -> str:
    """The files a folder held that are not papers, named (the first few) so none is missed unseen."""
    kinds = sorted({Path(p).suffix or "no extension" for p in paths})
    names = ", ".join(paths[:shown]) + (f" and {len(paths) - shown} more" if len(paths) > shown else "")
    return f"not read, not a paper's file type ({', '.join(kinds)}): {plural(len(paths), 'file')}: {names}"


class BatchStopped(BaseException):
    """SIGTERM arrived: the batch stops, leaving what it stored intact (a BaseException, like
    KeyboardInterrupt, so no handler meant for a file's errors can take it for one)."""


def _stop_on_sigterm(signum, frame) -> None:
    raise BatchStopped()



@cli.command(help="""Write every stored item, one per row, in the evaluation format.

jsonl gives the keys of shared/eval/FORMAT.md, then each item's page, its
paper's date and its plan's title; csv the same columns, with owners and
cross-references joined by "; ".  Items of a stale paper (its file changed
and failed when read again) are left out unless --include-stale.  Reads the
database without writing to it.

\b
Example:
    boardpapers export --db plans.db > items.jsonl
    boardpapers export --db plans.db --format csv --excel --output items.csv
""")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Database written by ingest.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="JSON lines (one item per line) or CSV.")
@click.option("--excel", is_flag=True,
              help="With --format csv: for spreadsheets. A byte-order mark so Excel reads UTF-8, and a cell "
                   "starting with = + - or @ is prefixed with ' so it is never run as a formula.")
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: standard output).")
@click.option("--where", help="SQL condition over the items view's columns, e.g. \"deadline < '2020-01-01'\".")
@click.option("--plan", "plan_id", type=int, help="Only the plan with this id (see the plans table).")
@click.option("--document", help="Only items from this paper: its file name, or its path as ingest printed it.")
@click.option("--include-stale", is_flag=True, help="Include the earlier rows of papers that failed when read again.")
def export(db_path: str, fmt: str, excel: bool, output, where: str | None, plan_id: int | None,
           document: str | None, include_stale: bool) -> None:
    if excel and fmt != "csv":
        raise click.UsageError("--excel goes with --format csv")
    db = read_db(db_path)
    conditions, params = [] if include_stale else ["not stale"], {}
    if where:
        conditions.append(f"({where})")
    if plan_id is not None:
        conditions.append("plan_id = :plan_id")
        params["plan_id"] = plan_id
    if document:
        conditions.append("(document = :document or path = :document or path = :resolved)")
        params.update(document=document, resolved=str(Path(document).resolve()))
    try:
        found = list(iter_items(db, " and ".join(conditions) or None, params))
    except Exception as exc:  # sqlite3.OperationalError for a bad --where
        raise click.UsageError(f"--where could not be used: {exc}")
    columns = EXPORT_COLUMNS + CONTEXT_COLUMNS
    rows = ({k: row[k] for k in columns} for row in found)
    if fmt == "jsonl":
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if excel:
        output.write("\ufeff")
    writer = csv.DictWriter(output, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        row = {**row, "owners": "; ".join(row["owners"]), "cross_refs": "; ".join(row["cross_refs"])}
        writer.writerow({k: excel_safe(v) for k, v in row.items()} if excel else row)


@cli.command(help="""Browse a database in Datasette, with descriptions, facets, views and queries.

Serves the file read-only but live: pages show what a batch has written, while
it writes and after.  A file in a folder this user cannot write is served as
immutable (SQLite's readers need to share its -wal and -shm files).  Stop with
Ctrl-C, or SIGTERM.

\b
Example:
    boardpapers serve --db plans.db --port 8001
""")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Database written by ingest.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
def serve(db_path: str, host: str, port: int) -> None:
    from boardpapers.db.board import TEMPLATES  # Datasette is imported only to serve

    read_db(db_path).close()  # a boardpapers database of this version, or a one-line error
    writable = os.access(Path(db_path).resolve().parent, os.W_OK) and os.access(db_path, os.W_OK)
    _check_port_free(host, port)
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(build_metadata(db_path), indent=1), encoding="utf-8")
        click.echo(f"Serving {db_path} at http://{host}:{port}/{Path(db_path).stem}", err=True)
        command = [sys.executable, "-m", "datasette", "serve", *([db_path] if writable else ["--immutable", db_path]),
                   "--metadata", str(metadata), "--template-dir", str(TEMPLATES), "--host", host, "--port", str(port),
                   "--setting", "default_page_size", "50"]
        child = subprocess.Popen(command)

        def stop(signum, frame) -> None:  # SIGTERM: stop Datasette, then leave (the temporary folder goes)
            child.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            code = child.wait()
        except KeyboardInterrupt:
            child.terminate()
            code = child.wait()
    sys.exit(0 if code in (0, -signal.SIGTERM) else code)


def _check_port_free(host: str, port: int) -> None:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror}); "
                                       f"is another server there? Choose another with --port")


@cli.command(help="""Write a report to print for a meeting: where the action plans stood on a date.

Overdue actions by owner, what falls due in the following three months,
ratings over time for each tracked plan and slipped deadlines, each chart
beside its table, with the papers it draws on.  Plans stand as their latest
paper dated on or before --as-of had them.  One HTML file, no scripts; --pdf
also prints it to PDF with headless Chromium.  Reads the database only.

\b
Example:
    boardpapers report --db plans.db --output report.html
    boardpapers report --db plans.db --as-of 2024-03-31 --plan "cardiovascular" --output q4.html --pdf q4.pdf
""")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Database written by ingest.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The date to report on, YYYY-MM-DD (default: today).")
@click.option("--plan", "plans", multiple=True,
              help="Only this plan (an id from the plans table, or words of its title), with all its versions; "
                   "repeat for more.")
@click.option("--output", required=True, type=click.Path(dir_okay=False, writable=True), help="HTML file to write.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False, writable=True),
              help="Also print the report to this PDF (needs chromium or google-chrome).")
def report(db_path: str, as_of, plans: tuple[str, ...], output: str, pdf_path: str | None) -> None:
    db = read_db(db_path)
    day = as_of.date() if as_of else dt.date.today()
    try:
        gathered = gather_report(db, day, list(plans))
    except ValueError as exc:
        raise click.UsageError(str(exc))
    Path(output).write_text(render_report(gathered), encoding="utf-8")
    click.echo(f"report as of {day}: {plural(gathered.counts['overdue'], 'overdue action')}, "
               f"{gathered.counts['due_next']} due by {gathered.due_until}, written to {output}")
    if pdf_path:
        print_to_pdf(Path(output), Path(pdf_path))
        click.echo(f"printed to {pdf_path}")


def print_to_pdf(html: Path, pdf: Path) -> None:
    """Print an HTML file to PDF with a headless Chromium (its own print engine, so the PDF looks as the page does)."""
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        raise click.ClickException("--pdf needs Chromium (apt-get install chromium) or Google Chrome on the PATH")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               f"--user-data-dir={profile}", "--no-pdf-header-footer",
                               f"--print-to-pdf={pdf.resolve()}", html.resolve().as_uri()],
                              capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not pdf.exists():
        raise click.ClickException(f"{browser} could not print the report: {done.stderr.strip()[-300:]}")


@cli.command(help="""Bring a database written by an earlier boardpapers up to this version's tables and views.

\b
Example:
    boardpapers upgrade --db plans.db
""")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The boardpapers database.")
def upgrade(db_path: str) -> None:
    open_db(db_path).close()
    click.echo(f"{db_path}: up to date")


@cli.command(help="""Print the Datasette metadata for a database as JSON.

\b
Example:
    boardpapers metadata --db plans.db > metadata.json && datasette -i plans.db -m metadata.json
""")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Database written by ingest.")
def metadata(db_path: str) -> None:
    click.echo(json.dumps(build_metadata(db_path), indent=1))


@cli.command(help="""Print the history of a tracked item: every paper's date, rating, deadline and progress.

REF_OR_TEXT is a row's ref in any version ("2.1") or words from its text.

\b
Example:
    boardpapers history "atrial fibrillation" --db plans.db
""")
@click.argument("ref_or_text")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Database written by ingest.")
def history(ref_or_text: str, db_path: str) -> None:
    db = read_db(db_path)
    found = find_tracked_items(db, ref_or_text)
    if not found:
        raise click.ClickException(f"no tracked item has the ref or text {ref_or_text!r}")
    for tracked_id in found:
        rows = timeline(db, tracked_id)
        click.echo(f"Tracked item {tracked_id}: {rows[-1]['action'] or rows[-1]['recommendation']}")
        click.echo(f"  in {rows[-1]['tracked_plan']!r}, seen in {len(rows)} of its versions")
        click.echo(f"  {'paper date':<11} {'ref':<6} {'rag':<6} {'deadline':<32} progress")
        for row in rows:
            deadline = row["deadline_text"] or ""
            if row["deadline"]:
                deadline += f" ({row['deadline']})"
            click.echo(f"  {row['paper_date'] or '?':<11} {row['ref'] or '':<6} {row['rag'] or '':<6} "
                       f"{deadline[:32]:<32} {row['progress'] or ''}")
        click.echo("")


@cli.command(help="""Record that two plans are versions of one plan, whatever their scores say.

PLAN_A and PLAN_B are ids from the plans table.  The choice survives re-ingestion.

\b
Example:
    boardpapers link 3 7 --db plans.db
""")
@click.argument("plan_a", type=int)
@click.argument("plan_b", type=int)
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The boardpapers database.")
def link(plan_a: int, plan_b: int, db_path: str) -> None:
    _plan_link(db_path, plan_a, plan_b, "link")


@cli.command(help="""Record that two plans are not versions of one plan, whatever their scores say.

\b
Example:
    boardpapers unlink 3 7 --db plans.db
""")
@click.argument("plan_a", type=int)
@click.argument("plan_b", type=int)
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The boardpapers database.")
def unlink(plan_a: int, plan_b: int, db_path: str) -> None:
    _plan_link(db_path, plan_a, plan_b, "unlink")


@cli.command(help="""Decide again which plans are versions of one plan, from every stored paper.

Each batch updates only the tracked plans its new papers could join; this
recomputes all of them (a repair, or after changing the thresholds).

\b
Example:
    boardpapers track --rebuild --db plans.db
""")
@click.option("--rebuild", is_flag=True, required=True, help="Recompute all plan tracking (required: the only action).")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The boardpapers database.")
def track(rebuild: bool, db_path: str) -> None:
    db = open_db(db_path)
    rebuild_tracking(db)
    plans = db.execute("select count(*) from tracked_plans").fetchone()[0]
    items = db.execute("select count(*) from tracked_items").fetchone()[0]
    click.echo(f"tracking rebuilt: {plural(plans, 'tracked plan')}, {plural(items, 'tracked item')}")


@cli.command(help="""Forget papers: their documents, plans, items and everything that hangs off them.

Give the paths as ingest printed them, or --missing for every stored path whose
file is no longer on disk.  A path that was only another name of a paper (the
same bytes met elsewhere) loses just that name.  Plan tracking is then rebuilt.

\b
Example:
    boardpapers remove papers/2019/old_copy.pdf --db plans.db
    boardpapers remove --missing --db plans.db
""")
@click.argument("paths", nargs=-1)
@click.option("--missing", is_flag=True, help="Remove every stored path whose file no longer exists.")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The boardpapers database.")
def remove(paths: tuple[str, ...], missing: bool, db_path: str) -> None:
    if not paths and not missing:
        raise click.UsageError("name the paths to remove, or give --missing")
    db = open_db(db_path)
    wanted = list(paths) + ([p for p in stored_paths(db) if not Path(p).exists()] if missing else [])
    removed = remove_documents(db, wanted)
    unknown = [p for p in paths if p not in removed]
    update_tracking(db)
    for path in removed:
        click.echo(f"removed {path}")
    click.echo(f"{plural(len(removed), 'path')} removed")
    if unknown:
        raise click.ClickException(f"not in the database: {', '.join(unknown)}")


def _plan_link(db_path: str, plan_a: int, plan_b: int, decision: str) -> None:
    try:
        record_plan_link(open_db(db_path), plan_a, plan_b, decision)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"plans {plan_a} and {plan_b}: {decision}ed; tracking rebuilt")


def main() -> None:
    cli()
