"""Pydantic models passed between the stages: read -> find -> interpret -> reconcile -> store."""
from boardpapers.schema.models import (  # noqa: F401
    Block, Cell, CrossReference, Deadline, DocumentResult, Item, Owner, Paragraph, Plan,
    PlanDraft, Provenance, RawItem, ReadDocument, Row, Table,
)
