"""How the paths that once went quadratic scale: each input at n and 2n, side by side.

A ratio near 2 is linear; near 4, quadratic.  Run: python benchmarks/hostile.py
"""
from __future__ import annotations

import time

from boardpapers.extractors.cleaning import strip_markup
from boardpapers.extractors.interpret.datespans import _pipeline, find_date_spans
from boardpapers.extractors.interpret.owners import role_holders
from boardpapers.extractors.read.pdf import read_pdf


def _dense_pdf(words: int) -> bytes:
    from tests.readers import pdf_with

    def draw(c, _):
        c.setFont("Helvetica", 2)
        lines = words // 100
        for i in range(lines):
            c.drawString(5, 830 - i * (820 / lines), " ".join(f"w{j}" for j in range(100)))
    return pdf_with(draw)


CASES = {
    "date spans over a run of '_'": (find_date_spans, lambda n: "_" * n),
    "date spans over a run of '('": (find_date_spans, lambda n: "(" * n),
    "role holders over capitalised words": (role_holders, lambda n: "Director " * (n // 9) + "("),
    "markup over a run of '<'": (strip_markup, lambda n: "<" * n),
    "PDF page of n words (screen and read)": (lambda data: read_pdf(data, "x.pdf"), _dense_pdf),
}


def seconds(func, arg) -> float:
    started = time.perf_counter()
    func(arg)
    return time.perf_counter() - started


def main(n: int = 25_000) -> None:
    _pipeline()
    print(f"{'path':40} {'n':>8} {'s at n':>8} {'s at 2n':>8} {'ratio':>6}")
    for name, (func, make) in CASES.items():
        small, large = make(n), make(2 * n)
        a, b = seconds(func, small), seconds(func, large)
        print(f"{name:40} {n:>8} {a:8.3f} {b:8.3f} {b / max(a, 1e-6):6.1f}")


if __name__ == "__main__":
    main()
