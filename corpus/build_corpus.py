"""Write the sample papers in corpus/ and their gold items in corpus/gold/.

Every paper here is invented (councils, trusts and people that do not exist)
and written for this project.  Each is declared once as data (its items with
the answers a reader should give) and rendered into a layout: a tab-separated
text dump with running page furniture, markdown pipe tables, an action log,
rated sections, narrative priorities.  The gold files are written from the
same data, so the two cannot drift apart.  Run:  python corpus/build_corpus.py
"""
from __future__ import annotations

import io
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



# --- 6. A ruled PDF over three pages: running header and footer, the header row
#        repeated on each page, and a row that the page break splits ------------

HOUSING_HEADER = ["Ref", "Recommendation", "Action", "Lead", "Deadline", "Progress"]
HOUSING_ITEMS = [
    Item("1.1", "Repairs reported by tenants should be completed within the target times.",
         "Introduce online booking of repair appointments.", "Head of Housing Repairs",
         ["Head of Housing Repairs"], "December 2022", "2022-12-31", "date",
         "Online booking went live for gas servicing in October."),
    Item("1.2", "Damp and mould cases should be inspected within ten working days.",
         "Train repairs operatives to recognise and log damp.", "Mia Lowther / Kwame Asante",
         ["Mia Lowther", "Kwame Asante"], "Q4 2022/23", "2023-03-31", "date",
         "Training booked for all three depots."),
    Item("1.3", "Tenants should be told the outcome of every complaint in writing.",
         "Adopt the new complaint letter templates.", "Customer Services Manager",
         ["Customer Services Manager"], "Ongoing", None, "ongoing", "Templates in use since September."),
    Item("2.1", "The council should publish an annual report on the condition of its housing stock, "
         "setting out the number of homes that fail the decent homes standard, the work planned to bring "
         "them up to standard, the cost of that work and how tenants have been involved in setting the "
         "priorities for investment across each of the estates that the council manages directly, and "
         "should present the report to the scrutiny committee each autumn.",
         "Commission a stock condition survey and draft the first annual report.",
         "Director of Housing", ["Director of Housing"], "Autumn 2023", "2023-11-30", "date",
         "Survey contractor appointed; a fifth of homes surveyed so far."),
    Item("2.2", "Void homes should be relet within 28 days.", "See 2.1; review the voids process end to end.",
         "Voids Manager", ["Voids Manager"], "TBC", None, "tba", "Review scoped.", cross_refs=["2.1"]),
    Item("2.3", "Rent arrears should be tackled early.", "Send a text reminder when a payment is missed.",
         "Income Team Leader", ["Income Team Leader"], "31 March 2023", "2023-03-31", "date",
         "Texts sent since November; arrears down 4%."),
    Item("3.1", "Estate walkabouts should include residents.", "Invite residents' associations to every walkabout.",
         "Estate Services Manager", ["Estate Services Manager"], "Monthly", None, "ongoing",
         "Eleven walkabouts held with residents."),
]


def render_housing_pdf() -> bytes:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    pdf.setTitle("Northshire Council housing scrutiny action plan")
    widths = [40, 230, 160, 100, 70, 160]
    left, font, size, leading, pad = 40, "Helvetica", 9, 11, 4
    bottom_limit = 330  # a short page body, so the plan runs over three pages and 2.1 is cut
    page = [1]

    def furniture() -> None:
        pdf.setFont(font, 8)
        pdf.drawString(left, height - 30, "Northshire Council – Housing Scrutiny Committee action plan")
        pdf.drawString(width - 100, 25, f"Page {page[0]}")

    def draw_row(cells: list[list[str]], top: float, lines: int) -> float:
        """Draw one (part of a) row with closed borders; return its bottom."""
        row_height = lines * leading + 2 * pad
        x = left
        pdf.setFont(font, size)
        for w, cell in zip(widths, cells):
            pdf.rect(x, top - row_height, w, row_height)
            for k, text in enumerate(cell[:lines]):
                pdf.drawString(x + pad, top - pad - size - k * leading, text)
            x += w
        return top - row_height

    def wrap(text: str, w: float) -> list[str]:
        return simpleSplit(text, font, size, w - 2 * pad) if text else []

    header = [wrap(h, w) for h, w in zip(HOUSING_HEADER, widths)]
    furniture()
    pdf.setFont(font, 11)
    pdf.drawString(left, height - 60, "Housing Scrutiny Committee 18 January 2023")
    top = draw_row(header, height - 80, 1)
    body = []
    for item in HOUSING_ITEMS:
        texts = [item.ref, item.recommendation, item.action, item.owners_text, item.deadline_text, item.progress]
        body.append([wrap(t or "", w) for t, w in zip(texts, widths)])
    for cells in body:
        remaining = cells
        while remaining:
            need = max(len(c) for c in remaining) or 1
            fits = int((top - bottom_limit - 2 * pad) // leading)
            if fits <= 0:
                pdf.showPage()
                page[0] += 1
                furniture()
                top = draw_row(header, height - 60, 1)
                continue
            lines = min(need, fits)
            top = draw_row(remaining, top, lines)
            remaining = [c[lines:] for c in remaining] if lines < need else None
            if remaining:
                pdf.showPage()
                page[0] += 1
                furniture()
                top = draw_row(header, height - 60, 1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- 7. An unruled PDF: a plan set out by alignment alone ---------------------------

UNRULED_ITEMS = [
    Item("4.1", "Reduce empty shops in the town centre.", "Survey owners and offer meanwhile leases.",
         "Regeneration Lead", ["Regeneration Lead"], "Sept 2023", "2023-09-30", "date"),
    Item("4.2", "Improve evening bus links to the hospital.", "Agree a new late route with the operator.",
         "Transport Manager", ["Transport Manager"], "Q4 2023/24", "2024-03-31", "date"),
    Item("4.3", "Plant 500 street trees.", "Recruit volunteer tree wardens in each ward.",
         "Parks Officer", ["Parks Officer"], "Spring 2024", "2024-05-31", "date"),
]


def render_unruled_pdf() -> bytes:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(50, 800, "Westfold Council")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 780, "Cabinet, 5 June 2023: town centre plan update")
    pdf.drawString(50, 755, "Cabinet is asked to note progress on the three commitments made last year.")
    columns = [50, 90, 250, 400, 495]
    widths = [35, 150, 140, 90, 60]
    y = 720
    for x, h in zip(columns, ["No.", "Objective", "Action", "Lead", "By when"]):
        pdf.drawString(x, y, h)
    y -= 20
    for item in UNRULED_ITEMS:
        cells = [[item.ref]] + [simpleSplit(t, "Helvetica", 10, w) for t, w in
                                zip([item.recommendation, item.action, item.owners_text, item.deadline_text],
                                    widths[1:])]
        for x, lines in zip(columns, cells):
            for k, line in enumerate(lines):
                pdf.drawString(x, y - 12 * k, line)
        y -= 12 * max(len(c) for c in cells) + 10
    pdf.drawString(50, y - 20, "Members are invited to comment on the timetable for the coming year.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- 8. A Word paper holding two plans, with merged cells ---------------------------

WORD_PLAN_A = [
    Item("1", "Patients should be able to book follow-up appointments before leaving clinic.",
         "Place a booking clerk in each outpatient clinic.", "Outpatients Manager", ["Outpatients Manager"],
         "June 2024", "2024-06-30", "date", "Two clinics staffed so far."),
    Item("1", "Patients should be able to book follow-up appointments before leaving clinic.",
         "Offer a text link to book online.", "Outpatients Manager", ["Outpatients Manager"],
         "September 2024", "2024-09-30", "date", "Supplier chosen."),
    Item("2", "Letters to patients should be written in plain English.",
         "Rewrite the ten most used letters with the patient panel.", "Head of Patient Experience",
         ["Head of Patient Experience"], "Q2 2024/25", "2024-09-30", "date", "Four letters agreed."),
]
WORD_PLAN_B = [
    Item("1", "Every ward should hold a daily safety huddle.", "Roll out the huddle board to all wards.",
         "Chief Nurse", ["Chief Nurse"], "March 2024", "2024-03-31", "date", "Twenty of 31 wards live."),
    Item("2", "Learning from incidents should be shared across sites.",
         "Publish a monthly learning bulletin (see action 1 for the huddle material).",
         "Head of Patient Safety", ["Head of Patient Safety"], "Monthly", None, "ongoing",
         "First bulletin issued in January.", cross_refs=["1"]),
]


def _word_document(title: str, author: str, created: tuple[int, ...]):
    """A new Word document whose properties are fixed, so the corpus rebuilds byte for byte."""
    import datetime

    import docx
    from docx.shared import Pt  # noqa: F401  (keeps the default styles loaded)

    document = docx.Document()
    props = document.core_properties
    props.title, props.author = title, author
    props.created = props.modified = props.last_printed = datetime.datetime(*created)
    props.revision = 1
    return document


def _word_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())


def render_word_plans() -> bytes:
    document = _word_document("Kelby Hospitals quality improvement plans", "Board Secretary", (2024, 2, 1, 9, 0))
    document.add_heading("Kelby Hospitals NHS Trust", 0)
    document.add_paragraph("Public board meeting, 7 February 2024")
    document.add_paragraph("This paper reports on the two improvement plans agreed after last year's reviews.")
    for title, items in (("Appendix A: Outpatient experience plan", WORD_PLAN_A),
                         ("Appendix B: Patient safety plan", WORD_PLAN_B)):
        document.add_heading(title, 1)
        table = document.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["No.", "Recommendation", "Action", "Lead", "Deadline", "Update"]):
            cell.text = text
        for item in items:
            row = table.add_row().cells
            for cell, text in zip(row, [item.ref, item.recommendation, item.action, item.owners_text,
                                        item.deadline_text, item.progress]):
                cell.text = text or ""
        _merge_repeats(table)
        if title.startswith("Appendix A"):
            heading = table.add_row().cells
            merged = heading[0].merge(heading[-1])
            merged.text = "Actions closed since the last report are listed in the annex."
    document.add_paragraph("The board is asked to note both plans.")
    return _word_bytes(document)


def _merge_repeats(table) -> None:
    """Merge a column's cells down where consecutive rows repeat the same text (ref, recommendation, lead)."""
    rows = table.rows[1:]
    for col in (0, 1, 3):
        start = 0
        for i in range(1, len(rows) + 1):
            if i < len(rows) and rows[i].cells[col].text == rows[start].cells[col].text:
                continue
            if i - start > 1:
                text = rows[start].cells[col].text
                merged = rows[start].cells[col].merge(rows[i - 1].cells[col])
                merged.text = text
            start = i


def _deterministic_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so the corpus rebuilds byte for byte."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 2, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# --- 9. An HTML report: a plan with merged cells beside a budget table --------------

HTML_ITEMS = [
    Item("5.1", "Expand the school holiday food programme.", "Add two venues in the east of the borough.",
         "Jo Bell\nSam Reid", ["Jo Bell", "Sam Reid"], "July 2022", "2022-07-31", "date", "Venues confirmed.",
         "Green", "green"),
    Item("5.1", "Expand the school holiday food programme.", "Offer cooking sessions for parents.",
         "Jo Bell\nSam Reid", ["Jo Bell", "Sam Reid"], "August 2022", "2022-08-31", "date", "Sessions planned.",
         "Amber", "amber"),
    Item("5.2", "Increase uptake of free school meals.", "Auto-enrol eligible pupils using benefits data.",
         "Head of Revenues and Benefits", ["Head of Revenues and Benefits"], "2022/23", "2023-03-31", "date",
         "Data sharing agreement signed.", "Green", "green"),
]


def render_html_report() -> str:
    rows = []
    groups: dict[str, list[Item]] = {}
    for item in HTML_ITEMS:
        groups.setdefault(item.ref, []).append(item)
    for ref, items in groups.items():
        for k, item in enumerate(items):
            cells = []
            if k == 0:
                span = f' rowspan="{len(items)}"' if len(items) > 1 else ""
                cells += [f"<td{span}>{ref}</td>", f"<td{span}>{item.recommendation}</td>"]
            cells.append(f"<td>{item.action}</td>")
            if k == 0:
                span = f' rowspan="{len(items)}"' if len(items) > 1 else ""
                cells.append(f"<td{span}>{item.owners_text.replace(chr(10), '<br>')}</td>")
            cells += [f"<td>{item.deadline_text}</td>", f"<td><p>{item.progress}</p></td>", f"<td>{item.rag_text}</td>"]
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join([
        "<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>Ashbury food poverty report</title></head><body>",
        "<h1>Ashbury District Council</h1>", "<p>Report to the Scrutiny Committee, 14 June 2022</p>",
        "<h2>Budget</h2>", "<table><caption>Spend to date</caption>",
        "<thead><tr><th>Scheme</th><th>Budget</th><th>Spent</th></tr></thead>",
        "<tbody><tr><td>Holiday food</td><td>£120,000</td><td>£64,500</td></tr>",
        "<tr><td>Cooking sessions</td><td>£15,000</td><td>£2,100</td></tr></tbody></table>",
        "<h2>Action plan</h2>", "<table><caption>Food poverty action plan</caption>",
        "<thead><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th>"
        "<th>Progress</th><th>RAG</th></tr></thead>",
        "<tbody>", '<tr><td colspan="7">Theme 5: Children and families</td></tr>', *rows, "</tbody></table>",
        "<p>Members are asked to comment on the plan.</p>", "</body></html>",
    ]) + "\n"


# --- 10. Minutes with inline ACTION lines -------------------------------------------

MINUTE_ITEMS = [
    Item("4.2", None, "PS to circulate the revised terms of reference by 30 June 2023.", "PS", ["PS"],
         "30 June 2023", "2023-06-30", "date"),
    Item("5.1", None, "Director of Estates to bring a costed plan for the car park to the next meeting.",
         "Director of Estates", ["Director of Estates"], "to the next meeting", None, "relative"),
    Item("6.3", None, "JW / AO to review the risk register in July.", "JW / AO", ["JW", "AO"], "July",
         "2023-07-31", "date"),
    Item("6.3", None, "CFO to publish the savings plan on the website.", "CFO", ["CFO"]),
]


def render_minutes() -> str:
    return "\n".join([
        "MILBROOK INTEGRATED CARE BOARD", "", "Minutes of the Finance and Performance Committee, 24 May 2023", "",
        "Present: Dr Priya Shah (PS), Chair; Jon Wells (JW); Ama Osei (AO); Chief Finance Officer (CFO)", "",
        "4.1 Minutes of the last meeting were agreed as a correct record.", "",
        "4.2 Terms of reference. The committee reviewed its terms of reference and agreed two changes. "
        "ACTION: PS to circulate the revised terms of reference by 30 June 2023.", "",
        "5.1 Estates. Members discussed parking at the community hospital. "
        "ACTION: Director of Estates to bring a costed plan for the car park to the next meeting.", "",
        "6.3 Risk and savings. The committee noted the month 1 position. "
        "ACTION: JW / AO to review the risk register in July. "
        "ACTION: CFO to publish the savings plan on the website.", "",
        "7. Any other business: none. The chair thanked members for their actions this year.", "",
    ]) + "\n"


# --- A Word risk-action plan: merged risks, revised dates, ratings shown only by shading ---------

RISK_ITEMS = [
    Item("R1", "Too few foster carers for teenagers", "Run a recruitment campaign aimed at people who have raised "
         "teenagers.", "Fostering Service Manager", ["Fostering Service Manager"], "31 January 2025", "2025-01-31",
         "date", "Campaign launched in October; 14 enquiries so far.", None, "amber"),
    Item("R1", "Too few foster carers for teenagers", "Raise the allowance for carers who take teenagers.",
         "Assistant Director, Children in Care", ["Assistant Director, Children in Care"], "April 2025", "2025-04-30",
         "date", "Proposal goes to Cabinet in February.", None, "green"),
    Item("R2", "Social worker vacancies above one in five", "Offer a retention payment after two years' service.",
         "Head of Workforce", ["Head of Workforce"], "December 2024", "2024-12-31", "date",
         "Payment agreed; first payments made in November.", None, "blue"),
]


def render_word_risk_plan() -> bytes:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = _word_document("Larchfield children's services risk action plan", "Risk Officer", (2024, 12, 2, 9, 0))
    document.add_heading("Larchfield Borough Council", 0)
    document.add_paragraph("Children's services risk action plan: update to the Corporate Parenting Board, "
                           "11 December 2024")
    table = document.add_table(rows=1, cols=8)
    table.style = "Table Grid"
    header = ["Risk ref", "Risk", "Priority", "Mitigating action", "Accountable officer", "Original target date",
              "Revised target date", "Closing position"]
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    shades = {"amber": "FFC000", "green": "00B050", "blue": "0070C0"}
    originals = {"31 January 2025": "30 November 2024", "April 2025": "-", "December 2024": "December 2024"}
    for item in RISK_ITEMS:
        row = table.add_row().cells
        values = [item.ref, item.recommendation, "High", item.action, item.owners_text,
                  originals[item.deadline_text], item.deadline_text, item.progress]
        for cell, text in zip(row, values):
            cell.text = text or ""
        shading = OxmlElement("w:shd")  # the closing position's colour is the rating: nothing is written
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), shades[item.rag])
        row[-1]._tc.get_or_add_tcPr().append(shading)
    _merge_repeats(table)
    document.add_paragraph("Shading shows the rating: green on track, amber at risk, blue complete.")
    return _word_bytes(document)


PAPERS = {
    "riverford_audit_followup.txt": ("2019-02-14", render_audit_dump, AUDIT_ITEMS),
    "hartley_hwb_delivery_plan.md": ("2020-11-12", render_hwb_markdown, HWB_ITEMS),
    "eastvale_board_action_log.txt": ("2019-06-06", render_action_log, LOG_ITEMS),
    "eastvale_quality_sections.txt": ("2021-05-21", render_quality_sections, QUALITY_ITEMS),
    "hartley_strategy_priorities.txt": ("2022-03-03", render_priorities, PRIORITY_ITEMS),
    "northshire_housing_plan.pdf": ("2023-01-18", render_housing_pdf, HOUSING_ITEMS),
    "westfold_cabinet_update.pdf": ("2023-06-05", render_unruled_pdf, UNRULED_ITEMS),
    "kelby_quality_plans.docx": ("2024-02-07", render_word_plans, WORD_PLAN_A + WORD_PLAN_B),
    "ashbury_food_poverty_report.html": ("2022-06-14", render_html_report, HTML_ITEMS),
    "milbrook_committee_minutes.txt": ("2023-05-24", render_minutes, MINUTE_ITEMS),
    "larchfield_risk_action_plan.docx": ("2024-12-11", render_word_risk_plan, RISK_ITEMS),
}


def build(target: Path = HERE) -> list[Path]:
    """Write every paper and its gold file under target; return the papers' paths."""
    (target / "gold").mkdir(parents=True, exist_ok=True)
    written = []
    for name, (paper_date, render, items) in PAPERS.items():
        content = render()
        path = target / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        gold = {"document": name, "paper_date": paper_date, "items": [i.gold() for i in items]}
        (target / "gold" / f"{path.stem}.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                                           encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
