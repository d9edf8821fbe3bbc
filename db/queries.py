"""Reading items back out of the store, in the shape of the evaluation format.

The `items` view (db/schema.py) is the one definition of an item's columns;
this reads it and turns its joined owners and references back into lists.
"""
from __future__ import annotations

import json
from typing import Iterator, Optional

import sqlite_utils

ORDER = " order by path, plan_position, position"
_SEPARATOR = "; "  # how the view joins references (owners come as a JSON array)


def iter_items(db: sqlite_utils.Database, where: Optional[str] = None, params: Optional[dict] = None,
               ) -> Iterator[dict]:
    """Every stored item, optionally filtered by an SQL condition over the view's columns."""
    sql = "select * from items" + (f" where {where}" if where else "") + ORDER
    for row in db.query(sql, params or {}):
        row = dict(row)
        row["owners"] = json.loads(row["owners"]) if row["owners"] else []
        row["cross_refs"] = row["cross_refs"].split(_SEPARATOR) if row["cross_refs"] else []
        yield row
