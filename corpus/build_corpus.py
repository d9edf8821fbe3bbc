"""Write the sample papers in corpus/ and their gold items in corpus/gold/.

Every paper here is invented (councils, trusts and people that do not exist)
and written for this project.  Each is declared once as data (its items with
the answers a reader should give) and rendered into a layout: a tab-separated
text dump with running page furniture, markdown pipe tables, an action log,
rated sections, narrative priorities.  The gold files are written from the
same data, so the two cannot drift apart.  Run:  python corpus/build_corpus.py
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).parent


@dataclass
class Item:
    ref: Optional[str]
    recommendation: Optional[str]
    action: Optional[str]
    owners_text: str = ""
    owners: list[str] = field(default_factory=list)
    deadline_text: Optional[str] = None
    deadline: Optional[str] = None
    deadline_status: str = "none"
    progress: Optional[str] = None
    rag_text: Optional[str] = None
    rag: Optional[str] = None
    outcome: Optional[str] = None
    cross_refs: list[str] = field(default_factory=list)

    def gold(self) -> dict:
        return {
            "ref": self.ref, "recommendation": self.recommendation, "action": self.action,
            "owners": self.owners, "deadline_text": self.deadline_text, "deadline": self.deadline,
            "deadline_status": self.deadline_status, "progress": self.progress, "rag": self.rag,
            "outcome": self.outcome, "cross_refs": self.cross_refs,
        }


# --- 1. An audit follow-up plan as a tab-separated dump, three pages ---------

AUDIT_TITLE = "Riverford Borough Council Internal Audit Follow-up Action Plan"
AUDIT_HEADER = ["Ref", "Recommendation", "Management Action", "Responsible Officer", "Target Date",
                "Progress Update", "RAG"]
AUDIT_ITEMS = [
    Item("1.1", "The council should refresh its information governance policy and publish it on the intranet.",
         "Policy to be redrafted and approved by the Corporate Governance Group.",
         "Head of Legal Services", ["Head of Legal Services"], "31/03/2019", "2019-03-31", "date",
         "Draft circulated to the group in February; approval expected at the March meeting.", "Amber", "amber"),
    Item("1.1", "The council should refresh its information governance policy and publish it on the intranet.",
         "Staff to be reminded of the policy through the weekly bulletin.",
         "Communications Manager", ["Communications Manager"], "Q1 2019/20", "2019-06-30", "date",
         "Not yet started.", "Red", "red"),
    Item("1.2", "Data protection training should be mandatory for all staff with access to personal data.",
         "Add the e-learning module to the mandatory training list and report completion rates quarterly.",
         "Jane Whitcombe / Ade Okafor", ["Jane Whitcombe", "Ade Okafor"], "Quarterly", None, "ongoing",
         "Module added in January. Completion currently stands at 64%.", "Amber/Green", "amber"),
    Item("2.1", "Contract registers should record the named manager for every contract over £25,000.",
         "Procurement to update the register and chase missing names with directorates.",
         "Procurement Manager", ["Procurement Manager"], "End of June 2019", "2019-06-30", "date",
         "All 212 contracts now show a named manager.", "Complete", "blue"),
    Item("2.2", "Waivers of contract standing orders should be reported to the Audit Committee.",
         "See 2.1; a waiver log to be added as a standing item on the committee agenda.",
         "Director of Finance", ["Director of Finance"], "TBC", None, "tba",
         "Awaiting agreement of the committee chair.", "A", "amber", cross_refs=["2.1"]),
    Item("2.3", "Budget holders should confirm each month that the transactions charged to their cost centres "
         "are correct, and exceptions should be followed up within ten working days.",
         "Monthly sign-off to be built into the finance system workflow.",
         "Chief Accountant", ["Chief Accountant"], "September 2019", "2019-09-30", "date",
         "Workflow specification agreed with the supplier; testing planned for the summer.", "Green", "green"),
    Item("3.1", "Business continuity plans should be tested at least once a year.",
         "Annual test exercise to be scheduled for each directorate.",
         "Emergency Planning Officer", ["Emergency Planning Officer"], "w/c 9 September 2019", "2019-09-13",
         "date", "Dates offered to all directorates.", "Green", "green"),
    Item("3.2", "Lessons from each test should be recorded and shared across directorates.",
         "As above", "Emergency Planning Officer", ["Emergency Planning Officer"], "Ongoing", None, "ongoing",
         "As above", "Green", "green", cross_refs=["3.1"]),
]


def render_audit_dump() -> str:
    """Three pages; the running title, header and 'Page n of 3' repeat; 2.3 is split by a page break."""
    lines = ["Riverford Borough Council", "", "Audit Committee 14 February 2019", "",
             "Follow-up of internal audit recommendations", "",
             "This report sets out progress against the actions agreed after last year's audits of "
             "information governance, procurement and business continuity.", ""]

    def page_top() -> None:
        lines.extend([AUDIT_TITLE + "\t" * 6, "\t".join(AUDIT_HEADER)])

    def row(item: Item, ref_cell: Optional[str]) -> str:
        return "\t".join([ref_cell or "", item.recommendation if ref_cell else "", item.action or "",
                          item.owners_text, item.deadline_text or "", item.progress or "", item.rag_text or ""])

    page_top()
    lines += [row(AUDIT_ITEMS[0], "1.1"), row(AUDIT_ITEMS[1], None), row(AUDIT_ITEMS[2], "1.2"),
              "", "Page 1 of 3", ""]
    page_top()
    lines += [row(AUDIT_ITEMS[3], "2.1"), row(AUDIT_ITEMS[4], "2.2")]
    split = AUDIT_ITEMS[5]
    rec_head, rec_tail = split.recommendation.split(" are correct, ")
    act_head, act_tail = split.action.split(" into ")
    lines.append("\t".join(["2.3", rec_head, act_head + " into", split.owners_text, split.deadline_text,
                            split.progress, split.rag_text]))
    lines += ["", "Page 2 of 3", ""]
    page_top()
    lines.append("\t".join(["", "are correct, " + rec_tail, act_tail, "", "", "", ""]))
    lines += [row(AUDIT_ITEMS[6], "3.1"), row(AUDIT_ITEMS[7], "3.2"), "", "Page 3 of 3", ""]
    return "\n".join(lines) + "\n"


# --- 2. A delivery plan in markdown, beside a KPI table and an attendance list -

HWB_ITEMS = [
    Item("1", "Increase uptake of the NHS Health Check among men aged 40 to 64.",
         "Run outreach sessions in workplaces in the three most deprived wards.",
         "Public Health Team", ["Public Health Team"], "Spring 2021", "2021-05-31", "date",
         "Two sessions held; the rest postponed until workplaces reopen."),
    Item("2", "Reduce smoking in pregnancy.", "Offer carbon monoxide screening at every booking appointment.",
         "Maternity Services / Stop Smoking Service", ["Maternity Services", "Stop Smoking Service"],
         "2021/22", "2022-03-31", "date", "Screening in place at both hospital sites."),
    Item("3", "Improve the mental wellbeing of young carers.",
         "Commission a peer support group, using the outreach model in item 1.",
         "Dr Sam Patel", ["Sam Patel"], "end of Q3", "2020-12-31", "date", "Provider shortlisted.",
         cross_refs=["1"]),
    Item("4", "Make Hartley a dementia-friendly borough.", "Train 500 dementia friends across local businesses.",
         "Hartley Dementia Action Alliance", ["Hartley Dementia Action Alliance"], "March 2022", "2022-03-31",
         "date", "180 people trained so far."),
]


def render_hwb_markdown() -> str:
    out = ["# Hartley Health and Wellbeing Board", "", "Meeting date: 12 November 2020", "",
           "## Present", "", "| Name | Role |", "|---|---|", "| Cllr Rosa Hughes | Chair |",
           "| Dr Sam Patel | Clinical lead |", "",
           "## Headline indicators", "", "| Indicator | Baseline | Latest | Trend |", "|---|---|---|---|",
           "| Smoking in pregnancy | 14.1% | 12.9% | Improving |",
           "| Health Checks completed | 3,120 | 2,480 | Worse |", "",
           "## Delivery plan", "", "| No. | Objective | Actions | Lead | By when | Update |",
           "|---|---|---|---|---|---|"]
    for item in HWB_ITEMS:
        out.append(f"| {item.ref} | {item.recommendation} | {item.action} | {item.owners_text} | "
                   f"{item.deadline_text} | {item.progress} |")
    out += ["", "The board is asked to note progress."]
    return "\n".join(out) + "\n"


# --- 3. A board action log (refs like "BOD 19/04(a)", a column we do not read) --

LOG_ITEMS = [
    Item("BOD 19/04(a)", None, "Circulate the revised estates strategy to members.", "Director of Estates",
         ["Director of Estates"], "May 2019 board", "2019-05-31", "date", "Done – circulated on 2 May."),
    Item("BOD 19/04(b)", None, "Bring a paper on agency staffing costs.", "Chief Nurse", ["Chief Nurse"],
         "Next meeting", None, "relative", "On the agenda for July."),
    Item("BOD 19/05(a)", None, "Arrange a development session on the new quality framework.",
         "Trust Secretary", ["Trust Secretary"], "TBA", None, "tba", "Date being arranged with members."),
    Item("BOD 19/05(b)", None, "Report back on the outcome of the inspection visit.",
         "Chief Executive, Ana Lindqvist", ["Ana Lindqvist"], "30.06.19", "2019-06-30", "date",
         "Report due at the June meeting."),
]


def render_action_log() -> str:
    out = ["Eastvale NHS Foundation Trust", "", "Trust Board – 6 June 2019", "", "Action log", "",
           "Action No\tMeeting date\tAction\tOwner\tDue\tStatus"]
    raised = {"BOD 19/04": "04/04/2019", "BOD 19/05": "02/05/2019"}
    for item in LOG_ITEMS:
        out.append("\t".join([item.ref, raised[item.ref[:9]], item.action, item.owners_text,
                              item.deadline_text, item.progress]))
    return "\n".join(out) + "\n"


# --- 4. Rated sections of a quality report ------------------------------------

QUALITY_ITEMS = [
    Item("1.1", "Reduce avoidable pressure ulcers", None, "Tom Reyes, Deputy Chief Nurse", ["Tom Reyes"],
         progress="Tissue viability link nurses are now in place on every ward. Avoidable grade 3 ulcers fell "
         "from eleven to four over the year.", rag_text="Green", rag="green"),
    Item("1.2", "Improve the recognition of deteriorating patients", None,
         "Priya Nandra, Associate Medical Director Leo Grant, Resuscitation Lead",
         ["Priya Nandra", "Leo Grant"],
         progress="Electronic observations went live in March. Escalation audits show compliance of 78% "
         "against a target of 90%. See 1.1 above for the shared training programme.",
         rag_text="Amber", rag="amber", cross_refs=["1.1"]),
    Item("2.1", "Cut waiting times for first outpatient appointments", None,
         "Marta Kowalczyk, Head of Planned Care", ["Marta Kowalczyk"],
         progress="Waiting lists grew over the winter as clinics were cancelled. Recovery plans are in "
         "place for the five largest specialties.", rag_text="Red", rag="red"),
]


def render_quality_sections() -> str:
    out = ["Eastvale NHS Foundation Trust", "", "Quality Account progress report", "",
           "Report to the Quality Committee, 21 May 2021", "",
           "Each objective below is rated by its lead.", ""]
    for item in QUALITY_ITEMS:
        out += [f"Objective {item.ref}: {item.recommendation}", "", f"Lead(s): {item.owners_text}", ""]
        for sentence_group in item.progress.split(". ", 1):
            text = sentence_group if sentence_group.endswith(".") else sentence_group + "."
            out += [text, ""]
        out += [f"RAG rating: {item.rag_text}", ""]
    out += ["Glossary", "", "RAG ratings are given by objective leads and reviewed by the committee."]
    return "\n".join(out) + "\n"


# --- 5. Narrative priorities of a strategy update ------------------------------

PRIORITY_ITEMS = [
    Item(None, "Every child in Hartley gets the best start in life.", None,
         progress="The family hub in the town centre opened in September and has seen 900 families. "
         "Take-up of funded nursery places for two year olds rose to 81%. "
         "Next steps: A second hub will open in the north of the borough next spring."),
    Item(None, "People live longer in good health, wherever they live in Hartley.", None,
         progress="The healthy homes scheme insulated 240 homes with residents on low incomes. "
         "Next steps: Evaluate the scheme with the university and bid for a further year of funding."),
]


def render_priorities() -> str:
    out = ["HARTLEY HEALTH AND WELLBEING BOARD", "", "Date of meeting: 3 March 2022", "",
           "Joint strategy delivery update", "", "Starting well", ""]
    for n, item in enumerate(PRIORITY_ITEMS):
        body, steps = item.progress.split(" Next steps: ")
        out += [f"Priority: {item.recommendation}", ""]
        for paragraph in _paragraphs(body):
            out += [paragraph, ""]
        out += ["Next steps:", "", steps, ""]
        if n == 0:
            out += ["Living well", ""]
    return "\n".join(out) + "\n"


def _paragraphs(text: str) -> list[str]:
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    return [" ".join(sentences[:1]), " ".join(sentences[1:])] if len(sentences) > 1 else sentences


PAPERS = {
    "riverford_audit_followup.txt": ("2019-02-14", render_audit_dump, AUDIT_ITEMS),
    "hartley_hwb_delivery_plan.md": ("2020-11-12", render_hwb_markdown, HWB_ITEMS),
    "eastvale_board_action_log.txt": ("2019-06-06", render_action_log, LOG_ITEMS),
    "eastvale_quality_sections.txt": ("2021-05-21", render_quality_sections, QUALITY_ITEMS),
    "hartley_strategy_priorities.txt": ("2022-03-03", render_priorities, PRIORITY_ITEMS),
}


def build(target: Path = HERE) -> list[Path]:
    """Write every paper and its gold file under target; return the papers' paths."""
    (target / "gold").mkdir(parents=True, exist_ok=True)
    written = []
    for name, (paper_date, render, items) in PAPERS.items():
        (target / name).write_text(render(), encoding="utf-8")
        gold = {"document": name, "paper_date": paper_date, "items": [i.gold() for i in items]}
        stem = Path(name).stem
        (target / "gold" / f"{stem}.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                                       encoding="utf-8")
        written.append(target / name)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
