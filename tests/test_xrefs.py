from boardpapers.extractors.interpret.xrefs import find_references, resolve_references


def targets(text):
    return [r.target_ref for r in find_references(text)]


def test_find_explicit_range_and_anaphoric():
    assert targets("see 1.1 above") == ["1.1"]
    assert targets("See item 4.3 above.") == ["4.3"]
    assert targets("relates to recommendation 1.1 above") == ["1.1"]
    assert targets("See 4.3 and 4.6 above") == ["4.3", "4.6"]
    assert targets("Items 11.1 – 11.5 to be considered") == ["11.1", "11.2", "11.3", "11.4", "11.5"]
    assert targets("Recs 3.1-3.3") == ["3.1", "3.2", "3.3"]
    assert targets("see action 2") == ["2"]
    refs = find_references("As above")
    assert [r.kind for r in refs] == ["anaphoric"]


def test_figures_are_not_references():
    assert targets("uptake rose from 62.6% to 69.7%") == []
    assert targets("£2.5m was agreed") == []


def test_resolution_stays_in_the_plan_and_never_points_at_itself():
    rows = [find_references(t) for t in ["", "As above", "see 1.1 and 9.9; see item 7.7", "part of 1.3 and 1.1"]]
    resolved = resolve_references(rows, ["1.1", "1.2", "1.3", "1.4"])
    assert [r.target_ref for r in resolved[1]] == ["1.1"]
    assert [(r.target_ref, r.resolved) for r in resolved[2]] == [("1.1", True), ("9.9", False), ("7.7", False)]
    assert [r.target_ref for r in resolved[3]] == ["1.3", "1.1"]
    rows = [find_references("see 1.1")]
    assert resolve_references(rows, ["1.1"]) == [[]]


def test_as_above_points_past_rows_of_the_same_ref():
    rows = [[], [], find_references("As above")]
    resolved = resolve_references(rows, ["3.1", "3.2", "3.2"])
    assert [r.target_ref for r in resolved[2]] == ["3.1"]


def test_ranges_expand_only_to_rows_that_exist():
    rows = [find_references("Recs 3.1-3.6 are covered by the new policy"), [], [], []]
    resolved = resolve_references(rows, ["3.0", "3.1", "3.2", "3.3"])
    assert [r.target_ref for r in resolved[0]] == ["3.1", "3.2", "3.3"]


def test_a_range_with_no_rows_dangles():
    resolved = resolve_references([find_references("Items 9.1 – 9.2")], ["1.1"])
    assert [(r.target_ref, r.resolved) for r in resolved[0]] == [("9.1", False), ("9.2", False)]


def test_coded_refs_resolve_when_the_plan_uses_them():
    rows = [[], find_references("Builds on P1; see also R7")]
    resolved = resolve_references(rows, ["P1", "P2"])
    assert [r.target_ref for r in resolved[1]] == ["P1"]


def test_as_ref_above_names_the_row():
    rows = [[], [], find_references("As 2.1 above")]
    resolved = resolve_references(rows, ["2.1", "2.2", "2.3"])
    assert [(r.target_ref, r.kind) for r in resolved[2]] == [("2.1", "explicit")]


def test_each_reference_keeps_where_it_is_printed():
    from boardpapers.extractors.interpret.xrefs import find_references

    text = "Linked to actions 4.1 - 4.3; see 2.2. As above for the rest."
    spans = {(r.raw, text[r.span[0]:r.span[1]]) for r in find_references(text)}
    assert spans == {("4.1 - 4.3", "4.1 - 4.3"), ("see 2.2", "see 2.2")}
