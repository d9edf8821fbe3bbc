"""Write corpus/series/: four papers reporting on one plan over two years, and the gold links.

The plan is invented (Northshire's partnership plan on cardiovascular health).
Across the versions items are renumbered and lightly reworded, deadlines slip,
one action is completed and one is dropped without completion; a fifth paper
holds an unrelated plan that must not be linked.  gold.json names, for every
(document, ref), the tracked item it belongs to.  Run: python corpus/build_series.py
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent / "series"
HEADER = ["Ref", "Recommendation", "Action", "Lead", "Deadline", "Progress", "RAG"]

# tracked item -> its rows per version: (ref, recommendation, action, lead, deadline, progress, rag) or None
ITEMS = {
    "T1": [("1.1", "Increase blood pressure checks in community pharmacies.", "Commission checks in 20 pharmacies.",
            "Dr Rod Moore", "March 2022", "Specification drafted.", "Green"),
           ("1.1", "Increase blood pressure checks in community pharmacies.", "Commission checks in 20 pharmacies.",
            "Dr Rod Moore", "March 2022", "Twelve pharmacies signed up.", "Green"),
           ("1.1", "Increase blood pressure checks in community pharmacies.", "Commission checks in 20 pharmacies.",
            "Rod Moore", "March 2022", "Complete: 21 pharmacies offering checks.", "Blue"),
           None],
    "T2": [("1.2", "Find people with undiagnosed atrial fibrillation.", "Run case-finding searches in every GP practice.",
            "Oli Newbould", "December 2021", "Searches written.", "Amber"),
           ("1.2", "Find people with undiagnosed atrial fibrillation.", "Run case-finding searches in every GP practice.",
            "Oliver Newbould", "June 2022", "Searches run in 30 of 52 practices.", "Amber"),
           ("2.1", "Find people with undiagnosed atrial fibrillation.", "Run case finding searches in all GP practices.",
            "Oliver Newbould", "December 2022", "Searches run in 30 of 52 practices.", "Red"),
           ("2.1", "Find people with undiagnosed atrial fibrillation.", "Run case finding searches in all GP practices.",
            "Oliver Newbould", "September 2023", "Searches run in 48 of 52 practices.", "Amber")],
    "T3": [("1.3", "Support people to stop smoking after a heart attack.", "Offer a specialist adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2021/22", "Adviser recruited.", "Green"),
           ("1.3", "Support people to stop smoking after a heart attack.", "Offer a specialist adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2021/22", "Adviser in post; 40 referrals.", "Green"),
           ("2.2", "Support people to stop smoking after a heart attack.", "Offer a specialist stop smoking adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2022/23", "Adviser in post; 95 referrals.", "Green"),
           ("2.2", "Support people to stop smoking after a heart attack.", "Offer a specialist stop smoking adviser on the cardiac ward.",
            "Priti Raichura", "Q4 2022/23", "Adviser in post; 95 referrals.", "Amber")],
    "T4": [("1.4", "Promote physical activity for people with heart disease.", "Fund a walking group in each locality.",
            "Jo Atkinson", "Summer 2022", "Funding agreed for two groups.", "Amber"),
           ("1.4", "Promote physical activity for people with heart disease.", "Fund a walking group in each locality.",
            "Jo Atkinson", "Summer 2022", "Funding agreed for two groups.", "Amber"),
           None, None],
    "T5": [None, None,
           ("2.3", "Improve the uptake of cardiac rehabilitation.", "Offer home-based rehabilitation as an option.",
            "Hannah Hutchinson", "June 2023", "Pilot agreed with the trust.", "Amber"),
           ("2.3", "Improve the uptake of cardiac rehabilitation.", "Offer home-based rehabilitation as an option.",
            "Hannah Hutchinson", "June 2024", "Pilot running; uptake up by 10%.", "Green")],
}
VERSIONS = [
    ("2021_07_cvd_plan.txt", "Health and Wellbeing Board 14 July 2021", "Cardiovascular health action plan"),
    ("2022_01_cvd_plan_update.txt", "Health and Wellbeing Board 20 January 2022",
     "Cardiovascular health action plan: progress update"),
    ("2022_09_cvd_plan_refresh.txt", "Health and Wellbeing Board 29 September 2022",
     "Cardiovascular health action plan (refreshed)"),
    ("2023_07_cvd_plan_final.txt", "Health and Wellbeing Board 12 July 2023",
     "Cardiovascular health action plan: final report"),
]
UNRELATED = ("2022_09_libraries_plan.txt", "Cabinet 28 September 2022", "Libraries strategy action plan",
             [("1.1", "Extend library opening hours.", "Open three branches on Sundays.", "Head of Libraries",
               "April 2023", "Consultation complete.", "Green"),
              ("1.2", "Grow the home library service.", "Recruit 30 volunteer drivers.", "Volunteer Coordinator",
               "March 2023", "Twelve recruited.", "Amber")])


def render(meeting: str, title: str, rows: list[tuple]) -> str:
    lines = ["Northshire Health and Wellbeing Board", "", meeting, "", title, "", "\t".join(HEADER)]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def build(target: Path = HERE) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    gold: dict[str, dict[str, str]] = {}
    written = []
    for v, (name, meeting, title) in enumerate(VERSIONS):
        rows = sorted((rows[v], tid) for tid, rows in ITEMS.items() if rows[v] is not None)
        (target / name).write_text(render(meeting, title, [r for r, _ in rows]), encoding="utf-8")
        gold[name] = {r[0]: tid for r, tid in rows}
        written.append(target / name)
    name, meeting, title, rows = UNRELATED
    (target / name).write_text(render(meeting, title, rows).replace("Health and Wellbeing Board", "Council", 1),
                               encoding="utf-8")
    gold[name] = {r[0]: f"L{k}" for k, r in enumerate(rows, 1)}
    written.append(target / name)
    (target / "gold.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
