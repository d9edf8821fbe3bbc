"""Datasette metadata for a boardpapers database: descriptions, facets, sort orders, canned queries.

Generated (not a static file) because Datasette keys it by the database's
name, which is the file's stem.  `boardpapers serve` writes it out and starts
Datasette with it; `boardpapers metadata` prints it for use elsewhere.
"""
from __future__ import annotations

from pathlib import Path

from datasette.utils import tilde_encode
from markupsafe import escape

from boardpapers.db.presentation import RAG_DISPLAY, UNRATED_COLOUR
from boardpapers.db.schema import CURRENT_PLANS, NOT_DONE, current_plans_as_of

TITLE = "boardpapers"
DESCRIPTION = ("Action plans extracted from board papers: recommendations, the actions agreed for them, "
               "who owns them, deadlines (as printed and as dates), progress and RAG ratings, with the page "
               "each row came from.")
SOURCE = "Board, committee and health and wellbeing board papers ingested with boardpapers"
LICENSE = ("The papers belong to the bodies that published them; check each publisher's terms "
           "(many public-sector papers are under the Open Government Licence) before reusing text.")

COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "path": "Where the file was read from", "name": "File name", "sha256": "Content hash; an unchanged file is skipped",
        "format": "Format read from the content (pdf, docx, html, text, markdown)", "title": "Title the paper gives itself",
        "publisher": "The body the paper names at its top (a council, trust, board or partnership)",
        "paper_date": "The paper's own date (meeting or report date); fills in years deadlines leave out",
        "paper_date_source": "Where paper_date came from: printed in the paper, or the file metadata when none is",
        "metadata_date": "The date the file's properties give (PDF CreationDate, Word created): when the file was made",
        "pages": "Pages read", "plans": "Plans found", "items": "Items found", "ingested_at": "When it was stored (UTC)",
        "status": "ok, or stale: the file changed and failed when read again, so these rows are an earlier reading, left out of the current views and default exports", "error": "Why the latest reading failed",
        "warnings": "How many warnings reading it raised (see ingest_warnings)",
    },
    "plans": {
        "document_id": "The paper", "position": "Order in the paper", "title": "Heading or caption naming the plan",
        "shape": "table, rated_sections, priorities or minutes", "page": "First page", "table_index": "Which table on the page run",
    },
    "recommendations": {
        "plan_id": "The plan", "document_id": "The paper", "position": "Order in the plan",
        "ref": "Number as printed (1.2, 4.10, BOD 24/18(b))", "text": "Recommendation, section title or priority, as printed",
        "page": "Page it starts on",
    },
    "actions": {
        "recommendation_id": "What it answers", "plan_id": "The plan", "document_id": "The paper",
        "position": "Order in the plan", "ref": "Row number as printed", "action": "The action agreed, as printed",
        "progress": "Progress or update, as printed", "outcome": "Expected outcome, as printed",
        "owner_text": "Responsibility cell as printed", "rag": "red, amber, green or blue (complete)",
        "rag_text": "Rating as printed", "deadline_text": "Deadline as printed",
        "deadline_date": "Last day of the period the deadline names", "deadline_start": "First day of that period",
        "deadline_granularity": "day, week, month, quarter, season, half, financial_year or year",
        "deadline_status": "date, ongoing, tba, relative (tied to an event) or none",
        "original_deadline_text": "Earlier deadline a revision replaced", "original_deadline_date": "Its last day",
        "page": "Page the row starts on", "last_page": "Page it ends on", "table_index": "Table on the page run",
        "line": "Line in a text dump",
        "row_index": "The row it starts on in its table, counted from 0 (header rows too)",
        "bbox": "PDF: that row's box on the page, [x0, top, x1, bottom] in points from the top-left",
        "completed": "1 when the row is marked done (a blue rating, or progress opening Complete, Done, Closed ...)",
    },
    "owners": {
        "key": "Name with case, accents and dots ignored", "name": "Person, role or body",
        "kind": "person, role, organisation or initials", "given_key": "First name (people)", "surname_key": "Surname (people)",
    },
    "owner_aliases": {
        "owner_id": "The register entry", "alias": "Another way a paper printed this owner",
        "rule": "Why they were matched", "document_id": "Paper that printed it, where the rule is per paper",
    },
    "action_owners": {
        "action_id": "The action", "owner_id": "The register entry", "position": "Order in the cell",
        "name_as_printed": "The owner as this paper printed it", "honorific": "Dr, Cllr Mrs ... when printed",
        "cell_text": "Part of the cell it came from",
        "span": "Where the name is printed in the action's owner_text: [start, end] characters",
    },
    "ingest_errors": {
        "path": "The file", "sha256": "Its content hash when it could be read", "kind": "Short name of the failure "
        "(empty_file, corrupt, encrypted, no_text_layer, unsupported_format, too_large, timeout, ...)",
        "message": "What went wrong, in a sentence", "at": "When (UTC)",
        "traceback": "For internal_error (a bug in boardpapers, not in the file): where it broke; please report it",
    },
    "ingest_warnings": {
        "document_id": "The paper", "path": "The file", "kind": "Short name of the warning "
        "(no_plan, encoding_fallback, extension_mismatch, pdf_recovered, page_unreadable, html_depth_limit, "
        "field_truncated)", "message": "What was noticed, in a sentence",
    },
    "state": {"key": "What is recorded (tracking_stale: plan tracking must be rebuilt)", "value": "Its value"},
    "document_aliases": {"document_id": "The paper stored", "path": "Another path its very bytes were met under",
                         "seen_at": "When (UTC)"},
    "tracked_plans": {"title": "Title of the latest version", "versions": "How many papers carry a version"},
    "plan_versions": {
        "plan_id": "A plan as one paper prints it", "tracked_plan_id": "The plan it is a version of",
        "version": "1 for the earliest paper, then in paper-date order",
        "score": "How alike it is to the version before (0-1)",
        "evidence": "The parts of the score: title, refs, text, publisher", "decided": "new, auto or manual",
    },
    "tracked_items": {
        "tracked_plan_id": "The plan", "label": "The action as first printed", "first_version": "First version it is in",
        "last_version": "Last version it is in", "merged_into_id": "The item that took it over, when two became one",
    },
    "progress_updates": {
        "tracked_item_id": "The item", "tracked_plan_id": "The plan", "action_id": "The row in that paper",
        "document_id": "The paper", "version": "Version of the plan", "paper_date": "The paper's date",
        "ref": "Ref in that version", "recommendation": "As printed then", "action": "As printed then",
        "progress": "Progress reported then", "rag": "Rating then", "deadline_text": "Deadline as printed then",
        "deadline_date": "Its last day", "owners": "Owners then", "completed": "1 when marked complete",
        "score": "How alike it is to the item's previous version (0-1)", "evidence": "What the match rested on",
    },
    "plan_links": {
        "path_a": "One plan's paper", "position_a": "Its position in the paper", "path_b": "The other plan's paper",
        "position_b": "Its position", "decision": "link or unlink, by hand", "at": "When (UTC)",
    },
    "role_holders": {
        "role_owner_id": "The role", "person_owner_id": "Who held it", "document_id": "The paper that says so",
        "paper_date": "The paper's date",
    },
    "cross_references": {
        "action_id": "Row that refers", "field": "Cell the reference is in", "raw": "Reference as printed",
        "span": "Where it is printed in the action's field text: [start, end] characters",
        "kind": "explicit (see 4.3), range (Items 11.1 - 11.5) or anaphoric (As above)",
        "target_ref": "Ref it points at", "target_action_id": "Row it points at; empty when it dangles",
        "resolved": "1 when a row of the same plan has that ref",
    },
}

TABLES: dict[str, dict] = {
    "documents": {"description": "One row per file ingested, including files that failed.", "label_column": "name",
                  "facets": ["format", "status"], "sort_desc": "paper_date"},
    "plans": {"description": "Action plans found in the papers.", "label_column": "title",
              "facets": ["shape", "document_id"]},
    "recommendations": {"description": "Recommendations (or sections, or priorities) that actions answer.",
                        "label_column": "text", "facets": ["document_id"]},
    "actions": {"description": "One row per item: the row of a plan a board member would tick off.",
                "label_column": "action", "facets": ["deadline_status", "rag", "document_id"], "sort": "deadline_date"},
    "owners": {"description": "Everyone and everything that owns an action, across all papers.", "label_column": "name",
               "facets": ["kind"], "sort": "name"},
    "owner_aliases": {"description": "Other spellings matched to an owner, and the rule that matched them.",
                      "facets": ["rule"]},
    "action_owners": {"description": "Which owner holds which action."},
    "ingest_errors": {"description": "Files the last run could not store, with why (one row per file).",
                      "facets": ["kind"], "sort_desc": "at"},
    "ingest_warnings": {"description": "Files that were stored, but not quite as they stand: read by a fallback, "
                                       "cut short, or holding no plan.", "facets": ["kind"]},
    "state": {"description": "Bookkeeping between batches."},
    "document_aliases": {"description": "Other paths and names a stored paper was met under (a copy, a renamed "
                                        "file, a linked folder): the same bytes are one paper, stored once."},
    "tracked_plans": {"description": "Plans followed through successive papers.", "label_column": "title"},
    "plan_versions": {"description": "Which stored plan is which version of a tracked plan, with the evidence.",
                      "facets": ["decided", "tracked_plan_id"]},
    "tracked_items": {"description": "Recommendations and actions followed from version to version.",
                      "label_column": "label", "facets": ["tracked_plan_id"]},
    "progress_updates": {"description": "Each tracked item as each paper reported it: its timeline.",
                         "facets": ["tracked_plan_id", "rag", "completed"], "sort": "paper_date"},
    "plan_links": {"description": "Decisions made by hand that two plans are, or are not, versions of one plan."},
    "role_holders": {"description": "Who a paper names as holding a role (\"Director of Public Health (Rod Moore)\")."},
    "cross_references": {"description": "References from one row to another (see 4.3, Items 11.1 - 11.5, As above).",
                         "facets": ["kind", "resolved"]},
}

VIEWS: dict[str, dict] = {
    "items": {"description": "Every item in the evaluation format, with its paper, plan and page.",
              "facets": ["document", "deadline_status", "rag", {"array": "owners"}], "sort": "document"},
    "current_actions": {"description": "Every item as it stands now: from the latest version of each tracked "
                                       "plan, and from plans not tracked. Earlier versions' rows are history.",
                        "facets": ["document", {"array": "owners"}, "rag", "deadline_status"]},
    "overdue_actions": {"description": "Current actions (the latest version of each plan) due before today and not "
                                       "marked complete. For another date use the 'Overdue as of a date' query.",
                        "facets": ["document", "owners", "rag"], "sort_desc": "days_overdue"},
    "upcoming_deadlines": {"description": "Current actions due today or later and not complete, soonest first. "
                                          "For another date use the 'Upcoming as of a date' query.",
                           "facets": ["document", "owners"], "sort": "days_left"},
    "actions_by_owner": {"description": "One row per owner and current action: everything each person, role or body "
                                        "holds now (held_by_person has the history).",
                         "facets": ["owner", "owner_kind", "document", "rag", "deadline_status"], "sort": "owner"},
    "dangling_references": {"description": "References to rows that do not exist in the same plan.",
                            "facets": ["document", "kind"]},
    "item_history": {"description": "Each tracked item's timeline: paper date, rating, deadline and progress.",
                     "facets": ["tracked_plan", "rag"], "sort": "paper_date"},
    "slipped_deadlines": {"description": "Where a later version moved an item's deadline later, and by how many days.",
                          "sort_desc": "days_slipped"},
    "rag_changes": {"description": "Where an item's rating changed from one version to the next.",
                    "facets": ["earlier_rag", "later_rag"]},
    "stalled_items": {"description": "Items whose progress text did not change between versions (and are not complete)."},
    "dropped_items": {"description": "Items in one version and gone from the next, without being marked complete."},
    "held_by_person": {"description": "Everything a person has held: by name, or as the holder of a role a paper "
                                      "names them in (\"Director of Public Health (Rod Moore)\").",
                       "facets": ["person", "how", "document"], "sort": "paper_date"},
    "rag_summary": {"description": "How many actions carry each rating, by plan.", "facets": ["document", "rag"]},
}

# The search words as one FTS phrase, so that punctuation in them ("see 4.3") is not query syntax.
_AS_PHRASE = """'"' || replace(:q, '"', '""') || '"'"""

QUERIES: dict[str, dict] = {
    "overdue_as_of": {
        "title": "Overdue as of a date",
        "description": "Actions that stood on :as_of (YYYY-MM-DD: each plan's latest version from a paper dated "
                       "then or before) with a dated deadline before it, not marked complete.",
        "sql": """select actions.id as action_id, documents.name as document, actions.ref, actions.action,
  (select group_concat(name_as_printed, '; ') from action_owners where action_id = actions.id) as owners,
  actions.deadline_text, actions.deadline_date as deadline,
  cast(julianday(:as_of) - julianday(actions.deadline_date) as integer) as days_overdue, actions.rag
from actions join documents on documents.id = actions.document_id
where actions.plan_id in """ + current_plans_as_of(":as_of") + """
  and actions.deadline_status = 'date' and actions.deadline_date < :as_of and """ + NOT_DONE + """
order by actions.deadline_date""",
    },
    "upcoming_as_of": {
        "title": "Upcoming as of a date",
        "description": "Actions that stood on :as_of (YYYY-MM-DD) due on or after it and not marked complete.",
        "sql": """select actions.id as action_id, documents.name as document, actions.ref, actions.action,
  (select group_concat(name_as_printed, '; ') from action_owners where action_id = actions.id) as owners,
  actions.deadline_text, actions.deadline_date as deadline,
  cast(julianday(actions.deadline_date) - julianday(:as_of) as integer) as days_left, actions.rag
from actions join documents on documents.id = actions.document_id
where actions.plan_id in """ + current_plans_as_of(":as_of") + """
  and actions.deadline_status = 'date' and actions.deadline_date >= :as_of and """ + NOT_DONE + """
order by actions.deadline_date""",
    },
    "owner_actions": {
        "title": "Everything one owner holds",
        "description": "Actions held by an owner whose name (or any alias) contains :owner.",
        "sql": """select distinct v.* from actions_by_owner v
left join owner_aliases a on a.owner_id = v.owner_id
where v.owner like '%' || :owner || '%' or v.printed_as like '%' || :owner || '%' or a.alias like '%' || :owner || '%'
order by v.paper_date, v.document, v.ref""",
    },
    "search": {
        "title": "Search all text",
        "description": "Recommendations, actions, progress and outcomes holding the words :q (as a phrase).",
        "sql": f"""select items.* from items where action_id in (
  select rowid from actions_fts where actions_fts match {_AS_PHRASE}
  union
  select actions.id from actions join recommendations r on r.id = actions.recommendation_id
  where r.id in (select rowid from recommendations_fts where recommendations_fts match {_AS_PHRASE}))
order by document, action_id""",
    },
}


# The questions the front page leads with, in the order a board asks them: (view or query, title).
QUESTIONS = (
    ("overdue_actions", "What is overdue?"),
    ("upcoming_deadlines", "What is coming up?"),
    ("actions_by_owner", "Who holds what?"),
    ("slipped_deadlines", "Which deadlines slipped?"),
    ("rag_summary", "How are the plans rated?"),
    ("item_history", "What happened to each item, paper by paper?"),
    ("dangling_references", "Which cross-references point at nothing?"),
)
DASHBOARD = "board"


def front_page(name: str) -> str:
    """The index page's opening: the questions with their answers' descriptions, a search box
    over all the text, and the dashboard; Datasette lists the tables after it."""
    base = "/" + tilde_encode(name)
    questions = "".join(
        f'<li><a href="{base}/{view}"><strong>{escape(title)}</strong></a> {escape(VIEWS[view]["description"])}</li>'
        for view, title in QUESTIONS)
    return (f'<p>{escape(DESCRIPTION)}</p>'
            f'<form action="{base}/search" method="get" style="margin: 10px 0 14px;">'
            f'<p><strong>Search every recommendation, action, progress note and outcome</strong></p>'
            f'<input type="search" name="q" size="40" aria-label="Search" placeholder="e.g. discharge, fraud policy"> '
            f'<input type="submit" value="Search"></form>'
            f'<h2>Questions</h2><ul class="boardpapers-questions">{questions}</ul>'
            f'<p><a href="/-/dashboards/{DASHBOARD}"><strong>Dashboard</strong></a>: ratings by plan, overdue and '
            f'completed by owner, slipped deadlines over time, items per paper. '
            f'<a href="{base}/current_actions">Every current action</a> &middot; '
            f'<a href="{base}/documents">The papers</a></p><h2>All tables and views</h2>')


def dashboard(name: str) -> dict:
    """The charts of the board dashboard (datasette-dashboards: Vega-Lite, served from the plugin, no network)."""
    colours = {"domain": [*RAG_DISPLAY, "unrated"], "range": [*RAG_DISPLAY.values(), UNRATED_COLOUR]}
    overdue = f"deadline_status = 'date' and deadline_date < date('now') and {NOT_DONE}"
    return {
        "title": "Action plans at a glance",
        "description": "Current actions: the latest version of every plan. Ratings, who holds what is overdue "
                       "and done, how deadlines have slipped, and how much each paper holds.",
        "layout": [["overdue-count", "slipped-count"], ["ratings-by-plan", "ratings-by-plan"],
                   ["owners", "owners"], ["slippage", "items-per-paper"]],
        "charts": {
            "overdue-count": {"title": "Overdue now", "db": name, "library": "metric", "display": {"field": "n"},
                              "query": "select count(*) as n from overdue_actions"},
            "slipped-count": {"title": "Deadlines moved later", "db": name, "library": "metric",
                              "display": {"field": "n"}, "query": "select count(*) as n from slipped_deadlines"},
            "ratings-by-plan": {
                "title": "Ratings by plan", "db": name, "library": "vega-lite",
                "query": """select coalesce(plan, document) as plan, coalesce(rag, 'unrated') as rating,
                              count(*) as actions from current_actions group by 1, 2""",
                "display": {"mark": {"type": "bar", "tooltip": True},
                            "encoding": {"y": {"field": "plan", "type": "nominal", "sort": "-x", "title": None},
                                         "x": {"field": "actions", "type": "quantitative", "aggregate": "sum"},
                                         "color": {"field": "rating", "type": "nominal", "scale": colours}}}},
            "owners": {
                "title": "Overdue and completed, by owner (the 25 with most)", "db": name, "library": "vega-lite",
                "query": f"""with held as (select o.name as owner,
                                  sum(case when {overdue} then 1 else 0 end) as overdue,
                                  sum(coalesce(actions.completed, 0)) as completed
                               from action_owners ao join owners o on o.id = ao.owner_id
                               join actions on actions.id = ao.action_id
                               where actions.plan_id in {CURRENT_PLANS} group by o.id
                               having overdue + completed > 0 order by overdue desc, completed desc limit 25)
                             select owner, 'overdue' as state, overdue as actions from held
                             union all select owner, 'completed', completed from held""",
                "display": {"mark": {"type": "bar", "tooltip": True},
                            "encoding": {"y": {"field": "owner", "type": "nominal", "sort": "-x", "title": None},
                                         "x": {"field": "actions", "type": "quantitative", "aggregate": "sum"},
                                         "color": {"field": "state", "type": "nominal",
                                                   "scale": {"domain": ["overdue", "completed"],
                                                             "range": [RAG_DISPLAY["red"], RAG_DISPLAY["green"]]}}}}},
            "slippage": {
                "title": "Slipped deadlines, by the paper that moved them", "db": name, "library": "vega-lite",
                "query": """select later_paper as paper_date, count(*) as items, sum(days_slipped) as days
                            from slipped_deadlines group by later_paper order by later_paper""",
                "display": {"mark": {"type": "bar", "tooltip": True},
                            "encoding": {"x": {"field": "paper_date", "type": "ordinal", "title": "Paper date"},
                                         "y": {"field": "items", "type": "quantitative", "title": "Items slipped"},
                                         "color": {"value": RAG_DISPLAY["amber"]}}}},
            "items-per-paper": {
                "title": "Items per paper", "db": name, "library": "vega-lite",
                "query": """select name as paper, coalesce(paper_date, 'undated') as paper_date, items
                            from documents where status = 'ok' and items > 0 order by paper_date""",
                "display": {"mark": {"type": "bar", "tooltip": True},
                            "encoding": {"y": {"field": "paper", "type": "nominal", "sort": None, "title": None},
                                         "x": {"field": "items", "type": "quantitative"},
                                         "color": {"value": RAG_DISPLAY["blue"]}}}},
        },
    }


def build_metadata(db_path: str | Path) -> dict:
    """Metadata for Datasette for the database at db_path."""
    name = Path(db_path).stem
    tables = {}
    for table, spec in TABLES.items():
        tables[table] = {**spec, "columns": COLUMNS.get(table, {})}
    for table in ("actions", "recommendations"):
        tables[table]["fts_table"] = f"{table}_fts"
        tables[table]["fts_pk"] = "id"
    for view, spec in VIEWS.items():
        tables[view] = dict(spec)
    return {
        "title": TITLE, "description_html": front_page(name), "source": SOURCE, "license": LICENSE,
        "databases": {name: {"description": DESCRIPTION, "tables": tables, "queries": QUERIES}},
        "plugins": {"datasette-dashboards": {DASHBOARD: dashboard(name)}},
    }
