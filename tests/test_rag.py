import pytest

from extractors.rag import parse_rag


@pytest.mark.parametrize("text, rag", [
    ("Red", "red"), ("AMBER", "amber"), ("Green", "green"), ("Blue", "blue"),
    ("R", "red"), ("A", "amber"), ("G", "green"), ("B", "blue"),
    ("Amber/Green", "amber"), ("Green-Amber", "amber"), ("Red / Amber", "red"),
    ("Complete", "blue"), ("Completed", "blue"), ("RATING Amber", "amber"), ("RAG: Green", "green"),
    ("", None), (None, None), ("On track", None),
    ("Good progress has been made and the green space is open", None),
])
def test_parse_rag(text, rag):
    assert parse_rag(text) == rag
