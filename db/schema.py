"""The database's shape, declared once and applied by `ensure_schema(db)`, safe to run again.

Tables hold what was printed beside what was parsed (deadline text beside the
date, owner cell beside the owners, rating as printed beside the rating), and
every row keeps its provenance (document, page, table, line).
"""
from __future__ import annotations

from typing import Optional

import sqlite_utils

SCHEMA_VERSION = 8

TABLES: dict[str, dict] = {
    "documents": dict(columns={
        "id": int, "path": str, "name": str, "sha256": str, "format": str, "title": str,
        "paper_date": str, "pages": int, "plans": int, "items": int, "ingested_at": str,
        "status": str, "error": str, "warnings": int, "paper_date_source": str, "metadata_date": str,
        "publisher": str,
    }, pk="id", not_null={"path", "sha256", "status"}),
    "plans": dict(columns={
        "id": int, "document_id": int, "position": int, "title": str, "shape": str,
        "page": int, "table_index": int,
    }, pk="id", foreign_keys=[("document_id", "documents", "id")]),
    "recommendations": dict(columns={
        "id": int, "plan_id": int, "document_id": int, "position": int, "ref": str, "text": str,
        "page": int,
    }, pk="id", foreign_keys=[("plan_id", "plans", "id"), ("document_id", "documents", "id")]),
    "actions": dict(columns={
        "id": int, "recommendation_id": int, "plan_id": int, "document_id": int, "position": int,
        "ref": str, "action": str, "progress": str, "outcome": str,
        "owner_text": str, "rag": str, "rag_text": str,
        "deadline_text": str, "deadline_date": str, "deadline_start": str,
        "deadline_granularity": str, "deadline_status": str,
        "original_deadline_text": str, "original_deadline_date": str,
        "page": int, "last_page": int, "table_index": int, "line": int, "row_index": int, "bbox": str,
        "completed": int,
    }, pk="id", foreign_keys=[
        ("recommendation_id", "recommendations", "id"), ("plan_id", "plans", "id"),
        ("document_id", "documents", "id"),
    ]),
    "owners": dict(columns={"id": int, "key": str, "name": str, "kind": str, "given_key": str,
                            "surname_key": str}, pk="id"),
    "owner_aliases": dict(columns={
        "id": int, "owner_id": int, "alias": str, "rule": str, "document_id": int,
    }, pk="id", foreign_keys=[("owner_id", "owners", "id"), ("document_id", "documents", "id")]),
    "action_owners": dict(columns={
        "action_id": int, "owner_id": int, "position": int, "name_as_printed": str, "honorific": str,
        "cell_text": str, "span": str,
    }, pk=("action_id", "owner_id"), foreign_keys=[("action_id", "actions", "id"), ("owner_id", "owners", "id")]),
    "ingest_errors": dict(columns={
        "id": int, "path": str, "sha256": str, "kind": str, "message": str, "at": str, "traceback": str,
    }, pk="id", not_null={"path", "kind"}),
    # Batch bookkeeping: "tracking_stale" is set with every stored document and cleared when
    # plan tracking is rebuilt, so a batch killed in between is repaired by the next run.
    "state": dict(columns={"key": str, "value": str}, pk="key"),
    "ingest_warnings": dict(columns={
        "id": int, "document_id": int, "path": str, "kind": str, "message": str,
    }, pk="id", not_null={"path", "kind"}, foreign_keys=[("document_id", "documents", "id")]),
    # --- following plans through the years (rebuilt by boardpapers.ingest.reconcile.tracking after every batch) ---
    "tracked_plans": dict(columns={"id": int, "title": str, "versions": int}, pk="id"),
    "plan_versions": dict(columns={
        "plan_id": int, "tracked_plan_id": int, "version": int, "score": float, "evidence": str, "decided": str,
    }, pk="plan_id", foreign_keys=[("plan_id", "plans", "id"), ("tracked_plan_id", "tracked_plans", "id")]),
    "tracked_items": dict(columns={
        "id": int, "tracked_plan_id": int, "label": str, "first_version": int, "last_version": int,
        "merged_into_id": int,
    }, pk="id", foreign_keys=[("tracked_plan_id", "tracked_plans", "id")]),
    "progress_updates": dict(columns={
        "id": int, "tracked_item_id": int, "tracked_plan_id": int, "action_id": int, "document_id": int,
        "version": int, "paper_date": str, "ref": str, "recommendation": str, "action": str, "progress": str,
        "rag": str, "deadline_text": str, "deadline_date": str, "owners": str, "completed": int,
        "score": float, "evidence": str,
    }, pk="id", foreign_keys=[("tracked_item_id", "tracked_items", "id"), ("action_id", "actions", "id"),
                              ("document_id", "documents", "id"), ("tracked_plan_id", "tracked_plans", "id")]),
    "plan_links": dict(columns={
        "id": int, "path_a": str, "position_a": int, "path_b": str, "position_b": int, "decision": str, "at": str,
    }, pk="id"),
    "role_holders": dict(columns={
        "id": int, "role_owner_id": int, "person_owner_id": int, "document_id": int, "paper_date": str,
    }, pk="id", foreign_keys=[("role_owner_id", "owners", "id"), ("person_owner_id", "owners", "id"),
                              ("document_id", "documents", "id")]),
    "cross_references": dict(columns={
        "id": int, "action_id": int, "field": str, "raw": str, "kind": str, "target_ref": str,
        "target_action_id": int, "resolved": int, "span": str,
    }, pk="id", foreign_keys=[("action_id", "actions", "id"), ("target_action_id", "actions", "id")]),
    # One paper, once: the same bytes met under another path or name are recorded here, not stored again.
    "document_aliases": dict(columns={"id": int, "document_id": int, "path": str, "seen_at": str}, pk="id",
                             foreign_keys=[("document_id", "documents", "id")]),
}

UNIQUE_INDEXES = {"documents": [["path"]], "owners": [["key"]], "ingest_errors": [["path"]],
                  "document_aliases": [["path"]]}
INDEXES = {
    "actions": [["deadline_date"], ["deadline_status"], ["rag"], ["ref"]],
    "documents": [["sha256"], ["paper_date"]],
    "owners": [["surname_key"], ["given_key"]],
}
FTS = {
    "recommendations": ["text"],
    "actions": ["action", "progress", "outcome"],
}


_OWNERS_OF = """(select group_concat(name_as_printed, '; ') from (select name_as_printed from action_owners
                  where action_owners.action_id = actions.id order by position))"""
# The same as a JSON array, so Datasette's array facets count people, not joined strings.
_OWNERS_ARRAY = """(select json_group_array(name_as_printed) from (select name_as_printed from action_owners
                  where action_owners.action_id = actions.id order by position))"""
# Not marked complete: no blue rating, and progress does not open with a word that says it is done.
# Not marked complete: decided once, when the row was interpreted (actions.completed).
NOT_DONE = "coalesce(actions.completed, 0) = 0"
_TODAY = "date('now')"


def current_plans_as_of(date_sql: Optional[str] = None) -> str:
    """The plans that stood on a date (today, with None): each tracked plan's latest version from a
    paper dated on or before it (a paper with no date counts as before), and any plan not tracked.

    A stale paper (one that failed when its changed file was read again) keeps its earlier rows
    for the record, but they stand for nothing now: its plans are left out.
    """
    dated = f"and coalesce(d.paper_date, '0000-00-00') <= {date_sql}" if date_sql else ""
    return f"""(select pv.plan_id from plan_versions pv join (
                  select v.tracked_plan_id, max(v.version) as version from plan_versions v
                  join plans p on p.id = v.plan_id join documents d on d.id = p.document_id
                  where d.status = 'ok' {dated} group by v.tracked_plan_id) c
                on c.tracked_plan_id = pv.tracked_plan_id and c.version = pv.version
              union select p.id from plans p join documents d on d.id = p.document_id
                where d.status = 'ok' and p.id not in (select plan_id from plan_versions))"""


# The plans that stand today: the latest version of every tracked plan, and any plan not tracked.
CURRENT_PLANS = current_plans_as_of()

# The questions people ask, as views.  Each is described in db/metadata.py.
VIEWS: dict[str, str] = {
    "items": f"""
        select actions.id as action_id, documents.name as document, documents.path as path,
          documents.paper_date as paper_date, plans.id as plan_id, plans.position as plan_position,
          plans.title as plan, actions.position as position, actions.page as page,
          actions.ref as ref, recommendations.text as recommendation, actions.action as action,
          {_OWNERS_ARRAY} as owners,
          actions.deadline_text as deadline_text, actions.deadline_date as deadline,
          actions.deadline_status as deadline_status, actions.progress as progress, actions.rag as rag,
          actions.outcome as outcome,
          (select group_concat(target_ref, '; ') from (select distinct target_ref from cross_references
              where cross_references.action_id = actions.id and resolved = 1 order by id)) as cross_refs,
          documents.status != 'ok' as stale
        from actions
        join recommendations on recommendations.id = actions.recommendation_id
        join plans on plans.id = actions.plan_id
        join documents on documents.id = actions.document_id""",
    "current_actions": f"""
        select items.* from items where plan_id in {CURRENT_PLANS}""",
    "overdue_actions": f"""
        select actions.id as action_id, documents.name as document, {_TODAY} as as_of,
          actions.ref as ref, actions.action as action, {_OWNERS_OF} as owners,
          actions.deadline_text as deadline_text, actions.deadline_date as deadline,
          cast(julianday({_TODAY}) - julianday(actions.deadline_date) as integer) as days_overdue,
          actions.rag as rag, actions.progress as progress
        from actions join documents on documents.id = actions.document_id
        where actions.plan_id in {CURRENT_PLANS}
          and actions.deadline_status = 'date' and actions.deadline_date < {_TODAY} and {NOT_DONE}""",
    "upcoming_deadlines": f"""
        select actions.id as action_id, documents.name as document, {_TODAY} as as_of,
          actions.ref as ref, actions.action as action, {_OWNERS_OF} as owners,
          actions.deadline_text as deadline_text, actions.deadline_date as deadline,
          cast(julianday(actions.deadline_date) - julianday({_TODAY}) as integer) as days_left,
          actions.rag as rag
        from actions join documents on documents.id = actions.document_id
        where actions.plan_id in {CURRENT_PLANS}
          and actions.deadline_status = 'date' and actions.deadline_date >= {_TODAY} and {NOT_DONE}""",
    "actions_by_owner": """
        select owners.id as owner_id, owners.name as owner, owners.kind as owner_kind,
          action_owners.name_as_printed as printed_as, documents.name as document,
          documents.paper_date as paper_date, actions.id as action_id, actions.ref as ref,
          actions.action as action, actions.deadline_text as deadline_text,
          actions.deadline_date as deadline, actions.deadline_status as deadline_status, actions.rag as rag
        from action_owners
        join owners on owners.id = action_owners.owner_id
        join actions on actions.id = action_owners.action_id
        join documents on documents.id = actions.document_id
        where actions.plan_id in """ + CURRENT_PLANS + """""",
    "dangling_references": """
        select cross_references.id as reference_id, documents.name as document, actions.id as action_id,
          actions.ref as from_ref, cross_references.field as field, cross_references.raw as printed,
          cross_references.kind as kind, cross_references.target_ref as target_ref
        from cross_references
        join actions on actions.id = cross_references.action_id
        join documents on documents.id = actions.document_id
        where cross_references.resolved = 0""",
    "item_history": """
        select u.tracked_item_id, u.tracked_plan_id, tracked_plans.title as tracked_plan, u.version, u.paper_date,
          documents.name as document, u.ref, u.recommendation, u.action, u.owners, u.deadline_text,
          u.deadline_date as deadline, u.rag, u.progress, u.completed, u.action_id
        from progress_updates u
        join tracked_plans on tracked_plans.id = u.tracked_plan_id
        join documents on documents.id = u.document_id""",
    "slipped_deadlines": """
        select * from (
          select tracked_item_id, tracked_plan_id, ref, action, owners,
            lag(paper_date) over w as earlier_paper, paper_date as later_paper,
            lag(deadline_text) over w as earlier_deadline_text, deadline_text as later_deadline_text,
            lag(deadline_date) over w as earlier_deadline, deadline_date as later_deadline,
            cast(julianday(deadline_date) - julianday(lag(deadline_date) over w) as integer) as days_slipped
          from progress_updates window w as (partition by tracked_item_id order by version))
        where days_slipped > 0""",
    "rag_changes": """
        select * from (
          select tracked_item_id, tracked_plan_id, ref, action, lag(paper_date) over w as earlier_paper,
            paper_date as later_paper, lag(rag) over w as earlier_rag, rag as later_rag
          from progress_updates window w as (partition by tracked_item_id order by version))
        where earlier_paper is not null and coalesce(earlier_rag, '') != coalesce(later_rag, '')""",
    "stalled_items": """
        select * from (
          select tracked_item_id, tracked_plan_id, ref, action, lag(paper_date) over w as earlier_paper,
            paper_date as later_paper, progress, lag(progress) over w as earlier_progress, completed
          from progress_updates window w as (partition by tracked_item_id order by version))
        where progress is not null and progress = earlier_progress and completed = 0""",
    "dropped_items": """
        select t.id as tracked_item_id, t.tracked_plan_id, tp.title as tracked_plan, u.ref, u.action,
          u.owners, u.paper_date as last_seen, u.progress as last_progress, u.rag as last_rag, t.last_version,
          tp.versions as plan_versions
        from tracked_items t
        join tracked_plans tp on tp.id = t.tracked_plan_id
        join progress_updates u on u.tracked_item_id = t.id and u.version = t.last_version
        where t.last_version < tp.versions and u.completed = 0 and t.merged_into_id is null""",
    "held_by_person": """
        select o.id as person_id, o.name as person, 'named' as how, documents.paper_date, documents.name as document,
          actions.id as action_id, actions.ref, actions.action, actions.deadline_text, actions.rag
        from action_owners ao join owners o on o.id = ao.owner_id
        join actions on actions.id = ao.action_id join documents on documents.id = actions.document_id
        where o.kind = 'person'
        union all
        select p.id, p.name, 'as ' || r.name, documents.paper_date, documents.name, actions.id, actions.ref,
          actions.action, actions.deadline_text, actions.rag
        from role_holders rh join owners r on r.id = rh.role_owner_id join owners p on p.id = rh.person_owner_id
        join action_owners ao on ao.owner_id = rh.role_owner_id
        join actions on actions.id = ao.action_id and actions.document_id = rh.document_id
        join documents on documents.id = actions.document_id""",
    "rag_summary": """
        select documents.name as document, plans.id as plan_id, plans.title as plan,
          coalesce(actions.rag, 'unrated') as rag, count(*) as actions
        from actions join plans on plans.id = actions.plan_id join documents on documents.id = actions.document_id
        group by documents.name, plans.id, plans.title, coalesce(actions.rag, 'unrated')""",
}


def ensure_views(db: sqlite_utils.Database) -> None:
    """(Re)create every view, so a changed definition takes effect on the next open."""
    for name, sql in VIEWS.items():
        db.execute(f"drop view if exists [{name}]")
        db.create_view(name, sql.strip())


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and full-text index that is missing; record the version."""
    db.execute("PRAGMA foreign_keys = ON")
    for name, spec in TABLES.items():
        if not db[name].exists():
            db.create_table(name, spec["columns"], pk=spec["pk"], not_null=spec.get("not_null"),
                            foreign_keys=spec.get("foreign_keys"))
        else:
            add_missing_columns(db, name, spec["columns"])
    for name, indexes in UNIQUE_INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, unique=True, if_not_exists=True)
    for name, indexes in INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)
    db.index_foreign_keys()
    for name, columns in FTS.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True)
    ensure_views(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def add_missing_columns(db: sqlite_utils.Database, name: str, columns: dict) -> None:
    """Migrate a database made by an earlier version: every schema change so far adds columns."""
    present = set(db[name].columns_dict)
    for column, kind in columns.items():
        if column not in present:
            db[name].add_column(column, kind)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]
