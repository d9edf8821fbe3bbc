"""The board view: what boardpapers adds to Datasette's own pages.

A Datasette plugin (registered under the `datasette` entry point in pyproject.toml):
ratings shown as coloured badges wherever a rating column appears, and an
action's page that reads as the item it is: its recommendation, plan and paper
(with the page), its owners and cross-references linked, and its history across
papers.  The page layout lives in templates/row.html, which `boardpapers serve`
hands Datasette as its template folder.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from datasette import hookimpl

from boardpapers.db.presentation import RAG_DISPLAY, RATING_COLUMNS, rating_badge

TEMPLATES = Path(__file__).parent / "templates"


@hookimpl
def render_cell(value, column):
    if column in RATING_COLUMNS and isinstance(value, str) and value in RAG_DISPLAY:
        return rating_badge(value)
    return None


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "actions" or request is None:
        return {}

    async def action_page() -> dict:
        pk = request.url_vars.get("pks", "")
        if not pk.isdigit():
            return {}
        db = datasette.get_database(database)
        return {"boardpapers_action": await action_context(db, int(pk)), "rating_badge": rating_badge}

    return action_page


async def _rows(db, sql: str, params: list) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def action_context(db, action_id: int) -> Optional[dict]:
    """Everything an action's page shows beside its columns; None when the row is gone."""
    found = await _rows(db, """
        select a.id, a.ref, a.action, a.page, a.rag, a.deadline_text, a.deadline_date, a.progress,
          r.id as recommendation_id, r.ref as recommendation_ref, r.text as recommendation,
          p.id as plan_id, p.title as plan, d.id as document_id, d.name as document, d.paper_date, d.status
        from actions a join recommendations r on r.id = a.recommendation_id join plans p on p.id = a.plan_id
        join documents d on d.id = a.document_id where a.id = ?""", [action_id])
    if not found:
        return None
    context = found[0]
    context["owners"] = await _rows(db, """
        select o.id, o.name, o.kind, ao.name_as_printed from action_owners ao join owners o on o.id = ao.owner_id
        where ao.action_id = ? order by ao.position""", [action_id])
    context["references"] = await _rows(db, """
        select raw, kind, target_ref, target_action_id, resolved from cross_references
        where action_id = ? order by id""", [action_id])
    context["referred_by"] = await _rows(db, """
        select c.raw, a.id, a.ref from cross_references c join actions a on a.id = c.action_id
        where c.target_action_id = ? order by a.position""", [action_id])
    context["history"] = await _rows(db, """
        select u.version, u.paper_date, u.action_id, u.ref, u.rag, u.deadline_text, u.deadline_date, u.progress,
          u.owners, u.completed, d.name as document
        from progress_updates u join documents d on d.id = u.document_id
        where u.tracked_item_id = (select tracked_item_id from progress_updates where action_id = ?)
        order by u.version""", [action_id])
    return context
