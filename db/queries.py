"""Reading items back out of the store, in the shape of the evaluation format."""
from __future__ import annotations

import json
from typing import Iterator, Optional

import sqlite_utils

ITEMS_SQL = """
select
  actions.id as action_id, documents.name as document, documents.path as path,
  plans.position as plan_position, plans.title as plan_title, actions.page as page,
  actions.ref as ref, recommendations.text as recommendation, actions.action as action,
  (select json_group_array(name_as_printed) from (
      select name_as_printed from action_owners
      where action_owners.action_id = actions.id order by action_owners.position)) as owners,
  actions.deadline_text, actions.deadline_date as deadline, actions.deadline_status,
  actions.progress, actions.rag, actions.outcome,
  (select json_group_array(target_ref) from (
      select distinct target_ref from cross_references
      where cross_references.action_id = actions.id and resolved = 1 and target_ref is not null
      order by id)) as cross_refs
from actions
join recommendations on recommendations.id = actions.recommendation_id
join plans on plans.id = actions.plan_id
join documents on documents.id = actions.document_id
"""
ORDER = " order by documents.path, plans.position, actions.position"


def iter_items(db: sqlite_utils.Database, where: Optional[str] = None, params: Optional[dict] = None,
               ) -> Iterator[dict]:
    """Every stored item, optionally filtered by an SQL condition over the columns above."""
    sql = f"select * from ({ITEMS_SQL} where 1 = 1 {'and ' + where if where else ''}{ORDER})"
    for row in db.query(sql, params or {}):
        row = dict(row)
        row["owners"] = json.loads(row["owners"] or "[]")
        row["cross_refs"] = json.loads(row["cross_refs"] or "[]")
        yield row
