"""The database through Datasette's own test client: pages, views, facets and canned queries."""
import asyncio
import json
import urllib.parse

import pytest

from boardpapers.db.board import TEMPLATES
from boardpapers.db.metadata import QUESTIONS, build_metadata
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
    return Datasette([str(path)], immutables=[], metadata=build_metadata(path), template_dir=str(TEMPLATES))


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


def get_html(ds, path):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.text[:500])
    return response.text


def test_the_front_page_leads_with_the_questions_and_a_search_box(datasette):
    page = get_html(datasette, "/")
    positions = [page.index(f'href="/plans/{view}"') for view, _ in QUESTIONS]
    assert positions == sorted(positions) and positions[-1] < page.index("All tables and views")
    assert page.index("All tables and views") < page.index('href="/plans"')  # the tables come after
    assert 'action="/plans/search"' in page and 'href="/-/dashboards/board"' in page
    found = get_html(datasette, "/plans/search?q=supplier")
    assert "Call back every supplier" in found and "Reconcile payroll monthly" not in found
    assert get_html(datasette, "/plans/search?q=see%201.1")  # punctuation is not FTS syntax here


def test_an_action_page_shows_what_it_answers_who_owns_it_and_what_it_cites(datasette):
    ids = {r["ref"]: r["id"] for r in get_json(datasette, "/plans/actions.json?_shape=array")}
    owner = get_json(datasette, "/plans/owners.json?_shape=array&name=Finance+Director")[0]["id"]
    page = get_html(datasette, f"/plans/actions/{ids['1.2']}")
    assert "Review supplier bank changes." in page and "riverdale.txt</a>, page 1" in page
    assert f'href="/plans/owners/{owner}">Finance Director</a>' in page
    assert f'href="/plans/actions/{ids["1.1"]}">1.1</a>' in page  # the cross-reference, linked
    cited = get_html(datasette, f"/plans/actions/{ids['1.1']}")
    assert "Referred to by" in cited and f'href="/plans/actions/{ids["1.2"]}">1.2</a>' in cited
    assert "not found in this plan" in get_html(datasette, f"/plans/actions/{ids['1.4']}")  # "item 9.9" dangles


def test_ratings_are_coloured_badges_wherever_they_appear(datasette):
    page = get_html(datasette, "/plans/items")
    assert page.count('class="rag rag-') == 4
    assert 'class="rag rag-amber"' in page and "background:#" in page
    assert 'class="rag rag-' not in get_html(datasette, "/plans/documents")


def test_the_dashboard_is_configured_for_this_database(datasette):
    page = get_html(datasette, "/-/dashboards/board")
    for title in ("Ratings by plan", "Overdue and completed, by owner", "Slipped deadlines", "Items per paper"):
        assert title in page
    for chart in ("ratings-by-plan", "owners", "slippage", "items-per-paper", "overdue-count"):
        response = asyncio.run(datasette.client.get(f"/-/dashboards/board/{chart}"))
        assert response.status_code == 200, chart
    query = build_metadata("plans.db")["plugins"]["datasette-dashboards"]["board"]["charts"]["ratings-by-plan"]["query"]
    rated = get_json(datasette, "/plans.json?_shape=array&sql=" + urllib.parse.quote(query))
    assert sorted(r["rating"] for r in rated) == ["amber", "blue", "green", "red"]
