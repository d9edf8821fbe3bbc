"""Writing extracted documents: one transaction per document, replacing its earlier rows."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
import time
import unicodedata
from pathlib import Path
from typing import Callable, Iterator, Optional

import sqlite_utils

from boardpapers.db.schema import SCHEMA_VERSION, ensure_schema, schema_version
from boardpapers.schema.models import DocumentResult, Item, Owner


TRACKING_ADDED = "added"  # state tracking_stale: papers were only added since tracking was last brought up to date
TRACKING_REBUILD = "rebuild"  # a paper was replaced or removed: rebuild all of it
BUSY_TIMEOUT_MS = 60_000  # how long a writer waits for another (a second ingest, say) to finish


class DatabaseProblem(Exception):
    """The database file cannot be used as asked: said in one sentence, for the command line."""


# The tables that make a SQLite file a boardpapers database.
_OWN_TABLES = {"documents", "plans", "actions"}


def open_db(path: str) -> sqlite_utils.Database:
    """Open (creating if need be) a boardpapers database with its schema in place.

    WAL mode lets Datasette or sqlite3 read while a batch writes; the busy
    timeout makes a second writer wait its turn instead of failing at once.
    A SQLite file some other program made is refused, not given our tables.
    """
    try:
        db = sqlite_utils.Database(path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        _check_ours(db, path, missing_ok=True)
        if path != ":memory:":
            _enable_wal(db)
        with write_transaction(db):
            ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(_explain(path, exc)) from exc
    return db


def read_db(path: str) -> sqlite_utils.Database:
    """Open an existing boardpapers database to read, and only to read.

    The connection is read-only, so nothing a reader does can change the file: no schema
    upgrade, no journal switch.  A file in a folder nobody may write to (so no -shm file can
    be made beside it, and nobody can be writing it) is opened as immutable.
    """
    if not Path(path).is_file():
        raise DatabaseProblem(f"{path}: no such database file")
    uri = Path(path).resolve().as_uri()
    try:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
            conn.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn = sqlite3.connect(f"{uri}?immutable=1", uri=True)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_ours(db, path, missing_ok=False)
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(_explain(path, exc)) from exc
    version = schema_version(db)
    if version < SCHEMA_VERSION:
        raise DatabaseProblem(f"{path} was written by an earlier boardpapers (schema {version}, now "
                              f"{SCHEMA_VERSION}): run `boardpapers upgrade --db {path}` first")
    return db


def _check_ours(db: sqlite_utils.Database, path: str, missing_ok: bool) -> None:
    """Refuse a SQLite file that boardpapers did not write (an empty one is ours to fill when missing_ok)."""
    tables = set(db.table_names())
    if _OWN_TABLES <= tables or (missing_ok and not tables):
        return
    raise DatabaseProblem(f"{path} is a SQLite database, but not one boardpapers wrote (it has no "
                          f"{', '.join(sorted(_OWN_TABLES - tables))} table)")


def _explain(path: str, exc: sqlite3.DatabaseError) -> str:
    """SQLite's complaint about opening a file, as a sentence a user can act on."""
    message = str(exc)
    folder = Path(path).resolve().parent
    if "file is not a database" in message:
        return f"{path} is not a SQLite database"
    if "unable to open" in message and not folder.is_dir():
        return f"{path}: the folder {folder} does not exist"
    if "unable to open" in message or "readonly" in message:
        return f"{path}: cannot write the database there (is the file or its folder read-only?)"
    return f"{path}: {message}"


def _enable_wal(db: sqlite_utils.Database) -> None:
    """Switch to WAL, waiting for another process that holds the new file's lock.

    Changing the journal mode does not wait out the busy timeout as a write
    does: two batches started together on a new database would see "database
    is locked" at once, so the switch is retried for as long as a write would wait.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            if db.journal_mode != "wal":
                db.enable_wal()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write.  BEGIN IMMEDIATE takes the write lock up front, so a
    concurrent writer waits (busy timeout) rather than failing half-way."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def storable(text: str) -> str:
    """A path as it can be stored and shown: a name that is not valid UTF-8 reaches Python
    with surrogate escapes, which SQLite refuses; its stray bytes are kept as \\xNN."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def set_state(db: sqlite_utils.Database, key: str, value: Optional[str]) -> None:
    """Record (or, with None, clear) one piece of batch bookkeeping; call inside a transaction."""
    if value is None:
        db.execute("delete from state where key = ?", [key])
    else:
        db.execute("insert or replace into state (key, value) values (?, ?)", [key, value])


def get_state(db: sqlite_utils.Database, key: str) -> Optional[str]:
    row = db.execute("select value from state where key = ?", [key]).fetchone()
    return row[0] if row else None


def owner_key(name: str) -> str:
    """The register key of an owner: case, accents, dots and spacing ignored."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s-]", "", text.casefold())
    return " ".join(text.split())


def stored_sha(db: sqlite_utils.Database, path: str) -> Optional[str]:
    """The content hash stored for a path, whether the paper was stored under it or met there again."""
    row = db.execute("""select sha256 from documents where path = :p union all
                        select d.sha256 from document_aliases a join documents d on d.id = a.document_id
                        where a.path = :p""", {"p": storable(path)}).fetchone()
    return row[0] if row else None


def restore_if_stale(db: sqlite_utils.Database, path: str) -> None:
    """The file at path holds again the very bytes its stored rows were read from (it failed in
    between): those rows stand again.  No write unless they were stale."""
    path = storable(path)
    if db.execute("select 1 from documents where path = ? and status = 'stale'", [path]).fetchone():
        with write_transaction(db):
            db.execute("update documents set status = 'ok', error = null where path = ?", [path])
            db.execute("delete from ingest_errors where path = ?", [path])


def record_alias(db: sqlite_utils.Database, path: str, sha256: str) -> Optional[str]:
    """Record path as another name of the stored paper with these bytes; returns that paper's path.
    A new paper (the usual case) costs one read, no write."""
    if db.execute("select 1 from documents where sha256 = ?", [sha256]).fetchone() is None:
        return None
    with write_transaction(db):
        row = db.execute("select id, path from documents where sha256 = ? order by id limit 1", [sha256]).fetchone()
        if row is None:
            return None
        db.execute("insert or replace into document_aliases (document_id, path, seen_at) values (?, ?, ?)",
                   [row[0], storable(path), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")])
    return row[1]


def remove_documents(db: sqlite_utils.Database, paths: list[str]) -> list[str]:
    """Forget the papers stored under these paths (and what hangs off them), or just the other name
    a path was; returns the paths that were known.  Tracking is then rebuilt by the caller."""
    removed = []
    with write_transaction(db):
        for path in map(storable, paths):
            if db.execute("delete from document_aliases where path = ?", [path]).rowcount:
                removed.append(path)
                continue
            row = db.execute("select id from documents where path = ?", [path]).fetchone()
            if row:
                delete_document(db, row[0])
                removed.append(path)
        if removed:
            set_state(db, "tracking_stale", TRACKING_REBUILD)
    return removed


def stored_paths(db: sqlite_utils.Database) -> list[str]:
    """Every path a stored paper is known by (its own and the other names it was met under)."""
    return [r[0] for r in db.execute("select path from documents union select path from document_aliases")]


def delete_document(db: sqlite_utils.Database, document_id: int) -> None:
    """Remove a document's rows, children first (no cascade is relied on)."""
    db.execute("""delete from cross_references where action_id in
                  (select id from actions where document_id = ?)""", [document_id])
    db.execute("""delete from action_owners where action_id in
                  (select id from actions where document_id = ?)""", [document_id])
    db.execute("delete from owner_aliases where document_id = ?", [document_id])
    db.execute("delete from role_holders where document_id = ?", [document_id])
    db.execute("delete from ingest_warnings where document_id = ?", [document_id])
    db.execute("delete from document_aliases where document_id = ?", [document_id])
    db.execute("delete from progress_updates where document_id = ?", [document_id])
    db.execute("delete from plan_versions where plan_id in (select id from plans where document_id = ?)",
               [document_id])
    db.execute("""update cross_references set target_action_id = null where target_action_id in
                  (select id from actions where document_id = ?)""", [document_id])
    for table in ("actions", "recommendations", "plans"):
        db.execute(f"delete from {table} where document_id = ?", [document_id])
    db.execute("delete from documents where id = ?", [document_id])


def _alias(db, owner_id: int, alias: str, rule: str, document_id: Optional[int] = None) -> None:
    exists = db.execute("select 1 from owner_aliases where owner_id = ? and alias = ? and rule = ?",
                        [owner_id, alias, rule]).fetchone()
    if not exists:
        db["owner_aliases"].insert({"owner_id": owner_id, "alias": alias, "rule": rule, "document_id": document_id})


# Decides whether two people's names are one person: the rule's name, or None.  Supplied by
# the reconcile stage (boardpapers.ingest.reconcile.owners.same_person); the store only asks.
SamePerson = Callable[[str, str], Optional[str]]


def register_owner(db: sqlite_utils.Database, owner: Owner, document_id: Optional[int] = None,
                   same_person: Optional[SamePerson] = None) -> int:
    """The register entry for an owner, matching earlier papers' spellings conservatively.

    Same name after case, accents and dots -> the same entry; a person whose name
    differs by one variation `same_person` permits -> that person, with the alias
    and the rule that matched recorded; initials a paper defines -> the person
    they stand for.
    """
    name = owner.person or owner.name
    kind = "person" if owner.person else owner.kind
    key = owner_key(name)
    found = db.execute("select id, name from owners where key = ?", [key]).fetchone()
    owner_id: Optional[int] = None
    if found:
        owner_id = found[0]
        if found[1] != name:
            _alias(db, owner_id, name, "same name, printed differently", document_id)
    elif kind == "person" and same_person is not None:
        given, surname = key.split(" ", 1) if " " in key else ("", "")
        for cand_id, cand_name in db.execute(
                "select id, name from owners where kind = 'person' and (surname_key = ? or given_key = ?)",
                [surname, given]).fetchall():
            rule = same_person(name, cand_name)
            if rule:
                owner_id = cand_id
                _alias(db, owner_id, name, rule, document_id)
                break
    if owner_id is None:
        given, surname = key.split(" ", 1) if kind == "person" and " " in key else (None, None)
        owner_id = db["owners"].insert({"key": key, "name": name, "kind": kind, "given_key": given,
                                        "surname_key": surname}).last_pk
    if owner.person:
        _alias(db, owner_id, owner.name, "initials defined in the paper", document_id)
    return owner_id


def _record_holder(db, role_id: int, person: str, document_id: int, same_person: Optional[SamePerson]) -> None:
    """A role's holder as this paper names them, dated by the paper."""
    person_id = register_owner(db, Owner(name=person, kind="person"), document_id, same_person)
    seen = db.execute("select 1 from role_holders where role_owner_id = ? and person_owner_id = ? and document_id = ?",
                      [role_id, person_id, document_id]).fetchone()
    if not seen:
        paper_date = db.execute("select paper_date from documents where id = ?", [document_id]).fetchone()[0]
        db["role_holders"].insert({"role_owner_id": role_id, "person_owner_id": person_id,
                                   "document_id": document_id, "paper_date": paper_date})


def _iso(value: Optional[dt.date]) -> Optional[str]:
    return value.isoformat() if value else None


def _action_row(item: Item, ids: dict, position: int) -> dict:
    d = item.deadline
    return {
        **ids, "position": position, "ref": item.ref, "action": item.action, "progress": item.progress,
        "outcome": item.outcome, "owner_text": item.owner_text, "rag": item.rag, "rag_text": item.rag_text,
        "deadline_text": d.text, "deadline_date": _iso(d.due), "deadline_start": _iso(d.start),
        "deadline_granularity": d.granularity, "deadline_status": d.status,
        "original_deadline_text": d.original.text if d.original else None,
        "original_deadline_date": _iso(d.original.due) if d.original else None,
        "page": item.provenance.page, "last_page": item.provenance.last_page,
        "table_index": item.provenance.table, "line": item.provenance.line, "row_index": item.provenance.row,
        "bbox": _as_json(item.provenance.bbox),
        "completed": int(item.completed),
    }


def write_document(db: sqlite_utils.Database, result: DocumentResult,
                   same_person: Optional[SamePerson] = None) -> int:
    """Store one document's plans, replacing what was stored for its path, atomically.

    same_person matches its owners to people earlier papers named differently;
    without it only the same name (case, accents and dots aside) is the same owner.
    """
    result = result.model_copy(update={"path": storable(result.path), "name": storable(result.name)})
    with write_transaction(db):
        db.execute("delete from ingest_errors where path = ?", [result.path])
        db.execute("delete from document_aliases where path = ?", [result.path])  # its own paper now
        old = db.execute("select id from documents where path = ?", [result.path]).fetchone()
        if old:
            delete_document(db, old[0])
        document_id = db["documents"].insert({
            "path": result.path, "name": result.name, "sha256": result.sha256, "format": result.format,
            "title": result.title, "publisher": result.publisher, "paper_date": _iso(result.paper_date),
            "pages": result.pages,
            "paper_date_source": result.paper_date_source, "metadata_date": _iso(result.metadata_date),
            "plans": len(result.plans), "items": result.item_count,
            "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "status": "ok", "error": None, "warnings": len(result.warnings),
        }).last_pk
        for plan_pos, plan in enumerate(result.plans):
            _write_plan(db, document_id, plan_pos, plan, same_person)
        if old or get_state(db, "tracking_stale") not in (None, TRACKING_ADDED):
            set_state(db, "tracking_stale", TRACKING_REBUILD)  # a paper replaced: every plan is decided again
        else:
            set_state(db, "tracking_stale", TRACKING_ADDED)
        db["ingest_warnings"].insert_all(
            ({"document_id": document_id, "path": result.path, "kind": w.kind, "message": w.message}
             for w in result.warnings), pk="id")
    return document_id


def _as_json(position: Optional[tuple]) -> Optional[str]:
    """A box or a span as stored: a JSON array, or nothing."""
    return json.dumps(list(position)) if position else None


def _write_plan(db, document_id: int, position: int, plan, same_person: Optional[SamePerson]) -> None:
    plan_id = db["plans"].insert({
        "document_id": document_id, "position": position, "title": plan.title, "shape": plan.shape,
        "page": plan.provenance.page, "table_index": plan.provenance.table,
    }).last_pk
    written: list[tuple[Item, int]] = []  # each action and its row
    for rec_pos, actions in enumerate(plan.recommendations):
        first = actions[0]
        rec_id = db["recommendations"].insert({
            "plan_id": plan_id, "document_id": document_id, "position": rec_pos,
            "ref": first.ref, "text": first.recommendation, "page": first.provenance.page,
        }).last_pk
        ids = {"recommendation_id": rec_id, "plan_id": plan_id, "document_id": document_id}
        for item in actions:
            action_id = db["actions"].insert(_action_row(item, ids, len(written))).last_pk
            written.append((item, action_id))
            _write_owners(db, action_id, item, document_id, same_person)
    by_ref: dict[str, int] = {}
    for item, action_id in written:
        if item.ref and item.ref not in by_ref:
            by_ref[item.ref] = action_id
    for item, action_id in written:
        for ref in item.cross_refs:
            db["cross_references"].insert({
                "action_id": action_id, "field": ref.field, "raw": ref.raw, "kind": ref.kind,
                "target_ref": ref.target_ref,
                "target_action_id": by_ref.get(ref.target_ref) if ref.resolved else None,
                "resolved": int(ref.resolved), "span": _as_json(ref.span),
            })


def _write_owners(db, action_id: int, item: Item, document_id: int, same_person: Optional[SamePerson]) -> None:
    for owner_pos, owner in enumerate(item.owners):
        owner_id = register_owner(db, owner, document_id, same_person)
        db["action_owners"].insert({
            "action_id": action_id, "owner_id": owner_id, "position": owner_pos,
            "name_as_printed": owner.name, "honorific": owner.honorific, "cell_text": owner.raw,
            "span": _as_json(owner.span),
        }, ignore=True)
        if owner.holder:
            _record_holder(db, owner_id, owner.holder, document_id, same_person)


def record_failure(db: sqlite_utils.Database, path: str, sha256: Optional[str], kind: str, message: str,
                   traceback: Optional[str] = None) -> None:
    """Note a file that failed, keeping any rows an earlier good run stored for it.

    Those rows are marked stale (status 'stale', the failure in `error`): kept for the record,
    left out of the current views and of a default export, until the file reads again.
    One row per path: the latest failure.  A later success removes it.
    """
    path = storable(path)
    with write_transaction(db):
        db.execute("delete from ingest_errors where path = ?", [path])
        db.execute("update documents set status = 'stale', error = ? where path = ?", [message, path])
        db["ingest_errors"].insert({
            "path": path, "sha256": sha256, "kind": kind, "message": message, "traceback": traceback,
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        })
