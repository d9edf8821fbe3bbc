"""The `boardpapers` command: a thin shell over ingest.batch and db.queries."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from db.queries import iter_items
from db.store import open_db
from ingest.batch import ingest_paths
from ingest.export import EXPORT_COLUMNS


@click.group(help="""Turn board papers into a SQLite database of action plans.

\b
Example:
    boardpapers ingest corpus/ --db plans.db
    boardpapers export --db plans.db --format csv --output items.csv
""")
@click.version_option(package_name="boardpapers")
def cli() -> None:
    pass


@cli.command(help="""Extract the action plans in PATHs (files or folders, walked recursively) into --db.

An unchanged file (same content hash) is skipped; a changed one replaces its
earlier rows in one transaction.  Prints one line per file and a total.
Exit status: 0 when every file was stored or unchanged, 1 when any failed.

\b
Example:
    boardpapers ingest ../papers/2007 board-2008.txt --db plans.db
""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite file to write (created if missing).")
@click.option("--force", is_flag=True, help="Re-extract files even when their content is unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the total and failures.")
def ingest(paths: tuple[Path, ...], db_path: str, force: bool, quiet: bool) -> None:
    db = open_db(db_path)

    def report(outcome) -> None:
        if not quiet or outcome.status == "failed":
            click.echo(outcome.summary(), err=outcome.status == "failed")

    outcomes = ingest_paths(db, paths, force=force, on_outcome=report)
    stored = [o for o in outcomes if o.status == "stored"]
    failed = [o for o in outcomes if o.status == "failed"]
    unchanged = len(outcomes) - len(stored) - len(failed)
    items = sum(o.items for o in stored)
    click.echo(f"{len(outcomes)} files: {len(stored)} stored ({items} items), "
               f"{unchanged} unchanged, {len(failed)} failed")
    if failed:
        sys.exit(1)


@cli.command(help="""Write every stored item, one per row, in the evaluation format.

jsonl gives the keys of shared/eval/FORMAT.md; csv the same columns, with
owners and cross-references joined by "; ".

\b
Example:
    boardpapers export --db plans.db > items.jsonl
    boardpapers export --db plans.db --format csv --output items.csv
""")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="Database written by ingest.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: standard output).")
def export(db_path: str, fmt: str, output) -> None:
    db = open_db(db_path)
    rows = ({k: row[k] for k in EXPORT_COLUMNS} for row in iter_items(db))
    if fmt == "jsonl":
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(output, fieldnames=list(EXPORT_COLUMNS))
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "owners": "; ".join(row["owners"]), "cross_refs": "; ".join(row["cross_refs"])})


def main() -> None:
    cli()
