"""The publishing body a paper names at its top, used as evidence that two papers carry one plan."""
import pytest

from boardpapers.extractors.interpret.publisher import find_publisher
from boardpapers.schema.models import Paragraph, ReadDocument


def _paper(*lines: str) -> ReadDocument:
    return ReadDocument(name="p.txt", format="text", blocks=[Paragraph(text=line, page=1) for line in lines])


@pytest.mark.parametrize("lines, publisher", [
    (("Riverdale Council", "Audit Committee 10 March 2021"), "Riverdale Council"),
    (("AGENDA ITEM 7", "WEXCOMBE HEALTH AND CARE PARTNERSHIP", "Falls prevention plan"),
     "WEXCOMBE HEALTH AND CARE PARTNERSHIP"),
    (("Northshire Council – Housing Scrutiny Committee action plan",), "Northshire Council"),
    (("Eastvale NHS Foundation Trust",), "Eastvale NHS Foundation Trust"),
    # a PDF joins the masthead's lines into one paragraph
    (("Wexcombe Health and Care Partnership Partnership Board, 18 October 2023",), "Wexcombe Health and Care Partnership"),
    (("The Council agreed the plan in March.",), None),
    # a sentence that happens to end in a body's word is not a name; nor is a lower-case line
    (("The recommendations were accepted in full by the board",), None),
    (("minutes of the council",), None),
    (("Action plan", "Progress update, June 2024"), None),
])
def test_the_body_named_at_the_top(lines, publisher):
    assert find_publisher(_paper(*lines)) == publisher
