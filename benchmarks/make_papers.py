"""Synthetic board papers of realistic shape, for benchmarks: mostly narrative pages with a
plan table running over a few pages, and some Word papers.  Generated from a seed (no real
paper is copied), so runs are repeatable.

    python benchmarks/make_papers.py --papers 200 --pages 20 --out /tmp/bench
"""
from __future__ import annotations

import argparse
import io
import random
from pathlib import Path

WORDS = ("the board agreed that services should review progress against the plan and report back on "
         "outcomes for residents with partners across the borough including housing health and care").split()
HEADER = ["Ref", "Recommendation", "Action", "Lead", "Deadline"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _canvas():
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    buffer = io.BytesIO()
    return buffer, canvas.Canvas(buffer, pagesize=A4, invariant=1), A4


def _furniture(c, width, height, number):
    c.setFont("Helvetica", 8)
    c.drawString(40, height - 30, "Synthetic Council – board papers")
    c.drawString(width - 90, 25, f"Page {number}")
    c.setFont("Helvetica", 9)


def _narrative(c, rng, width, height):
    from reportlab.lib.utils import simpleSplit

    y = height - 70
    for _ in range(12):
        for line in simpleSplit(sentence(rng, 40), "Helvetica", 9, width - 80):
            c.drawString(40, y, line)
            y -= 11
        y -= 8


def _plan_page(c, rng, width, height, first_ref: int, rows: int) -> int:
    from reportlab.lib.utils import simpleSplit

    widths, top = [40, 180, 150, 80, 70], height - 60
    for n in range(rows + 1):
        if n == 0:
            cells = HEADER
        else:
            first_ref += 1
            cells = [f"{first_ref // 10 + 1}.{first_ref % 10 + 1}", sentence(rng, 14), sentence(rng, 9),
                     "Head of Service", f"March 20{rng.randint(20, 29)}"]
        wrapped = [simpleSplit(t, "Helvetica", 9, w - 8) for t, w in zip(cells, widths)]
        h = max(len(w) for w in wrapped) * 11 + 8
        x = 40
        for w, lines in zip(widths, wrapped):
            c.rect(x, top - h, w, h)
            for k, line in enumerate(lines):
                c.drawString(x + 4, top - 13 - 11 * k, line)
            x += w
        top -= h
    return first_ref


def _paper(pages: int, seed: int, is_plan_page) -> bytes:
    """A PDF of `pages` pages: a ruled plan table where is_plan_page(number), narrative elsewhere."""
    rng = random.Random(seed)
    buffer, c, (width, height) = _canvas()
    ref = 0
    for number in range(1, pages + 1):
        _furniture(c, width, height, number)
        if is_plan_page(number):
            ref = _plan_page(c, rng, width, height, ref, rows=8)
        else:
            _narrative(c, rng, width, height)
        c.showPage()
    c.save()
    return buffer.getvalue()


def board_paper(pages: int, seed: int, plan_pages: int | None = None) -> bytes:
    """Narrative, then a plan table over `plan_pages` pages (a seventh of the paper), then narrative."""
    plan_pages = plan_pages if plan_pages is not None else max(1, pages // 7)
    start = max(2, pages // 2 - plan_pages // 2)
    return _paper(pages, seed, lambda n: start <= n < start + plan_pages)


def long_pdf(pages: int, seed: int = 1, plan_every: int = 2) -> bytes:
    """A paper of `pages` pages with a ruled plan table on every `plan_every`-th page."""
    return _paper(pages, seed, lambda n: n % plan_every == 0)


def word_paper(seed: int) -> bytes:
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    document.add_heading("Synthetic Council", 1)
    for _ in range(20):
        document.add_paragraph(sentence(rng, 40))
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for n in range(12):
        row = table.add_row().cells
        for cell, text in zip(row, [f"1.{n + 1}", sentence(rng, 12), sentence(rng, 8), "Head of Service", "June 2025"]):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_batch(target: Path, papers: int, pages: int, seed: int = 1, word_every: int = 10) -> list[Path]:
    """Write `papers` papers into target: one in `word_every` a Word paper, the rest PDFs of `pages` pages."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(papers):
        if word_every and n % word_every == word_every - 1:
            path = target / f"paper_{n:04d}.docx"
            path.write_bytes(word_paper(seed + n))
        else:
            path = target / f"paper_{n:04d}.pdf"
            path.write_bytes(board_paper(pages, seed + n))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=200)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(len(make_batch(args.out, args.papers, args.pages, args.seed)), "papers in", args.out)


if __name__ == "__main__":
    main()
