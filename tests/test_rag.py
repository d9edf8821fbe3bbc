import pytest

from boardpapers.extractors.interpret.rag import parse_rag


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


@pytest.mark.parametrize("text, rag", [("Amber", "amber"), ("Green/Amber", "amber"), ("Complete", None),
                                       ("Done", None), ("Green progress on roofs", None), ("G", None)])
def test_colour_only(text, rag):
    from boardpapers.extractors.interpret.rag import colour_only

    assert colour_only(text) == rag


def test_status_column_of_colours_is_the_rating():
    from boardpapers.extractors.interpret.item import interpret_item
    from boardpapers.schema.models import Provenance, RawItem

    item = interpret_item(RawItem(action="Fix it.", progress="Amber", provenance=Provenance(document="x")), None)
    assert (item.rag, item.progress, item.rag_text) == ("amber", None, "Amber")


@pytest.mark.parametrize("text", ["✔", "✓ Complete", "✅"])
def test_a_tick_in_a_rating_column_is_done(text):
    assert parse_rag(text) == "blue"
