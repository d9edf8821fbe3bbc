"""Benchmark: boardpapers end to end against the floor and the naive pass, measured in one run.

    python benchmarks/run.py --papers 200 --pages 20 --workers 2

Generates the papers (benchmarks/make_papers.py, from a seed), then on the
same files measures:
  floor     pypdfium2 plain text of every PDF page (the practical floor);
  naive     pdfplumber extract_text + extract_tables on every PDF page, pages closed;
  1 worker  boardpapers ingest end to end (extract + store), one worker process;
  N workers the same with N worker processes;
and prints pages/s, items/s, peak RSS per worker, the share of time spent
writing the database, and the ratios.  A 300-page paper is ingested on its own
to show a worker's memory does not grow with the paper's length.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def floor(pdfs: list[Path]) -> tuple[float, int]:
    import pypdfium2

    started, pages = time.perf_counter(), 0
    for path in pdfs:
        pdf = pypdfium2.PdfDocument(str(path))
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return time.perf_counter() - started, pages


def naive(pdfs: list[Path]) -> tuple[float, int]:
    import pdfplumber

    started, pages = time.perf_counter(), 0
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                page.close()
                pages += 1
    return time.perf_counter() - started, pages


def ingest_phase(folder: str, db: str, workers: int) -> dict:
    """Run in a child process of its own, so its workers' peak RSS is measured alone."""
    from boardpapers.db.store import open_db
    from boardpapers.ingest.batch import ingest_paths

    started = time.perf_counter()
    outcomes = ingest_paths(open_db(db), [Path(folder)], workers=workers)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds, "pages": sum(o.pages for o in outcomes), "items": sum(o.items for o in outcomes),
        "failed": sum(o.status == "failed" for o in outcomes), "write_seconds": sum(o.write_seconds for o in outcomes),
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "writer_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_ingest(folder: Path, workers: int, tmp: Path) -> dict:
    db = tmp / f"bench_{workers}_{time.time_ns()}.db"
    out = subprocess.run([sys.executable, __file__, "--phase", "ingest", "--folder", str(folder), "--db", str(db),
                          "--workers", str(workers)], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=200)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--long-pages", type=int, default=300)
    parser.add_argument("--phase", choices=["all", "ingest"], default="all")
    parser.add_argument("--folder")
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.phase == "ingest":
        print(json.dumps(ingest_phase(args.folder, args.db, args.workers)))
        return

    from benchmarks.make_papers import long_pdf, make_batch

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        papers = make_batch(tmp / "papers", args.papers, args.pages)
        pdfs = [p for p in papers if p.suffix == ".pdf"]
        floor_s, pdf_pages = floor(pdfs)
        naive_s, _ = naive(pdfs)
        one = run_ingest(tmp / "papers", 1, tmp)
        many = run_ingest(tmp / "papers", args.workers, tmp)
        (tmp / "long").mkdir()
        (tmp / "long" / "long.pdf").write_bytes(long_pdf(args.long_pages, plan_every=4))
        long_run = run_ingest(tmp / "long", 1, tmp)

    def row(name, seconds, pages, items="", rss=""):
        rate = f"{pages / seconds:8.1f}" if pages else ""
        item_rate = f"{items / seconds:8.1f}" if items != "" else ""
        return (f"{name:<28} {seconds:9.1f} {1000 * seconds / max(pages, 1):9.2f} {rate:>9} {item_rate:>9} "
                f"{rss:>10} {seconds / naive_s:8.2f} {seconds / floor_s:9.1f}")

    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"{len(__import__('os').sched_getaffinity(0))} cores, Python {platform.python_version()}")
    print(f"papers: {args.papers} ({len(pdfs)} PDF of {args.pages} pages, {args.papers - len(pdfs)} Word); "
          f"PDF pages: {pdf_pages}; pages read end to end: {one['pages']}")
    print(f"{'pass':<28} {'seconds':>9} {'ms/page':>9} {'pages/s':>9} {'items/s':>9} {'RSS/worker':>10} "
          f"{'x naive':>8} {'x floor':>9}")
    print(row("floor: pypdfium2 text", floor_s, pdf_pages))
    print(row("naive: pdfplumber text+tables", naive_s, pdf_pages))
    print(row("boardpapers, 1 worker", one["seconds"], one["pages"], one["items"], f"{one['worker_peak_mb']:.0f} MB"))
    print(row(f"boardpapers, {args.workers} workers", many["seconds"], many["pages"], many["items"],
              f"{many['worker_peak_mb']:.0f} MB"))
    print(f"speed-up with {args.workers} workers: {one['seconds'] / many['seconds']:.2f}x; "
          f"database writes: {100 * one['write_seconds'] / one['seconds']:.1f}% of the 1-worker time "
          f"({one['write_seconds']:.1f} s); items: {one['items']} (1 worker) / {many['items']} ({args.workers}); "
          f"failed: {one['failed']}")
    print(f"long paper: {long_run['pages']} pages in {long_run['seconds']:.1f} s, "
          f"worker peak RSS {long_run['worker_peak_mb']:.0f} MB, writer {long_run['writer_peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
