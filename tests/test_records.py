from boardpapers.extractors.find.records import find_records, label_of
from boardpapers.extractors.read.text import read_text


def records(text: str):
    doc = read_text(text.encode(), "x.txt")
    return find_records(doc.blocks, "x.txt")


def test_rated_sections_with_labels_on_their_own_lines():
    plans = records("\n".join([
        "Section", "", "2.1 Reduce falls", "", "Contacts", "", "Amy Ross, Falls Lead, Northshire Trust", "",
        "A falls clinic opened in May.", "", "RATING", "Green", "", "Good progress has been made.", "",
        "Section\t2.2 Improve hydration", "Contact(s)\tOwen Lee", "Water rounds restarted on all wards.",
        "**Rating", "Amber**", "",
    ]))
    assert len(plans) == 1 and plans[0].shape == "rated_sections"
    a, b = plans[0].items
    assert (a.ref, a.recommendation, a.owner, a.rag) == ("2.1", "Reduce falls", "Amy Ross, Falls Lead, Northshire Trust", "Green")
    assert a.progress == "A falls clinic opened in May."
    assert (b.ref, b.rag, b.progress) == ("2.2", "Amber", "Water rounds restarted on all wards.")


def test_priorities_need_next_steps():
    plans = records("\n".join([
        "Priority 1: Reduce premature mortality", "", "Chart: deaths under 75", "",
        "Starting well", "", "Priority: Children are ready for school.", "", "Nursery places rose.", "",
        "Next steps:", "", "Open a second hub.", "",
    ]))
    assert len(plans) == 1 and plans[0].shape == "priorities"
    (item,) = plans[0].items
    assert item.recommendation == "Children are ready for school."
    assert item.progress == "Nursery places rose. Next steps: Open a second hub."


def test_priorities_listed_together_share_labelled_parts():
    plans = records("\n".join([
        "Priority 1: Children's mental health.", "Priority 2: Adults' mental health.",
        "CYP - A new referral route opened.", "More schools joined.", "Adults - Two cafes opened.",
        "Next steps:", "CYP - Recruit wave 10.", "Adults - Announce grants.",
    ]))
    a, b = plans[0].items
    assert a.progress == "CYP - A new referral route opened. More schools joined. Next steps: CYP - Recruit wave 10."
    assert b.progress == "Adults - Two cafes opened. Next steps: Adults - Announce grants."


def test_label_of():
    assert label_of("Contact(s): Jo Bell") == ("owner", "Jo Bell")
    assert label_of("RATING Amber") == ("rag", "Amber")
    assert label_of("Progress against sponsor priorities")[0] is None
    assert label_of("Next steps:") == ("next_steps", "")
