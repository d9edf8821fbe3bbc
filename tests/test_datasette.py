"""The database through Datasette's own test client: pages, views, facets and canned queries."""
import asyncio
import json

import pytest

from boardpapers.db.metadata import build_metadata
from boardpapers.db.store import open_db, write_document
from boardpapers.ingest.pipeline import extract_document

PAPER = """Riverdale Council

Audit Committee 10 March 2021

Ref\tRecommendation\tAction\tLead\tDeadline\tProgress\tRAG
1.1\tTighten payroll checks.\tReconcile payroll monthly.\tPayroll Manager\tJanuary 2021\tStarted in February.\tAmber
1.2\tReview supplier bank changes.\tCall back every supplier that asks for a change (see 1.1).\tFinance Director\tJune 2021\t\tGreen
1.3\tTrain budget holders.\tRun two workshops.\tPayroll Manager\tDecember 2020\tComplete\tBlue
1.4\tPublish the fraud policy.\tSee item 9.9 for the policy owner.\tMonitoring Officer\tTBC\t\tRed
"""


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    from datasette.app import Datasette

    path = tmp_path_factory.mktemp("ds") / "plans.db"
    db = open_db(str(path))
    write_document(db, extract_document(PAPER.encode(), "riverdale.txt"))
    db.close()
    return Datasette([str(path)], immutables=[], metadata=build_metadata(path))


def get_json(ds, path):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def test_index_and_table_pages_render(datasette):
    for path in ("/", "/plans", "/plans/actions", "/plans/items", "/plans/owners", "/plans/overdue_actions"):
        response = asyncio.run(datasette.client.get(path))
        assert response.status_code == 200, path
    assert "boardpapers" in asyncio.run(datasette.client.get("/")).text


def test_items_view_has_the_export_columns(datasette):
    rows = get_json(datasette, "/plans/items.json?_shape=array")
    assert [r["ref"] for r in rows] == ["1.1", "1.2", "1.3", "1.4"]
    assert rows[1]["cross_refs"] == "1.1" and rows[0]["owners"] == '["Payroll Manager"]'  # a JSON array
    assert rows[0]["page"] == 1 and rows[0]["document"] == "riverdale.txt"


def test_overdue_is_as_of_today_or_any_date_asked_and_skips_completed(datasette):
    import datetime as dt

    rows = get_json(datasette, "/plans/overdue_actions.json?_shape=array")
    today = dt.date.today()
    assert [(r["ref"], r["days_overdue"]) for r in rows] == [
        (r["ref"], (today - dt.date.fromisoformat(r["deadline"])).days) for r in rows]
    assert [r["ref"] for r in rows] == ["1.1", "1.2"]  # both past by now; 1.3 is complete
    paper_date = get_json(datasette, "/plans/documents.json?_shape=array")[0]["paper_date"]
    then = get_json(datasette, f"/plans/overdue_as_of.json?_shape=array&as_of={paper_date}")
    assert [(r["ref"], r["days_overdue"]) for r in then] == [("1.1", 38)]
    upcoming_then = get_json(datasette, f"/plans/upcoming_as_of.json?_shape=array&as_of={paper_date}")
    assert [r["ref"] for r in upcoming_then] == ["1.2"]


def test_upcoming_and_dangling_and_rag_summary(datasette):
    assert get_json(datasette, "/plans/upcoming_deadlines.json?_shape=array") == []  # as of today, all past
    dangling = get_json(datasette, "/plans/dangling_references.json?_shape=array")
    assert [(r["from_ref"], r["target_ref"]) for r in dangling] == [("1.4", "9.9")]
    summary = {r["rag"]: r["actions"] for r in get_json(datasette, "/plans/rag_summary.json?_shape=array")}
    assert summary == {"amber": 1, "blue": 1, "green": 1, "red": 1}


def test_actions_by_owner_and_its_facet(datasette):
    data = get_json(datasette, "/plans/actions_by_owner.json?owner=Payroll+Manager")
    assert len(data["rows"]) == 2
    facets = get_json(datasette, "/plans/actions.json?_facet=rag")["facet_results"]
    assert {f["value"] for f in facets["rag"]["results"]} == {"amber", "green", "blue", "red"}


def test_canned_queries_take_their_parameters(datasette):
    overdue = get_json(datasette, "/plans/overdue_as_of.json?as_of=2021-07-01&_shape=array")
    assert [r["ref"] for r in overdue] == ["1.1", "1.2"]
    held = get_json(datasette, "/plans/owner_actions.json?owner=payroll&_shape=array")
    assert sorted(r["ref"] for r in held) == ["1.1", "1.3"]
    found = get_json(datasette, "/plans/search.json?q=supplier&_shape=array")
    assert [r["ref"] for r in found] == ["1.2"]


def test_full_text_search_on_the_actions_table(datasette):
    rows = get_json(datasette, "/plans/actions.json?_search=workshops&_shape=array")
    assert [r["ref"] for r in rows] == ["1.3"]


def test_every_table_view_and_column_is_described(datasette):
    meta = build_metadata("plans.db")["databases"]["plans"]["tables"]
    db = open_db(str(datasette.databases["plans"].path))
    for name in db.table_names() + db.view_names():
        if name.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            continue
        assert meta.get(name, {}).get("description"), name
        if name in db.table_names():
            undocumented = set(db[name].columns_dict) - set(meta[name]["columns"]) - {"id"}
            assert not undocumented, (name, undocumented)
    json.dumps(meta)


def test_the_items_view_facets_count_people_not_joined_strings(datasette):
    facets = get_json(datasette, "/plans/items.json?_facet_array=owners")["facet_results"]
    counts = {r["value"]: r["count"] for r in facets["owners"]["results"]}
    assert counts == {"Payroll Manager": 2, "Finance Director": 1, "Monitoring Officer": 1}
