"""The printed report: the right rows as of a date, drawn and tabled, safe to open offline."""
import datetime as dt
import re

import pytest

from boardpapers.db.report import gather_report, render_report, three_months_on
from boardpapers.db.store import open_db
from boardpapers.ingest.batch import ingest_paths
from tests.conftest import CORPUS

SERIES = CORPUS / "series"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = open_db(str(tmp_path_factory.mktemp("report") / "r.db"))
    ingest_paths(db, [SERIES])
    return db


def test_the_quarter_after_a_date_ends_on_a_real_day():
    pairs = {"2024-12-31": "2025-03-31", "2024-11-30": "2025-02-28", "2024-06-15": "2024-09-15"}
    for day, end in pairs.items():
        assert three_months_on(dt.date.fromisoformat(day)).isoformat() == end


def test_each_plan_stands_as_its_latest_paper_on_the_date(db):
    for as_of, paper in (("2022-08-01", "2022_01_cvd_plan_update.txt"), ("2024-12-31", "2023_07_cvd_plan_final.txt")):
        report = gather_report(db, dt.date.fromisoformat(as_of), ["cardiovascular"])
        assert report.overdue, as_of
        assert {a["document"] for a in report.overdue} == {paper}
        assert all(a["deadline_date"] < as_of and a["days_overdue"] > 0 for a in report.overdue)
        assert all(p["paper_date"] <= as_of for p in report.papers)


def test_complete_items_are_never_overdue_and_due_next_is_inside_the_quarter(db):
    as_of = dt.date(2022, 3, 1)
    report = gather_report(db, as_of)
    done = {r[0] for r in db.execute("select id from actions where completed = 1")}
    assert done and not done & {a["id"] for a in report.overdue + report.due_next}
    assert all(as_of.isoformat() <= a["deadline_date"] <= report.due_until.isoformat() for a in report.due_next)
    # by owner: every overdue action sits under each of its owners
    for action in report.overdue:
        holders = [owner for owner, held in report.overdue_by_owner if action in held]
        assert sorted(holders) == sorted(action["owners"] or ["(no owner named)"])


def test_ratings_over_time_and_slips_stop_at_the_date(db):
    early, late = (gather_report(db, dt.date.fromisoformat(d), ["cardiovascular"]) for d in ("2022-03-01", "2024-12-31"))
    (plan_early,), (plan_late,) = early.ratings, late.ratings
    assert len(plan_early["versions"]) == 2 and len(plan_late["versions"]) == 4
    assert len(late.slipped) > len(early.slipped) >= 1
    assert all(s["later_paper"] <= "2022-03-01" for s in early.slipped)
    assert all(s["days_slipped"] > 0 for s in late.slipped)


def test_an_unknown_plan_is_a_usage_error_not_an_empty_report(db):
    with pytest.raises(ValueError, match="no plan"):
        gather_report(db, dt.date(2024, 1, 1), ["no such plan anywhere"])


def test_the_page_has_every_section_each_chart_with_its_table_and_no_script(db, tmp_path):
    report = gather_report(db, dt.date(2024, 12, 31), ["cardiovascular"])
    page = render_report(report)
    for heading in ("Overdue actions, by owner", "Due from 31 December 2024 to 31 March 2025", "Ratings over time",
                    "Slipped deadlines", "Papers covered"):
        assert heading in page
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # ratings chart: one bar per paper, its segments the table's counts
    chart = page[page.index('id="ratings"'):page.index('id="slipped"')]
    bars = re.findall(r'<rect class="rag-(\w+)"[^>]*><title>\w+: (\d+)</title>', chart)
    counted = sum(int(n) for _, n in bars)
    assert counted == sum(sum(v["counts"].values()) for v in report.ratings[0]["versions"])
    assert page.count("<table>") >= 4


def test_text_from_papers_is_escaped(tmp_path):
    paper = tmp_path / "p.txt"
    paper.write_text("Action\tLead\tDeadline\nCut waits to <18 weeks & report\tEstates\tMarch 2020\n")
    db = open_db(str(tmp_path / "x.db"))
    ingest_paths(db, [paper])
    page = render_report(gather_report(db, dt.date(2024, 1, 1)))
    assert "Cut waits to &lt;18 weeks &amp; report" in page and "<18" not in page
