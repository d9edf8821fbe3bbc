"""Items as the evaluation format (../shared/eval/FORMAT.md): one dict per item."""
from __future__ import annotations

from boardpapers.schema.models import DocumentResult, Item

EXPORT_COLUMNS = ("document", "ref", "recommendation", "action", "owners", "deadline_text", "deadline",
                  "deadline_status", "progress", "rag", "outcome", "cross_refs")

# Where each item stands, after the evaluation format's keys in an export: its page, its paper's date, its plan.
CONTEXT_COLUMNS = ("page", "paper_date", "plan")
_FORMULA_STARTS = ("=", "+", "-", "@")


def excel_safe(value):
    """A CSV cell a spreadsheet shows as text: one starting like a formula gets a leading
    apostrophe (the convention Excel and LibreOffice read as 'this is text')."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def item_record(document: str, item: Item) -> dict:
    return {
        "document": document,
        "ref": item.ref,
        "recommendation": item.recommendation,
        "action": item.action,
        "owners": [o.name for o in item.owners],
        "deadline_text": item.deadline.text,
        "deadline": item.deadline.due.isoformat() if item.deadline.due else None,
        "deadline_status": item.deadline.status,
        "progress": item.progress,
        "rag": item.rag,
        "outcome": item.outcome,
        "cross_refs": [r.target_ref for r in item.cross_refs if r.resolved and r.target_ref],
    }


def document_records(result: DocumentResult) -> list[dict]:
    return [item_record(result.name, item) for plan in result.plans for item in plan.items]
