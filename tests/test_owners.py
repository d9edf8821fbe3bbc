import pytest

from boardpapers.extractors.interpret.owners import (
    is_given_name, is_initials_list, names_only, split_owners, strip_honorific,
)

CASES = [
    ("Rod Moore", ["Rod Moore"]),
    ("Rod Moore / Simon Freeman Helen Reeve", ["Rod Moore", "Simon Freeman", "Helen Reeve"]),
    ("Hanna Blackledge Rod Moore", ["Hanna Blackledge", "Rod Moore"]),
    ("Paul Miller Paul Miller", ["Paul Miller"]),
    ("Simon Freeman, Clare Neil", ["Simon Freeman", "Clare Neil"]),
    ("Tim Rideout; Rodney Green", ["Tim Rideout", "Rodney Green"]),
    ("Ruth Lake & Adam Archer", ["Ruth Lake", "Adam Archer"]),
    ("Ruth Lake and Adam Archer", ["Ruth Lake", "Adam Archer"]),
    ("Alistair Cartwright / Stuart Cameron Strickland.", ["Alistair Cartwright", "Stuart Cameron Strickland"]),
    ("Andrew St. John", ["Andrew St. John"]),
    ("Rod Moore Sandie Nicholson (supported by Clare Neill)", ["Rod Moore", "Sandie Nicholson", "Clare Neill"]),
    ("Clair Neil in conjunction with City Council colleagues", ["Clair Neil", "City Council colleagues"]),
    ("Health and Well Being Improvement Managers", ["Health and Well Being Improvement Managers"]),
    ("Leicester/ NST", ["Leicester", "NST"]),
    ("Macdonald/ Rod Moore", ["Macdonald", "Rod Moore"]),
    ("Maternity Services / Stop Smoking Service", ["Maternity Services", "Stop Smoking Service"]),
    ("Hartley Dementia Action Alliance", ["Hartley Dementia Action Alliance"]),
    ("Director of Public Health", ["Director of Public Health"]),
    ("Clare Mills, Leicester City Council Nicola Bassindale, Leicester City Council",
     ["Clare Mills", "Nicola Bassindale"]),
    ("Bev White Leicester City Council Alison Brooks Leicester City CCG", ["Bev White", "Alison Brooks"]),
    ("Kim Knight, Operational Manager, Integrated Sexual Health Services, Northshire NHS Partnership Trust",
     ["Kim Knight"]),
    ("Jo Ames, Consultant in Public Health Chief Inspector Dana Tobin-Price, Northshire Police",
     ["Jo Ames", "Dana Tobin-Price"]),
    ("Police Inspector Lara Voss", ["Lara Voss"]),
    ("Cllr Mrs Manjula Sood", ["Manjula Sood"]),
    ("Dr Sam Patel", ["Sam Patel"]),
    ("N/A", []),
    ("", []),
    (None, []),
]


@pytest.mark.parametrize("text, names", CASES)
def test_split_owners(text, names):
    assert [o.name for o in split_owners(text)] == names


def test_kinds_and_honorifics():
    owners = split_owners("Dr Priya Shah / Finance Team / Eastvale NHS Trust / PS")
    assert [(o.name, o.kind) for o in owners] == [
        ("Priya Shah", "person"), ("Finance Team", "role"), ("Eastvale NHS Trust", "organisation"),
        ("PS", "initials")]
    assert owners[0].honorific == "Dr"


def test_strip_honorific_and_postnominals():
    assert strip_honorific("Professor Jane Doe OBE") == ("Professor", "Jane Doe")
    assert strip_honorific("Mrs") == (None, "Mrs")


def test_given_names_come_from_the_dictionary():
    assert is_given_name("Priti") and is_given_name("Bev")
    assert not is_given_name("Hartley") and not is_given_name("Maternity")


def test_initials_the_paper_defines():
    from boardpapers.extractors.interpret.owners import find_initials

    defined = find_initials(["Present: Dr Priya Shah (PS), Chair; Jon Wells (JW); Chief Finance Officer (CFO)",
                             "Apologies: Mary-Jane Kent (MJK)"])
    assert defined == {"PS": "Priya Shah", "JW": "Jon Wells", "MJK": "Mary-Jane Kent"}


@pytest.mark.parametrize("a, b, rule", [
    ("Oli Newbould", "Oliver Newbould", "short first name"),
    ("Bob Hale", "Robert Hale", "short first name"),
    ("Clare Neil", "Clare Neill", "surname spelling"),
    ("Paul Miller", "Peter Miller", None),          # a shared surname is not enough
    ("Clair Neil", "Clare Neill", None),            # two parts differ
    ("Jon Smith", "Jan Smith", None),
    ("Ann Lee", "Ann Lea", None),                   # surnames too short to judge
    ("Finance Team", "Finance Director", None),
])
def test_same_person_rules(a, b, rule):
    from boardpapers.ingest.reconcile.owners import same_person

    assert same_person(a, b) == rule
    assert same_person(b, a) == rule


def test_printed_abbreviation_is_kept():
    assert [o.name for o in split_owners("Andrew St. John")] == ["Andrew St. John"]
    assert [o.name for o in split_owners("Stuart Cameron Strickland.")] == ["Stuart Cameron Strickland"]


@pytest.mark.parametrize("cell, names", [
    ("Chukwuemeka Obi", ["Chukwuemeka Obi"]),  # a name the dictionary does not know
    ("Chukwuemeka Obi, Head of Finance", ["Chukwuemeka Obi"]),  # name, job title -> the name
    ("Dr Nkechi Eze", ["Nkechi Eze"]),
    ("Tran Van Minh / Aoife Ní Riain", ["Tran Van Minh", "Aoife Ní Riain"]),
    ("Head of Estates (North)", ["Head of Estates (North)"]),  # a qualifier stays with its owner
    ("Priya Shah (PS)", ["Priya Shah"]),  # the person's own initials do not
    ("DoH&S", ["DoH&S"]),  # "&" splits only with spaces round it
    ("Estates, Parks and Highways", ["Estates", "Parks", "Highways"]),  # a list of bodies
    ("Head of Planning, Performance and Quality", ["Head of Planning, Performance and Quality"]),
    ("JB and KL", ["JB", "KL"]),
    ("Trina Shane and Charlie Moat, Group Managers", ["Trina Shane", "Charlie Moat"]),
    ("[Sam Reid](mailto:sam.reid@example.org)", ["Sam Reid"]),
    ("On track", []), ("In place", []),  # a status in the owner's place is nobody
    ("ALL", ["ALL"]),
])
def test_owners_as_people_write_them(cell, names):
    assert [o.name for o in split_owners(cell)] == names


def test_each_owner_keeps_where_its_name_is_printed():
    from boardpapers.extractors.interpret.owners import split_owners

    text = "Dr Priya Shah; Head of Estates / Northshire ICB"
    owners = split_owners(text)
    assert [text[o.span[0]:o.span[1]] for o in owners] == [o.name for o in owners]
    assert [o.span[0] for o in owners] == sorted(o.span[0] for o in owners)


def test_a_team_named_after_a_given_name_is_a_body_and_two_leads_share_a_team():
    from boardpapers.extractors.interpret.owners import split_owners

    assert [(o.name, o.kind) for o in split_owners("Ward Discharge Team")] == [("Ward Discharge Team", "role")]
    assert [o.name for o in split_owners("Colm Brady and Ife Adeyemi, Commissioning")] == ["Colm Brady", "Ife Adeyemi"]


def test_honorifics_mean_people_and_a_lone_service_word_is_no_surname():
    assert [(o.name, o.kind) for o in split_owners("Mr J Smith, Ms K Brown")] == [
        ("J Smith", "person"), ("K Brown", "person")]
    assert [(o.name, o.kind) for o in split_owners("Dr. A. N. Other")] == [("A. N. Other", "person")]
    assert [(o.name, o.kind) for o in split_owners("Public Health; Housing")] == [
        ("Public Health", "role"), ("Housing", "role")]


@pytest.mark.parametrize("text, expected", [
    ("PL", True), ("JB/KL", True), ("Chief Nurse and DPH", True), ("Director of Public Health.", True),
    ("Members asked for a report", False), ("to be confirmed", False), ("", False),
    ("One Two Three Four Five Six Seven Eight Nine", False),
])
def test_names_only(text, expected):
    assert names_only(text) is expected


@pytest.mark.parametrize("text, names", [
    ("Director of Adult Social Care and ICB Director of Operations",
     ["Director of Adult Social Care", "ICB Director of Operations"]),
    ("Chief Nurse and Medical Director", ["Chief Nurse", "Medical Director"]),
    ("Head of Planning and Quality", ["Head of Planning and Quality"]),
    ("Senior Strategy and Implementation Manager", ["Senior Strategy and Implementation Manager"]),
    ("Estates and Facilities Manager", ["Estates and Facilities Manager"]),
])
def test_and_parts_two_posts_but_not_one_post_s_title(text, names):
    assert [o.name for o in split_owners(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Maternity Lead (jane.doe@nhs.net)", ["Maternity Lead"]), ("Jane Doe, jane.doe@nhs.net", ["Jane Doe"]),
    ("j.smith@nhs.net", ["j.smith@nhs.net"]),
])
def test_an_e_mail_address_beside_an_owner_is_how_to_reach_them(text, names):
    assert [o.name for o in split_owners(text)] == names


@pytest.mark.parametrize("text, expected", [
    ("JB", True), ("JB/KL", True), ("DoN", True), ("HoPE", True), ("CEO, DoF", True), ("ALL", True),
    ("TOTAL", False), ("RED", False), ("No", False), ("Done", False),
])
def test_initials_and_posts_short_forms(text, expected):
    assert is_initials_list(text) is expected


@pytest.mark.parametrize("text, names", [
    ("Lead: Chief Nurse", ["Chief Nurse"]), ("Lead officer: Jane Smith", ["Jane Smith"]),
    ("CCG and Local Authority", ["CCG", "Local Authority"]), ("County Council and NHS Trust", ["County Council", "NHS Trust"]),
    ("Health and Wellbeing Board", ["Health and Wellbeing Board"]), ("Estates and Facilities", ["Estates and Facilities"]),
])
def test_a_label_left_before_the_owner_goes_and_two_bodies_part(text, names):
    assert [o.name for o in split_owners(text)] == names
