"""Following a plan through the years: which stored plans are versions of one plan, and which
rows are the same item from one version to the next.

Decided in paper-date order, so the answer does not depend on the order files
were ingested in.  After a batch that only added papers dated after every
tracked one, only the new plans are decided, against the tracked plans as they
stand (`update_tracking`); any other batch, or `boardpapers track --rebuild`,
decides everything again from the stored papers (`rebuild_tracking`).  Every decision
keeps its score and evidence.  A person's own decisions ("these two plans are
the same" / "are not") are kept in plan_links under (path, plan position),
which survives re-ingestion, and override the scores.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from difflib import SequenceMatcher
from typing import Optional

import sqlite_utils

from boardpapers.db.store import TRACKING_ADDED, get_state, set_state, write_transaction

PLAN_THRESHOLD = 0.55  # score a plan needs to be a later version of a tracked plan
ITEM_THRESHOLD = 0.6   # similarity a row needs to be the same item as an earlier version's
WEIGHTS = {"title": 0.25, "refs": 0.15, "text": 0.45, "publisher": 0.15}
_CANDIDATES = 5  # tracked plans scored in full for each new plan, the closest by shared words
_NEAREST = 3     # earlier rows compared word by word with each new row when matching items


def _words(text: Optional[str]) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").casefold())


def similarity(a: Optional[str], b: Optional[str]) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


@dataclass
class _Item:
    action_id: int
    ref: Optional[str]
    recommendation: Optional[str]
    action: Optional[str]
    row: dict

    @property
    def text(self) -> str:
        return f"{self.recommendation or ''} {self.action or ''}"

    @cached_property
    def words(self) -> frozenset:
        return frozenset(_words(self.text))

    @cached_property
    def owner_names(self) -> frozenset:
        """Each owner's last word (a surname, or a role's head): "Oli Newbould" and "Oliver Newbould" agree."""
        return frozenset(_words(name)[-1] for name in (self.row.get("owners") or "").split("; ") if _words(name))


def item_score(new: _Item, old: _Item) -> float:
    """How alike two rows are as one item.

    The whole row's text, or the action's alone where one version leaves the
    recommendation out or rewords it; a ref, an owner or a deadline the two
    still share adds a little (refs are often renumbered, leads change, dates slip).
    """
    text = similarity(new.text, old.text)
    if new.action and old.action:
        text = max(text, similarity(new.action, old.action))
    deadline = new.row.get("deadline_date")
    return (text + (0.1 if new.ref and new.ref == old.ref else 0.0)
            + (0.1 if new.owner_names & old.owner_names else 0.0)
            + (0.05 if deadline and deadline == old.row.get("deadline_date") else 0.0))


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass
class _Plan:
    plan_id: int
    document_id: int
    path: str
    position: int
    title: str
    publisher: str
    paper_date: str
    items: list[_Item] = field(default_factory=list)

    @cached_property
    def words(self) -> frozenset:
        return frozenset().union(*(i.words for i in self.items)) if self.items else frozenset()


@dataclass
class _Tracked:
    id: int
    title: str
    versions: list[_Plan] = field(default_factory=list)
    items: dict[int, list[tuple[int, _Item]]] = field(default_factory=dict)  # tracked item -> (version, row)


def plan_score(new: _Plan, old: _Plan) -> tuple[float, dict]:
    """How likely new is a later version of old, and the evidence for it."""
    new_refs = {i.ref for i in new.items if i.ref}
    old_refs = {i.ref for i in old.items if i.ref}
    refs = len(new_refs & old_refs) / len(new_refs | old_refs) if new_refs | old_refs else 0.0
    # each row's best word overlap with the earlier version: cheap, and enough to tell one plan from another
    texts = [max((_overlap(n.words, o.words) for o in old.items), default=0.0) for n in new.items]
    evidence = {
        "title": round(similarity(new.title, old.title), 3),
        "refs": round(refs, 3),
        "text": round(sum(texts) / len(texts), 3) if texts else 0.0,
        "publisher": round(similarity(new.publisher, old.publisher), 3),
    }
    score = sum(WEIGHTS[k] * v for k, v in evidence.items())
    return round(score, 3), evidence


def match_items(new: list[_Item], old: list[tuple[int, _Item]]) -> tuple[dict[int, tuple[int, float]], dict[int, int]]:
    """new row index -> (tracked item, score), one to one, best pairs first; and merged: old -> new index.

    Text decides (refs are often renumbered); see item_score.
    """
    pairs = []
    for i, n in enumerate(new):
        nearest = sorted(old, key=lambda pair: -_overlap(n.words, pair[1].words))[:_NEAREST]
        for tracked_id, o in nearest:
            score = item_score(n, o)
            if score >= ITEM_THRESHOLD:
                pairs.append((score, i, tracked_id))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    matched: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    merged: dict[int, int] = {}
    for score, i, tracked_id in pairs:
        if i not in matched and tracked_id not in used:
            matched[i] = (tracked_id, score)
            used.add(tracked_id)
    for score, i, tracked_id in pairs:
        if tracked_id not in used and i in matched and tracked_id not in merged:
            merged[tracked_id] = i  # two earlier items answered by one row now
    return matched, merged


def _load_plans(db: sqlite_utils.Database, plan_ids: Optional[list[int]] = None) -> list[_Plan]:
    """The stored plans (all, or those of plan_ids) with their rows, in paper-date order."""
    only = "" if plan_ids is None else "where plans.id in (select value from json_each(:ids))"
    ids = {"ids": json.dumps(plan_ids or [])}
    plans: dict[int, _Plan] = {}
    for row in db.query(f"""select plans.id, plans.document_id, documents.path, plans.position, plans.title,
                                  documents.publisher, documents.paper_date
                           from plans join documents on documents.id = plans.document_id {only}""", ids):
        plans[row["id"]] = _Plan(row["id"], row["document_id"], row["path"], row["position"], row["title"] or "",
                                 row["publisher"] or "", row["paper_date"] or "")
    only = "" if plan_ids is None else "where actions.plan_id in (select value from json_each(:ids))"
    for row in db.query(f"""select actions.id, actions.plan_id, actions.ref, r.text as recommendation, actions.action,
                                  actions.progress, actions.rag, actions.deadline_text, actions.deadline_date,
                                  actions.completed,
                                  (select group_concat(name_as_printed, '; ') from action_owners
                                   where action_id = actions.id) as owners
                           from actions join recommendations r on r.id = actions.recommendation_id {only}
                           order by actions.plan_id, actions.position""", ids):
        plans[row["plan_id"]].items.append(_Item(row["id"], row["ref"], row["recommendation"], row["action"], row))
    return sorted(plans.values(), key=_order)


def _order(plan: _Plan) -> tuple:
    """Where a plan falls in the order plans are tracked in: by paper date (undated last),
    then path and position."""
    return (plan.paper_date or "9999", plan.path, plan.position)


def _manual(db: sqlite_utils.Database) -> dict[tuple, str]:
    decisions = {}
    for row in db.query("select * from plan_links order by id"):
        a, b = (row["path_a"], row["position_a"]), (row["path_b"], row["position_b"])
        decisions[(a, b)] = decisions[(b, a)] = row["decision"]
    return decisions


def _choose_tracked(plan: _Plan, tracked: list[_Tracked], manual: dict) -> tuple[Optional[_Tracked], float, dict, str]:
    best, best_score, best_evidence = None, 0.0, {}
    key = (plan.path, plan.position)
    linked = [t for t in tracked if any(manual.get((key, (v.path, v.position))) for v in t.versions)]
    ranked = sorted(tracked, key=lambda t: -_overlap(plan.words, t.versions[-1].words))[:_CANDIDATES]
    for candidate in linked + [t for t in ranked if t not in linked]:
        if any(v.document_id == plan.document_id for v in candidate.versions):
            continue  # one version per paper
        decisions = {manual.get((key, (v.path, v.position))) for v in candidate.versions}
        if "unlink" in decisions:
            continue
        if "link" in decisions:
            return candidate, 1.0, {"manual": "linked by hand"}, "manual"
        score, evidence = plan_score(plan, candidate.versions[-1])
        if score > best_score:
            best, best_score, best_evidence = candidate, score, evidence
    if best is not None and best_score >= PLAN_THRESHOLD and best_evidence.get("text", 0) >= 0.3:
        return best, best_score, best_evidence, "auto"
    return None, best_score, best_evidence, "new"


_TRACKING_TABLES = ("progress_updates", "plan_versions", "tracked_items", "tracked_plans")


def rebuild_tracking(db: sqlite_utils.Database) -> None:
    """Recompute every tracked plan, tracked item and progress update from the stored papers."""
    with write_transaction(db):  # read under the write lock, so another batch cannot change what we read
        plans = _load_plans(db)
        for table in _TRACKING_TABLES:
            db.execute(f"delete from {table}")
        _track_plans(db, plans, _manual(db))
        set_state(db, "tracking_stale", None)


def update_tracking(db: sqlite_utils.Database) -> None:
    """Bring tracking up to date after a batch.

    Where the batch only added papers dated after every tracked one (the
    usual case: this quarter's update), their plans are decided one by one
    against the tracked plans as they stand, as a full rebuild would decide
    them, and nothing already tracked is touched.  Anything else (a replaced
    paper, an older paper filled in) rebuilds everything.
    """
    stale = get_state(db, "tracking_stale")
    if stale is None:
        return
    if stale == TRACKING_ADDED:
        with write_transaction(db):
            new = _load_plans(db, [r[0] for r in db.execute(
                "select id from plans where id not in (select plan_id from plan_versions)")])
            tracked = _load_tracked(db)
            newest = max((_order(t.versions[-1]) for t in tracked), default=None)
            if newest is None or all(_order(plan) >= newest for plan in new):
                _track_plans(db, new, _manual(db), tracked)
                set_state(db, "tracking_stale", None)
                return
    rebuild_tracking(db)


def _load_tracked(db: sqlite_utils.Database) -> list[_Tracked]:
    """The tracked plans as they stand: every version (the latest with its rows) and each
    tracked item's row in the latest version, in the order they were created."""
    tracked: dict[int, _Tracked] = {}
    for row in db.query("""select pv.tracked_plan_id, pv.plan_id, plans.document_id,
                                  documents.path, plans.position, plans.title, documents.publisher,
                                  documents.paper_date
                           from plan_versions pv
                           join plans on plans.id = pv.plan_id join documents on documents.id = plans.document_id
                           order by pv.tracked_plan_id, pv.version"""):
        target = tracked.setdefault(row["tracked_plan_id"], _Tracked(row["tracked_plan_id"], ""))
        target.versions.append(_Plan(row["plan_id"], row["document_id"], row["path"], row["position"],
                                     row["title"] or "", row["publisher"] or "", row["paper_date"] or ""))
    latest = {p.plan_id: p for p in _load_plans(db, [t.versions[-1].plan_id for t in tracked.values()])}
    for target in tracked.values():
        target.versions[-1] = latest[target.versions[-1].plan_id]
        target.title = target.versions[0].title  # as the rebuild keeps it: the first version's
    rows = {item.action_id: item for plan in latest.values() for item in plan.items}
    # each item's recommendation as last printed, for a latest version that left it out (see _last_known)
    recommendations = {r[0]: r[1] for r in db.execute("""select tracked_item_id, recommendation from progress_updates
                                                         where recommendation is not null order by version""")}
    for row in db.query("""select u.tracked_item_id, u.tracked_plan_id, u.action_id, u.version
                           from progress_updates u join tracked_plans tp on tp.id = u.tracked_plan_id
                           and u.version = tp.versions order by u.tracked_item_id"""):
        item = rows[row["action_id"]]
        if not item.recommendation and recommendations.get(row["tracked_item_id"]):
            item = replace(item, recommendation=recommendations[row["tracked_item_id"]])
        tracked[row["tracked_plan_id"]].items[row["tracked_item_id"]] = [(row["version"], item)]
    return list(tracked.values())


def _track_plans(db: sqlite_utils.Database, plans: list[_Plan], manual: dict,
                 tracked: Optional[list[_Tracked]] = None) -> None:
    """Make each plan, in paper-date order, a version of a tracked plan (a new one where none fits)."""
    tracked = [] if tracked is None else tracked
    for plan in plans:
        if not plan.items:
            continue
        target, score, evidence, decided = _choose_tracked(plan, tracked, manual)
        if target is None:
            target = _Tracked(db["tracked_plans"].insert({"title": plan.title, "versions": 0}).last_pk, plan.title)
            tracked.append(target)
        target.versions.append(plan)
        version = len(target.versions)
        db["plan_versions"].insert({"plan_id": plan.plan_id, "tracked_plan_id": target.id, "version": version,
                                    "score": score, "evidence": json.dumps(evidence), "decided": decided})
        _track_items(db, target, plan, version)
        db.execute("update tracked_plans set versions = ?, title = ? where id = ?",
                   [version, plan.title or target.title, target.id])


def _last_known(rows: list[tuple[int, _Item]]) -> _Item:
    """A tracked item as last printed, with its recommendation from an earlier version when the
    latest left it out (an update that prints only the actions): the next version is compared with this."""
    latest = rows[-1][1]
    if latest.recommendation:
        return latest
    earlier = next((item.recommendation for _, item in reversed(rows) if item.recommendation), None)
    return replace(latest, recommendation=earlier) if earlier else latest


def _track_items(db: sqlite_utils.Database, target: _Tracked, plan: _Plan, version: int) -> None:
    latest = {tid: _last_known(rows) for tid, rows in target.items.items() if rows[-1][0] == version - 1}
    matched, merged = match_items(plan.items, list(latest.items()))
    for i, item in enumerate(plan.items):
        if i in matched:
            tracked_id, score = matched[i]
            before = latest[tracked_id]
            evidence = {"text": round(similarity(item.text, before.text), 3),
                        "action": round(similarity(item.action, before.action), 3), "same_ref": item.ref == before.ref,
                        "same_owner": bool(item.owner_names & before.owner_names),
                        "same_deadline": bool(item.row.get("deadline_date"))
                        and item.row.get("deadline_date") == before.row.get("deadline_date")}
        else:
            tracked_id = db["tracked_items"].insert({
                "tracked_plan_id": target.id, "label": (item.action or item.recommendation or "")[:120],
                "first_version": version}).last_pk
            score, evidence = 1.0, {"new": True}
            target.items[tracked_id] = []
        target.items[tracked_id].append((version, item))
        db.execute("update tracked_items set last_version = ? where id = ?", [version, tracked_id])
        row = item.row
        db["progress_updates"].insert({
            "tracked_item_id": tracked_id, "tracked_plan_id": target.id, "action_id": item.action_id,
            "document_id": plan.document_id, "version": version, "paper_date": plan.paper_date or None,
            "ref": item.ref, "recommendation": item.recommendation, "action": item.action,
            "progress": row["progress"], "rag": row["rag"], "deadline_text": row["deadline_text"],
            "deadline_date": row["deadline_date"], "owners": row["owners"], "completed": int(row["completed"] or 0),
            "score": round(min(score, 1.0), 3), "evidence": json.dumps(evidence)})
    for old_id, i in merged.items():
        db.execute("update tracked_items set merged_into_id = ? where id = ?", [matched[i][0], old_id])


def record_plan_link(db: sqlite_utils.Database, plan_a: int, plan_b: int, decision: str) -> None:
    """Keep a person's decision that two plans are (link) or are not (unlink) versions of one plan."""
    keys = []
    for plan_id in (plan_a, plan_b):
        row = db.execute("select documents.path, plans.position from plans join documents "
                         "on documents.id = plans.document_id where plans.id = ?", [plan_id]).fetchone()
        if row is None:
            raise ValueError(f"there is no plan {plan_id}")
        keys.append(row)
    with write_transaction(db):
        db["plan_links"].insert({"path_a": keys[0][0], "position_a": keys[0][1], "path_b": keys[1][0],
                                 "position_b": keys[1][1], "decision": decision,
                                 "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    rebuild_tracking(db)


def find_tracked_items(db: sqlite_utils.Database, needle: str) -> list[int]:
    """Tracked items whose ref is needle, or whose text contains it (case ignored)."""
    rows = db.execute("select distinct tracked_item_id from progress_updates where ref = ? order by tracked_item_id",
                      [needle]).fetchall()
    if not rows:
        like = f"%{needle}%"
        rows = db.execute("""select distinct tracked_item_id from progress_updates
                             where action like ? or recommendation like ? or progress like ?
                             order by tracked_item_id""", [like, like, like]).fetchall()
    return [r[0] for r in rows]


def timeline(db: sqlite_utils.Database, tracked_item_id: int) -> list[dict]:
    return list(db.query("select * from item_history where tracked_item_id = ? order by version", [tracked_item_id]))
