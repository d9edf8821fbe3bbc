"""Reader for comma-separated exports of a tracker (.csv).

An action log kept in a spreadsheet is often published as its CSV export: a
title or two in the first column, then the header row and a row per action.
The dialect (comma, semicolon or tab; quoting) is sniffed from the text, cells
keep their line breaks as paragraphs, and rows holding one cell before the
table starts are the paper's own lines (its title and date).
"""
from __future__ import annotations

import csv
import io

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.read.text import detect_encoding
from boardpapers.schema.models import Cell, Paragraph, ReadDocument, Row, Table

_DELIMITERS = ",;\t"
_SAMPLE = 8192


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:_SAMPLE], delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel  # one column, or nothing the sniffer can tell: commas


def read_csv(data: bytes, name: str) -> ReadDocument:
    """Read a CSV export into the lines above its table and the table."""
    text = data.decode(detect_encoding(data), errors="replace").lstrip("\ufeff")
    records = [[cell.strip() for cell in record] for record in csv.reader(io.StringIO(text), _dialect(text))]
    blocks: list = []
    rows: list[Row] = []
    for number, record in enumerate(records, 1):
        filled = [cell for cell in record if cell]
        if not filled:
            continue
        if not rows and len(filled) == 1:
            blocks.append(Paragraph(text=collapse(filled[0]), page=1, line=number))
            continue
        rows.append(Row(cells=[Cell(paragraphs=[p.strip() for p in cell.splitlines() if p.strip()]) for cell in record],
                        page=1, line=number))
    if rows:
        blocks.append(Table(rows=rows, page=1, index=0, aligned_paragraphs=False))
    title = next((b.text for b in blocks if isinstance(b, Paragraph)), None)
    return ReadDocument(name=name, format="csv", title=title, blocks=blocks)
