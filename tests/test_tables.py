from boardpapers.extractors.find.tables import find_table_plans, strip_glued_header
from boardpapers.extractors.read.text import read_text
from boardpapers.schema.models import Table


def plans_of(text: str):
    doc = read_text(text.encode(), "x.txt")
    return [p for b in doc.blocks if isinstance(b, Table) for p in find_table_plans(b, "x.txt")]


HEAD = "Ref\tRecommendation\tAction\tLead\tDeadline\tProgress"


def test_numbered_rows_and_empty_first_cells():
    plans = plans_of("\n".join([
        HEAD,
        "1.1\tRecruit two nurses.\tAdvertise the posts.\tHead of Nursing\tMay 2020\tAdvert out.",
        "\t\tInterview in June.\tHead of Nursing\tJune 2020\t",
        "1.2\tReview rotas.\tAudit rotas on two wards.\tMatron\tQ2\tStarted.",
    ]))
    items = plans[0].items
    assert [(i.ref, i.action) for i in items] == [
        ("1.1", "Advertise the posts."), ("1.1", "Interview in June."), ("1.2", "Audit rotas on two wards.")]
    assert items[1].recommendation == "Recruit two nurses."


def test_row_split_by_page_break_is_joined():
    plans = plans_of("\n".join([
        HEAD,
        "2.1\tAgree a single\tDraft the\tChief Officer\tJuly 2021\tDraft under way and",
        "", "7", "",
        HEAD,
        "\tframework for grants.\tframework.\t\t\tdue in May.",
        "2.2\tPublish the results.\tPut results online.\tComms Lead\tAugust 2021\t",
    ]))
    items = plans[0].items
    assert len(items) == 2
    assert items[0].recommendation == "Agree a single framework for grants."
    assert items[0].action == "Draft the framework."
    assert items[0].progress == "Draft under way and due in May."
    assert items[0].provenance.page == 1 and items[0].provenance.last_page == 2


def test_single_cell_row_continues_its_column():
    plans = plans_of("\n".join([
        HEAD,
        "3.1\tImprove signage.\tReplace signs in the car park.\tEstates\tOctober 2021\tSigns ordered.",
        "\t\t\t\t\tFitting booked for September.",
    ]))
    assert plans[0].items[0].progress == "Signs ordered. Fitting booked for September."


def test_section_heading_rows_are_not_items():
    plans = plans_of("\n".join([
        HEAD, "4. Workforce\t\t\t\t\t",
        "4.1\tCut agency spend.\tAgree a cap.\tFinance Director\tMarch 2022\t",
    ]))
    assert [i.ref for i in plans[0].items] == ["4.1"]


def test_missing_number_is_inferred_only_between_neighbours():
    plans = plans_of("\n".join([
        HEAD,
        "5.1\tA.\tDo a.\tX Team\tMay 2020\t",
        "\tSomething new starts here.\tDo b.\tX Team\tMay 2020\tDone.",
        "5.3\tC.\tDo c.\tX Team\tMay 2020\t",
    ]))
    assert [i.ref for i in plans[0].items] == ["5.1", "5.2", "5.3"]


def test_two_headers_make_two_plans_and_repeated_header_one():
    plans = plans_of("\n".join([
        HEAD, "1.1\tA.\tDo a.\tX Team\tMay 2020\t",
        HEAD, "1.2\tB.\tDo b.\tX Team\tMay 2020\t",
        "Action\tOwner\tDue", "Tidy up.\tY Team\tJune 2020",
    ]))
    assert [len(p.items) for p in plans] == [2, 1]


def test_two_deadline_columns_keep_the_revised_one():
    plans = plans_of("\n".join([
        "Action\tOwner\tOriginal deadline\tRevised deadline",
        "Publish the strategy.\tPolicy Lead\tMarch 2020\tJune 2020",
    ]))
    item = plans[0].items[0]
    assert item.deadline == "June 2020" and item.original_deadline == "March 2020"


def test_strip_glued_header():
    assert strip_glued_header("Progress & next stepsCVD work started", "Progress & next steps") == "CVD work started"
    assert strip_glued_header("Leader of the council", "Lead") == "Leader of the council"


def test_row_with_its_own_owner_and_deadline_is_not_a_continuation():
    plans = plans_of("\n".join([
        HEAD,
        "6.1\tThe strategy should be\tPublish the strategy\t\tIn line with the timetable\t",
        "", "9", "", HEAD,
        "\tagreed by partners\tand\tRay Dunn\tSeptember 2020\t",
        "6.3\tReview it yearly.\tSet a review date.\tRay Dunn\tMarch 2021\t",
    ]))
    assert [i.ref for i in plans[0].items] == ["6.1", "6.2", "6.3"]


def test_new_actions_beside_text_that_finishes_the_item_above():
    p = lambda *xs: " ".join(f"<p>{x}</p>" for x in xs)  # noqa: E731
    plans = plans_of("\n".join([
        "Recommendations\tActions\tLead\tOutcomes\tTimescales",
        "\t".join([p("Staff should understand the"), p("Name a lead."), p("Ann Bee"), p("Managers know the"), p("May 2020")]),
        "",
        "\t".join([p("impact of their work."), p("Write a framework.", "Run training.", "Hold a conference."),
                   p("Ann Bee", "Cy Dee", "Ed Fox"), p("agenda well.", "Staff are skilled."), p("June 2020", "July 2020")]),
    ]))
    items = plans[0].items
    assert [(i.action, i.outcome, i.deadline) for i in items] == [
        ("Name a lead.", "Managers know the agenda well.", "May 2020"),
        ("Write a framework.", None, None),
        ("Run training.", "Staff are skilled.", "June 2020"),
        ("Hold a conference.", None, "July 2020"),
    ]
    assert items[1].recommendation == "Staff should understand the impact of their work."


def test_a_status_cell_shaded_in_its_rating_gives_the_rating_and_keeps_its_words():
    from boardpapers.extractors.find.tables import find_table_plans
    from boardpapers.schema.models import Cell, Row, Table

    def row(*texts, fill=None):
        cells = [Cell(paragraphs=[t]) for t in texts]
        cells[-1] = cells[-1].model_copy(update={"fill": fill})
        return Row(cells=cells)

    table = Table(rows=[row("Ref", "Action", "Lead", "Closing position"),
                        row("1", "Recruit carers", "Fostering Manager", "Fourteen enquiries so far.", fill="FFC000"),
                        row("2", "Raise allowances", "Assistant Director", "Agreed.", fill="00B050")])
    (plan,) = find_table_plans(table, "x.docx")
    assert [(i.rag, i.progress) for i in plan.items] == [("Amber", "Fourteen enquiries so far."), ("Green", "Agreed.")]


def test_a_table_split_by_a_page_break_with_a_running_title_between_is_one_table():
    from boardpapers.extractors.find.tables import join_split_tables
    from boardpapers.schema.models import Cell, Paragraph, Row, Table

    def table(*rows):
        return Table(rows=[Row(cells=[Cell(paragraphs=[c] if c else []) for c in r]) for r in rows])

    header = ("Ref", "Action", "Lead")
    blocks = [table(header, ("1", "Offer flexible rosters so that staff", "HR")),
              Paragraph(text="Rushden Care NHS Trust – People Committee"),
              table(header, ("", "with caring duties can plan", ""), ("2", "Open a hub", "Estates"))]
    joined = join_split_tables(blocks)
    assert [type(b).__name__ for b in joined] == ["Table", "Paragraph"]
    assert [r.texts[1] for r in joined[0].rows] == ["Action", "Offer flexible rosters so that staff",
                                                   "with caring duties can plan", "Open a hub"]
    assert joined[0].rows[2].starts_page


def test_a_title_wrapped_across_two_numbered_rows_is_the_recommendation_of_both():
    plans = plans_of("\n".join([
        "Ref\tRecommendation\tAction\tLead",
        "3.01\tMajor trauma\tA further update would be received by the Board\tAP",
        "3.02\taccreditation\tA business case would be developed\tAP",
    ]))
    assert [(i.ref, i.recommendation) for i in plans[0].items] == [
        ("3.01", "Major trauma accreditation"), ("3.02", "Major trauma accreditation")]
