"""Benchmark on real published papers: boardpapers against the floor and the naive pass, in one run.

    python -m benchmarks.real [--workers 2] [--dask] [--folder DIR ...]

By default reads the PDFs of ../shared/real/sweep and ../shared/real/docs
(skipped, with a message, where ../shared is absent).  On the same files it
measures:
  floor     pypdfium2 plain text of every page (the practical floor);
  naive     pdfplumber extract_text + extract_tables on every page, pages closed;
  1 worker  boardpapers ingest end to end (read, find, interpret, store), one worker process;
  N workers the same with N worker processes;
  dask      (with --dask) the same through a LocalCluster of N single-threaded workers;
and prints seconds, ms/page, the share of pages the screen sent to the full
table reader, peak RSS per worker, and the ratios.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import floor, naive  # noqa: E402

SHARED_REAL = ROOT.parent / "shared" / "real"
DEFAULT_FOLDERS = [SHARED_REAL / "sweep", SHARED_REAL / "docs"]


def ingest_phase(folder: str, db: str, workers: int, executor: str) -> dict:
    """Run in a child process of its own, so its workers' peak RSS is measured alone."""
    from boardpapers.db.store import open_db
    from boardpapers.ingest.batch import ingest_paths

    started = time.perf_counter()
    outcomes = ingest_paths(open_db(db), [Path(folder)], workers=workers, executor=executor)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds, "pages": sum(o.pages for o in outcomes),
        "full": sum(o.pages_read_fully for o in outcomes), "items": sum(o.items for o in outcomes),
        "failed": sum(o.status == "failed" for o in outcomes), "files": len(outcomes),
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "writer_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_ingest(folder: Path, workers: int, tmp: Path, executor: str = "local") -> dict:
    db = tmp / f"bench_{executor}_{workers}_{time.time_ns()}.db"
    out = subprocess.run([sys.executable, "-m", "benchmarks.real", "--phase", "ingest", "--into", str(folder),
                          "--db", str(db), "--workers", str(workers), "--executor", executor],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def gather(folders: list[Path], into: Path) -> list[Path]:
    """The PDFs of the folders, linked into one folder so every pass reads the same files."""
    into.mkdir()
    pdfs = []
    for folder in folders:
        for path in sorted(folder.glob("*.pdf")):
            target = into / f"{folder.name}__{path.name}"
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
            pdfs.append(target)
    return pdfs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", action="append", type=Path, help="a folder of PDFs (repeatable); "
                        "default: ../shared/real/sweep and ../shared/real/docs")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel pass (default 2)")
    parser.add_argument("--dask", action="store_true", help="also time a Dask LocalCluster with the same workers")
    parser.add_argument("--phase", choices=["all", "ingest"], default="all", help=argparse.SUPPRESS)
    parser.add_argument("--into", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--executor", default="local", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "ingest":
        print(json.dumps(ingest_phase(args.into, args.db, args.workers, args.executor)))
        return
    folders = args.folder or DEFAULT_FOLDERS
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(f"skipped: no folder {', '.join(missing)} (the real papers live in ../shared beside the checkout)")
        return

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pdfs = gather(folders, tmp / "papers")
        floor_s, pages = floor(pdfs)
        naive_s, _ = naive(pdfs)
        runs = [("boardpapers, 1 worker", run_ingest(tmp / "papers", 1, tmp)),
                (f"boardpapers, {args.workers} workers", run_ingest(tmp / "papers", args.workers, tmp))]
        if args.dask:
            os.environ.setdefault("DASK_DISTRIBUTED__WORKER__DAEMON", "False")
            runs.append((f"boardpapers, dask ({args.workers} workers)",
                         run_ingest(tmp / "papers", args.workers, tmp, executor="dask")))

    def row(name: str, seconds: float, rss: str = "", full: str = "") -> str:
        return (f"{name:<36} {seconds:8.1f} {1000 * seconds / max(pages, 1):8.1f} {full:>7} {rss:>11} "
                f"{seconds / naive_s:8.2f} {seconds / floor_s:8.1f}")

    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"{len(os.sched_getaffinity(0))} cores, Python {platform.python_version()}")
    print(f"files: {len(pdfs)} PDFs, {pages} pages, from {', '.join(str(f) for f in folders)}")
    print(f"{'pass':<36} {'seconds':>8} {'ms/page':>8} {'full %':>7} {'RSS/worker':>11} {'x naive':>8} "
          f"{'x floor':>8}")
    print(row("floor: pypdfium2 text", floor_s))
    print(row("naive: pdfplumber text+tables", naive_s))
    for name, run in runs:
        print(row(name, run["seconds"], f"{run['worker_peak_mb']:.0f} MB",
                  f"{100 * run['full'] / max(run['pages'], 1):.0f}%"))
    one = runs[0][1]
    for name, run in runs[1:]:
        print(f"{name}: {one['seconds'] / run['seconds']:.2f}x the 1-worker speed; "
              f"{run['items']} items, {run['failed']} failed of {run['files']} files")
    print(f"1 worker: {one['items']} items, {one['failed']} failed of {one['files']} files; "
          f"writer peak RSS {one['writer_peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
