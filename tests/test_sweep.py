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
    items = sum(o.items for o in outcomes if o.path in map(str, sweep))
    sweep_pages = sum(o.pages for o in outcomes if o.path in map(str, sweep))
    assert items <= MAX_ITEMS_PER_PAGE * sweep_pages, f"{items} items in {sweep_pages} pages of reports"


# Published reports, strategies and surveys hold very few plans: what boardpapers finds in them is
# mostly narrative taken for rows.  The bound is about ten times what it finds today.
MAX_ITEMS_PER_PAGE = 0.05


def test_the_sweep_as_text_dumps_stays_near_silent(tmp_path):
    """The same reports as plain text (every line a paragraph, no tables): the text finders
    (labelled records, minutes, delimited and single-space rows) must not read narrative as rows."""
    import pypdfium2

    pages = 0
    for pdf_path in _pdfs(SHARED / "real" / "sweep"):
        pdf = pypdfium2.PdfDocument(str(pdf_path))
        try:
            texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        finally:
            pdf.close()
        if any(t.strip() for t in texts):
            (tmp_path / f"{pdf_path.stem}.txt").write_text("\n".join(texts), encoding="utf-8")
            pages += len(texts)
    outcomes = ingest_paths(open_db(str(tmp_path / "text.db")), sorted(tmp_path.glob("*.txt")), workers=2,
                            timeout=300)
    found = {o.path: o.items for o in outcomes if o.items}
    print(f"\nsweep as text: {sum(found.values())} items from {pages} pages: {found}")
    assert sum(found.values()) <= MAX_ITEMS_PER_PAGE * pages
