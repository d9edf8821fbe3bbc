"""Every real PDF we have is read: the sweep of published public-health PDFs and the
real papers with gold.  A file may fail only for a true problem of the file (a scan
with no text layer, a password); never as our bug, a time-out or a crashed worker.

Skipped when ../shared is not beside the checkout; in CI it must be there.
"""
import time

from boardpapers.db.store import open_db
from boardpapers.ingest.batch import ingest_paths
from tests.conftest import SHARED, need_shared

FILE_PROBLEMS = {"no_text_layer", "encrypted"}


def _pdfs(folder):
    return sorted(need_shared(folder).glob("*.pdf"))


def test_every_real_pdf_is_stored_or_has_a_true_file_problem(tmp_path):
    sweep = _pdfs(SHARED / "real" / "sweep")
    real = _pdfs(SHARED / "real" / "docs")
    started = time.perf_counter()
    outcomes = ingest_paths(open_db(str(tmp_path / "sweep.db")), sweep + real, workers=2, timeout=300)
    seconds = time.perf_counter() - started
    pages = sum(o.pages for o in outcomes)
    print(f"\nsweep: {len(outcomes)} PDFs, {pages} pages stored, {seconds:.1f} s with 2 workers")
    wrong = [o.summary() for o in outcomes if o.status != "stored" and o.error_kind not in FILE_PROBLEMS
             and not o.same_as]  # a copy of another file of the sweep is that paper, stored once
    assert not wrong, "\n".join(wrong)
    rejected = [o.summary() for o in outcomes if o.status != "stored" and not o.same_as and o.path in map(str, real)]
    assert not rejected, "\n".join(rejected)
