"""Make synthetic board papers of realistic shape for benchmarks: narrative pages and ruled plan tables.

    python benchmarks/make_papers.py --pages 300 --out /tmp/long.pdf

The text is generated from a seed (no real paper is copied), so runs are repeatable.
"""
from __future__ import annotations

import argparse
import io
import random
from pathlib import Path

WORDS = ("the board agreed that services should review progress against the plan and report back on "
         "outcomes for residents with partners across the borough including housing health and care").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def long_pdf(pages: int, seed: int = 1, plan_every: int = 2) -> bytes:
    """A paper of `pages` pages: narrative pages, and every `plan_every`-th page a ruled plan table."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    rng = random.Random(seed)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    width, height = A4
    ref = 0
    for number in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(40, height - 30, "Synthetic Council – board papers")
        c.drawString(width - 90, 25, f"Page {number}")
        c.setFont("Helvetica", 9)
        if number % plan_every == 0:
            widths, top = [40, 180, 150, 80, 70], height - 60
            header = ["Ref", "Recommendation", "Action", "Lead", "Deadline"]
            for rownum in range(9):
                if rownum == 0:
                    cells = header
                else:
                    ref += 1
                    cells = [f"{ref // 10 + 1}.{ref % 10 + 1}", sentence(rng, 14), sentence(rng, 9),
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
        else:
            y = height - 70
            for _ in range(12):
                for line in simpleSplit(sentence(rng, 40), "Helvetica", 9, width - 80):
                    c.drawString(40, y, line)
                    y -= 11
                y -= 8
        c.showPage()
    c.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.write_bytes(long_pdf(args.pages, args.seed))
    print(args.out)


if __name__ == "__main__":
    main()
