"""The printed report a board secretary takes to a meeting: what stood on a date, from the database.

`gather_report` asks the database the report's questions as of a date (the plans
that stood then: each tracked plan's latest version from a paper dated on or
before it); `render_report` lays the answers out as one self-contained HTML
page, each chart an inline SVG beside the table it draws, so it prints, mails
and opens offline.  The PDF is that page printed by a headless browser (the CLI's job).
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import jinja2
import sqlite_utils
from markupsafe import Markup, escape

from boardpapers.db.presentation import RATING_ORDER, rating_badge, rating_colour, rating_label
from boardpapers.db.schema import NOT_DONE, current_plans_as_of

NO_OWNER = "(no owner named)"


@dataclass
class Report:
    as_of: dt.date
    due_until: dt.date  # the end of the quarter after as_of
    scope: list[str]  # the plans asked for, as titles ([] = every plan)
    papers: list[dict]
    overdue: list[dict]
    overdue_by_owner: list[tuple[str, list[dict]]]
    due_next: list[dict]
    slipped: list[dict]
    ratings: list[dict]  # per tracked plan: title and, per version, the count of each rating
    counts: dict[str, int] = field(default_factory=dict)


def three_months_on(day: dt.date) -> dt.date:
    """The last day of the three months that follow `day` (31 Dec -> 31 Mar, 30 Nov -> 28 Feb)."""
    start = day + dt.timedelta(days=1)
    month = start.month + 3
    year, month = start.year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1])) - dt.timedelta(days=1)


def plans_in_scope(db: sqlite_utils.Database, selectors: list[str]) -> Optional[set[int]]:
    """The stored plans a report covers: each selector is a plan id or words of a plan's title,
    and a plan brings every version of the plan it is tracked as.  None: every plan."""
    if not selectors:
        return None
    chosen: set[int] = set()
    for selector in selectors:
        if selector.isdigit():
            found = {r[0] for r in db.execute("select id from plans where id = ?", [int(selector)])}
        else:
            found = {r[0] for r in db.execute("select id from plans where title like ?", [f"%{selector}%"])}
        if not found:
            raise ValueError(f"no plan has the id or title {selector!r} (see the plans table)")
        chosen |= found
    marks = ",".join("?" * len(chosen))
    chosen |= {r[0] for r in db.execute(
        f"""select plan_id from plan_versions where tracked_plan_id in
            (select tracked_plan_id from plan_versions where plan_id in ({marks}))""", list(chosen))}
    return chosen


def gather_report(db: sqlite_utils.Database, as_of: dt.date, selectors: Optional[list[str]] = None) -> Report:
    scope = plans_in_scope(db, selectors or [])
    params = {"as_of": as_of.isoformat(), "until": three_months_on(as_of).isoformat()}
    in_scope = "" if scope is None else f" and actions.plan_id in {_ids(scope)}"
    standing = f"actions.plan_id in {current_plans_as_of(':as_of')}{in_scope}"
    overdue = _actions(db, f"""{standing} and actions.deadline_status = 'date'
                               and actions.deadline_date < :as_of and {NOT_DONE}""", params)
    due_next = _actions(db, f"""{standing} and actions.deadline_status = 'date'
                                and actions.deadline_date between :as_of and :until and {NOT_DONE}""", params)
    standing_count = db.execute(f"select count(*), sum(coalesce(completed, 0)) from actions where {standing}",
                                params).fetchone()
    slipped = _slipped(db, params, scope)
    return Report(
        as_of=as_of, due_until=three_months_on(as_of),
        scope=sorted({r[0] or "(untitled)" for r in db.execute(
            f"select title from plans where id in {_ids(scope)}")}) if scope else [],
        papers=_papers(db, params, scope), overdue=overdue, overdue_by_owner=_by_owner(overdue),
        due_next=due_next, slipped=slipped, ratings=_ratings(db, params, scope),
        counts={"standing": standing_count[0], "completed": standing_count[1] or 0, "overdue": len(overdue),
                "due_next": len(due_next), "slipped": len(slipped)},
    )


def _actions(db: sqlite_utils.Database, where: str, params: dict) -> list[dict]:
    rows = [dict(r) for r in db.query(f"""
        select actions.id, actions.ref, actions.action, recommendations.text as recommendation,
          actions.deadline_text, actions.deadline_date, actions.rag, actions.page, actions.progress,
          documents.name as document, documents.paper_date,
          cast(julianday(:as_of) - julianday(actions.deadline_date) as integer) as days_overdue,
          (select json_group_array(o.name) from (select owners.name from action_owners
             join owners on owners.id = action_owners.owner_id
             where action_owners.action_id = actions.id order by action_owners.position) o) as owners
        from actions join documents on documents.id = actions.document_id
        join recommendations on recommendations.id = actions.recommendation_id
        where {where} order by actions.deadline_date, documents.name, actions.position""", params)]
    for row in rows:
        row["owners"] = [o for o in _json_list(row["owners"]) if o]
    return rows


def _ids(scope: set[int]) -> str:
    """Plan ids as an SQL list, "(3,7,9)" (integers from the database, so safe to inline)."""
    return "(" + ",".join(map(str, sorted(scope))) + ")"


def _json_list(text: Optional[str]) -> list:
    return json.loads(text) if text else []


def _by_owner(actions: list[dict]) -> list[tuple[str, list[dict]]]:
    """Each owner with the actions they hold, most first (an action with two owners is in both)."""
    held: dict[str, list[dict]] = defaultdict(list)
    for action in actions:
        for owner in action["owners"] or [NO_OWNER]:
            held[owner].append(action)
    return sorted(held.items(), key=lambda kv: (-len(kv[1]), kv[0] == NO_OWNER, kv[0].casefold()))


def _slipped(db: sqlite_utils.Database, params: dict, scope: Optional[set[int]]) -> list[dict]:
    rows = [dict(r) for r in db.query("""
        select s.*, tracked_plans.title as tracked_plan from slipped_deadlines s
        join tracked_plans on tracked_plans.id = s.tracked_plan_id
        where coalesce(s.later_paper, '0000-00-00') <= :as_of
        order by s.days_slipped desc, s.later_paper""", params)]
    if scope is not None:
        tracked = {r[0] for r in db.execute(
            f"select tracked_plan_id from plan_versions where plan_id in {_ids(scope)}")}
        rows = [r for r in rows if r["tracked_plan_id"] in tracked]
    return rows


def _ratings(db: sqlite_utils.Database, params: dict, scope: Optional[set[int]]) -> list[dict]:
    """Per tracked plan with any rated item: how many items carried each rating in each version."""
    plans: dict[int, dict] = {}
    for row in db.query("""
            select u.tracked_plan_id, tracked_plans.title, u.version, u.paper_date, u.rag, pv.plan_id
            from progress_updates u join tracked_plans on tracked_plans.id = u.tracked_plan_id
            join plan_versions pv on pv.tracked_plan_id = u.tracked_plan_id and pv.version = u.version
            where coalesce(u.paper_date, '0000-00-00') <= :as_of
            order by u.tracked_plan_id, u.version""", params):
        if scope is not None and row["plan_id"] not in scope:
            continue
        plan = plans.setdefault(row["tracked_plan_id"], {"title": row["title"] or "(untitled)", "versions": {}})
        version = plan["versions"].setdefault(row["version"], {"paper_date": row["paper_date"], "counts": Counter()})
        version["counts"][row["rag"]] += 1
    rated = [p for p in plans.values() if any(v["counts"].keys() - {None} for v in p["versions"].values())]
    for plan in rated:
        plan["versions"] = [plan["versions"][k] for k in sorted(plan["versions"])]
    return rated


def _papers(db: sqlite_utils.Database, params: dict, scope: Optional[set[int]]) -> list[dict]:
    in_scope = "" if scope is None else f" and plans.id in {_ids(scope)}"
    return [dict(r) for r in db.query(f"""
        select documents.name, documents.paper_date, documents.title, count(actions.id) as items
        from documents join plans on plans.document_id = documents.id
        left join actions on actions.plan_id = plans.id
        where documents.status = 'ok' and coalesce(documents.paper_date, '0000-00-00') <= :as_of {in_scope}
        group by documents.id order by documents.paper_date, documents.name""", params)]


# --- drawing ---------------------------------------------------------------------------------------

BAR_HEIGHT, GAP, LABEL_WIDTH, CHART_WIDTH = 18, 6, 230, 640
CHART_ROWS = 15  # bars a chart shows before it sums the rest


def bar_chart(rows: list[tuple[str, int]], colour: str = "#1d70b8", unit: str = "") -> Markup:
    """Horizontal bars, one per (label, value), value printed at the bar's end."""
    if not rows:
        return Markup("")
    top = max(v for _, v in rows) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [f'<svg class="chart" role="img" width="{CHART_WIDTH}" height="{height}" '
             f'viewBox="0 0 {CHART_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        width = max(1, round(span * value / top))
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">{escape(_short(label))}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{colour}">'
                     f'<title>{escape(label)}: {value}{unit}</title></rect>'
                     f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 13}">{value}{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def rating_chart(versions: list[dict]) -> Markup:
    """One stacked bar per version of a plan: its items by rating, severest on the left."""
    rows = [(v["paper_date"] or "undated", v["counts"]) for v in versions]
    top = max(sum(c.values()) for _, c in rows) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [f'<svg class="chart" role="img" width="{CHART_WIDTH}" height="{height}" '
             f'viewBox="0 0 {CHART_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, counts) in enumerate(rows):
        y, x = GAP + i * (BAR_HEIGHT + GAP), LABEL_WIDTH
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>')
        for rag in RATING_ORDER:
            n = counts.get(rag, 0)
            if not n:
                continue
            width = round(span * n / top)
            parts.append(f'<rect class="rag-{rag or "none"}" x="{x}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
                         f'fill="{rating_colour(rag)}"><title>{rating_label(rag)}: {n}</title></rect>')
            if width >= 14:
                parts.append(f'<text x="{x + width / 2}" y="{y + 13}" text-anchor="middle" fill="#fff">{n}</text>')
            x += width
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_report(report: Report, generated: Optional[dt.datetime] = None) -> str:
    """The report as one self-contained HTML page (no scripts, no files beside it)."""
    owners = [(owner, len(held)) for owner, held in report.overdue_by_owner]
    owners_chart = bar_chart(owners[:CHART_ROWS], "#d4351c")  # the most loaded; every owner has a table
    due_by_month = Counter(a["deadline_date"][:7] for a in report.due_next)
    slipped_chart = bar_chart([(f"{s['ref'] or ''} {s['action'] or ''}".strip(), s["days_slipped"])
                               for s in report.slipped[:CHART_ROWS]], "#b35a00", " days")
    return _TEMPLATES.get_template("report.html").render(
        report=report, owners_chart=owners_chart, slipped_chart=slipped_chart,
        due_chart=bar_chart(sorted(due_by_month.items())),
        rating_charts=[(plan, rating_chart(plan["versions"])) for plan in report.ratings],
        badge=lambda rag: rating_badge(rag) if rag else "", chart_rows=CHART_ROWS, legend=rating_badge, rating_label=rating_label, ratings=RATING_ORDER,
        generated=(generated or dt.datetime.now()).strftime("%d %B %Y %H:%M"),
        long_date=lambda d: d.strftime("%d %B %Y").lstrip("0") if d else "",
    )
