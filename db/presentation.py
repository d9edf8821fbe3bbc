"""How ratings look wherever boardpapers shows them: the Datasette board view and the printed report.

One table of colours, so a red badge in the browser is the red bar of the report.
"""
from __future__ import annotations

from typing import Optional

from markupsafe import Markup, escape

from boardpapers.schema.models import RATINGS

# Colours with white text legible on them (the GOV.UK palette's red, orange, green and blue).
RAG_DISPLAY: dict[str, str] = {"red": "#d4351c", "amber": "#b35a00", "green": "#00703c", "blue": "#1d70b8"}
UNRATED_COLOUR = "#6f777b"
RATING_ORDER = (*RATINGS, None)  # severity first, unrated last
# Columns that hold a rating (red, amber, green, blue), in any table or view boardpapers makes.
RATING_COLUMNS = frozenset({"rag", "earlier_rag", "later_rag", "last_rag"})


def rating_colour(rag: Optional[str]) -> str:
    return RAG_DISPLAY.get(rag or "", UNRATED_COLOUR)


def rating_label(rag: Optional[str]) -> str:
    return {"blue": "complete"}.get(rag or "", rag or "unrated")


def rating_badge(rag: Optional[str]) -> Markup:
    """A rating as a coloured badge, its word inside so it reads without colour too."""
    style = (f"background:{rating_colour(rag)};color:#fff;padding:1px 7px;border-radius:9px;"
             "font-size:0.85em;font-weight:bold;white-space:nowrap")
    return Markup(f'<span class="rag rag-{escape(rag or "none")}" style="{style}">{escape(rag or "unrated")}</span>')
