"""Shared test helpers: where fixtures, the corpus and ../shared live."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


def need_shared(path: Path) -> Path:
    """path under ../shared; skip when it is absent, but fail in CI, which must have it."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the checkout")
        pytest.skip(f"{path} is not present")
    return path


def load_scorer():
    """The shared scorer module, or skip the test when ../shared is not beside the checkout."""
    path = need_shared(SHARED / "eval" / "score.py")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["shared_score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def scorer():
    return load_scorer()


def corpus_item_count() -> int:
    """Items the whole corpus holds: its gold files, and one per ref of the series' gold."""
    import json

    count = sum(len(json.loads(g.read_text(encoding="utf-8"))["items"]) for g in (CORPUS / "gold").glob("*.json"))
    series = json.loads((CORPUS / "series" / "gold.json").read_text(encoding="utf-8"))
    return count + sum(len(refs) for refs in series.values())
