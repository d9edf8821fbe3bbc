"""Would dateparser help as a fallback?  Measured over the deadline test table.

For every case our grammar leaves without a date, dateparser is asked; the
script counts cases it would put right and cases it would make wrong (a
date for a text that has none, or a different date).

    python benchmarks/deadline_fallback.py
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from boardpapers.extractors.interpret.dates import parse_deadline  # noqa: E402
from tests.test_dates import CASES, MORE_CASES  # noqa: E402


def main() -> None:
    import dateparser

    gained = lost = asked = 0
    for text, paper, status, due, _ in CASES + MORE_CASES:
        ours = parse_deadline(text, paper)
        if ours.status == "date" or not text or not text.strip():
            continue
        asked += 1
        base = dt.datetime.combine(paper, dt.time())
        guess = dateparser.parse(text, settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": base,
                                                  "PREFER_DAY_OF_MONTH": "last"})
        if guess is None:
            continue
        day = guess.date()
        if due is not None and day == due:
            gained += 1
        else:
            lost += 1
            print(f"  wrong: {text!r} -> {day} (expected {due or status})")
    print(f"cases without a date from the grammar: {asked}; dateparser would fix {gained}, break {lost}")


if __name__ == "__main__":
    main()
