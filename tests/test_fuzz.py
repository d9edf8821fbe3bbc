"""Property tests: arbitrary input raises nothing but the documented errors, and outputs keep
their invariants."""
import datetime as dt
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpapers.extractors.interpret.dates import parse_deadline
from boardpapers.extractors.interpret.owners import split_owners
from boardpapers.extractors.find.tables import find_table_plans
from boardpapers.extractors.read.text import read_text
from boardpapers.extractors.interpret.xrefs import find_references, resolve_references
from boardpapers.ingest.errors import IngestError
from boardpapers.ingest.pipeline import extract_document
from boardpapers.schema.models import Table

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
words = st.sampled_from(["Action", "Lead", "Deadline", "Recommendation", "Progress", "RAG", "1.1", "2.3", "see",
                         "As above", "Amber", "Q3", "2019/20", "June", "Rod Moore", "/", "<p>", "</p>", "|", "-"])
cells = st.lists(st.one_of(words, st.text(max_size=12)), max_size=6).map(" ".join)
dump_lines = st.lists(st.lists(cells, min_size=1, max_size=6).map("\t".join), max_size=30).map("\n".join)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
deadline_text = st.one_of(st.text(max_size=40), st.lists(st.one_of(words, st.sampled_from(
    ["end of", "w/c", "by", "revised to", "–", "Mar-14", "31/02/2020", "FY", "H2", "winter", "30.06.19"])),
    max_size=6).map(" ".join))


@FAST
@given(st.binary(max_size=3000))
def test_pipeline_raises_only_ingest_errors_on_any_bytes(data):
    """Any bytes are read or reported as a problem of the file; never as a bug of ours."""
    try:
        extract_document(data, "x.bin")
    except IngestError as exc:
        assert exc.kind != "internal_error", exc.traceback


@FAST
@given(dump_lines)
def test_any_text_dump_is_read_without_an_internal_error(text):
    """The same over text that reaches the readers and finders (random bytes mostly stop at sniffing)."""
    try:
        extract_document(text.encode("utf-8"), "x.txt")
    except IngestError as exc:
        assert exc.kind != "internal_error", exc.traceback


@FAST
@given(dump_lines)
def test_text_dumps_read_and_find_without_error(text):
    doc = read_text(text.encode("utf-8"), "x.txt")
    for block in doc.blocks:
        if isinstance(block, Table):
            for plan in find_table_plans(block, "x.txt"):
                assert all(item.provenance.document == "x.txt" for item in plan.items)


@FAST
@given(deadline_text, dates)
def test_deadline_invariants(text, paper):
    d = parse_deadline(text, paper)
    assert d.status in ("date", "ongoing", "tba", "relative", "none")
    if d.status == "date":
        assert d.due is not None and d.start is not None and d.start <= d.due
        assert d.span is not None and 0 <= d.span[0] < d.span[1] <= len(d.text)
    else:
        assert d.due is None


@FAST
@given(st.text(alphabet=string.ascii_letters + " /,;&.()-\n", max_size=80))
def test_owner_splitting_gives_clean_names(text):
    for owner in split_owners(text):
        assert owner.name and owner.name == owner.name.strip()
        assert owner.kind in ("person", "role", "organisation", "initials")


refs = st.lists(st.one_of(st.none(), st.from_regex(r"\A[1-9]\.[1-9]\Z")), min_size=1, max_size=8)


@FAST
@given(refs, st.lists(st.text(alphabet="0123456789. seAaboviItm–-", max_size=30), min_size=8, max_size=8))
def test_references_resolve_only_to_rows_of_the_plan_and_never_to_themselves(row_refs, texts):
    found = [find_references(t) for t in texts[: len(row_refs)]]
    for own, resolved in zip(row_refs, resolve_references(found, row_refs)):
        for ref in resolved:
            if ref.resolved:
                assert ref.target_ref in row_refs
            assert ref.target_ref is None or ref.target_ref != own
