from boardpapers.extractors.read.grid import SpanCell, spans_to_rows


def test_rowspan_carried_colspan_kept_left_and_full_width_heading():
    rows = spans_to_rows([
        [SpanCell(["1.1"], rowspan=2), SpanCell(["Act a"]), SpanCell(["Lead"], rowspan=2)],
        [SpanCell(["Act b"])],
        [SpanCell(["Heading"], colspan=3)],
        [SpanCell(["1.2"]), SpanCell(["Act c"], colspan=2)],
    ])
    assert [r.texts for r in rows] == [
        ["1.1", "Act a", "Lead"], ["1.1", "Act b", "Lead"], ["Heading", "", ""], ["1.2", "Act c", ""]]
    assert [r.heading for r in rows] == [False, False, True, False]


def test_word_continue_copies_the_cell_above():
    rows = spans_to_rows([[SpanCell(["Owner A"]), SpanCell(["x"])],
                          [SpanCell(continues_above=True), SpanCell(["y"])]])
    assert rows[1].texts == ["Owner A", "y"]
