"""Tiny hostile files: each finishes within the time limit, in under 1 GB per worker,
stored or reported, and the rest of the batch is stored.

Each file below once cost gigabytes: an HTML cell spanning 999,999,999
columns, a Word row skipping 5,000,000 grid columns, a Word file of under a
megabyte that unpacks to 250 MB of XML, and text that sent the date finder,
the role-holder pattern or the markup stripper quadratic.
"""
import io
import resource
import zipfile

from boardpapers.db.store import open_db
from boardpapers.ingest.batch import ingest_paths
from tests.readers import docx_bytes

PLAN = "Ref\tAction\tLead\tDeadline\n1.1\tReview contracts.\tFinance Team\tMay 2021\n"


def _grid_before(document):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["Action", "Owner", "Mend fences.", "Parks"]):
        cell.text = text
    tr = table.rows[1]._tr
    tr.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="5000000"/></w:trPr>'))


def _xml_bomb() -> bytes:
    """A Word file under a megabyte whose document.xml unpacks to 250 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         b"<w:body>")
            chunk = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000
            for _ in range(250 * 2**20 // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


HOSTILE = {
    "colspan.html": (b"<html><body><table><tr><td colspan=999999999>Action</td></tr>"
                     b"<tr><td>a</td></tr></table></body></html>", {"stored"}),
    "grid_before.docx": (docx_bytes(_grid_before), {"stored"}),
    "unpacks_to_250mb.docx": (_xml_bomb(), {"too_large"}),
    "underscores.txt": ("Action\tLead\tDeadline\nFill in the form " + "_" * 60_000 + "\tClerk\tMay 2021\n",
                        {"stored"}),
    "brackets.txt": ("Action\tLead\tDeadline\nNote " + "(" * 60_000 + "\tClerk\tMay 2021\n", {"stored"}),
    "capitals.txt": ("Action\tLead\nAgree it.\t" + "Director " * 20_000 + "(\n", {"stored"}),
    "angles.txt": ("Action\tLead\nAgree " + "<" * 200_000 + "\tClerk\n", {"stored"}),
}


def test_hostile_files_finish_small_and_the_batch_goes_on(tmp_path):
    root = tmp_path / "papers"
    root.mkdir()
    for name, (data, _) in HOSTILE.items():
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    (root / "zz_good.txt").write_text(PLAN)
    db = open_db(str(tmp_path / "t.db"))
    outcomes = ingest_paths(db, [root], workers=1, timeout=120)  # a file past the limit would be a timeout
    got = {o.path.rsplit("/", 1)[-1]: o.status if o.status == "stored" else o.error_kind for o in outcomes}
    for name, (_, allowed) in HOSTILE.items():
        assert got[name] in allowed, (name, got[name])
    assert got["zz_good.txt"] == "stored"
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 1024, f"a worker peaked at {peak_mb:.0f} MB"


def greedy_extract(path):
    """extract_file, after asking for more memory than the test's limit when the file is a.txt."""
    from boardpapers.ingest.pipeline import extract_file

    if path.endswith("a.txt"):
        bytearray(512 * 2**20)
    return extract_file(path)


def test_a_worker_over_its_memory_limit_reports_too_large(tmp_path, monkeypatch):
    """--max-memory: an allocation past the limit is a too_large file, not a dead batch."""
    import boardpapers.ingest.executors

    paper = tmp_path / "a.txt"
    paper.write_text(PLAN)
    good = tmp_path / "b.txt"
    good.write_text(PLAN.replace("1.1", "2.1"))

    monkeypatch.setattr(boardpapers.ingest.executors, "extract_file", greedy_extract)
    outcomes = ingest_paths(open_db(str(tmp_path / "t.db")), [paper, good], workers=1, timeout=60,
                            max_memory_mb=64)
    assert [(o.status, o.error_kind) for o in outcomes] == [("failed", "too_large"), ("stored", None)]
