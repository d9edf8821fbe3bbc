"""Deadlines: `parse_deadline(text, paper_date)` -> a `Deadline`.

One grammar covers the forms UK board papers print: days ("16 May 2007",
"16/05/07"), months ("Sept 07", "Mar-14", "end of May"), UK financial years
("2010/11", "FY23/24") and their quarters and halves, seasons, weeks ("w/c 15
April 2024") and ranges ("April–June 2010").  The due date is the last day of
the period named; a year left out is the paper's.  Words that are not dates
(Ongoing, TBA, next meeting, Complete) set the status instead.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.interpret.datespans import find_date_spans
from boardpapers.extractors.vocabulary import (
    CONFUSABLES, DEADLINE_START_WORDS, DEADLINE_STATUS_WORDS, MEETING_WORDS, MONTH_PARTS, MONTHS, RANGE_JOINERS,
    SEASONS,
)
from boardpapers.schema.models import Deadline

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PART = r"(?:(?P<part>" + "|".join(sorted(MONTH_PARTS, key=len, reverse=True)) + r")[\s-]+(?:of\s+)?)?"
_YEAR4 = r"(?:19|20)\d{2}"
_SEASON = r"(?P<season>" + "|".join(SEASONS) + r")"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("week", re.compile(r"\bw/?c\.?\s+(?P<rest>.+)", re.I)),
    ("iso", re.compile(r"\b(?P<y>" + _YEAR4 + r")-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("numeric", re.compile(r"(?<![\d/.])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/])")),
    ("quarter", re.compile(  # the year first: "FY25/26 Q1", "2025/26 Q2"
        r"(?:\b(?P<fy>FY)\s*|(?<![\d/]))(?P<y1>(?:19|20)?\d{2})\s*[/-]\s*(?P<y2>\d{2,4})\s*[,:]?\s*"
        r"Q(?:uarter\s*)?(?P<q>[1-4])\b", re.I)),
    ("quarter", re.compile(
        r"\bQ(?:uarter\s*)?(?P<q>[1-4])\b(?:\s*(?:of\s+)?(?P<fy>FY\s*)?(?P<y1>(?:19|20)?\d{2})"
        r"(?:\s*[/-]\s*(?P<y2>\d{2,4}))?)?", re.I)),
    ("middle", re.compile(r"\bmid(?:dle of)?[\s-]+(?P<y>" + _YEAR4 + r")\b", re.I)),
    ("half", re.compile(
        r"\bH(?P<h>[12])\b(?:\s*(?P<fy>FY\s*)?(?P<y1>(?:19|20)?\d{2})(?:\s*[/-]\s*(?P<y2>\d{2,4}))?)?", re.I)),
    ("fy", re.compile(
        r"(?:\b(?P<fy>FY|financial\s+year|fin\s+year)\s*(?P<a>(?:19|20)?\d{2})\s*[/-]\s*(?P<b>\d{2,4})\b)"
        r"|(?<![\d/])(?P<c>" + _YEAR4 + r")\s*[/-]\s*(?P<d>\d{2}|" + _YEAR4 + r")(?![\d/])", re.I)),
    ("day_month", re.compile(
        r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
        r"(?:,?\s+(?P<y>" + _YEAR4 + r"|'?\d{2}(?!\d)))?\b", re.I)),
    ("month_day", re.compile(
        r"(?P<end>\bend\s+(?:of\s+)?)?\b" + _MONTH + r"\s+(?P<d>[1-9]\d?)(?P<ordinal>st|nd|rd|th)?(?![\d/.:])"
        r"(?:,?\s+(?P<y>" + _YEAR4 + r"))?\b", re.I)),
    ("season", re.compile(r"\b" + _SEASON + r"(?:\s+(?P<y>" + _YEAR4 + r"))?\b", re.I)),
    ("month", re.compile(
        r"\b" + _PART + _MONTH + r"(?:[\s,-]*(?P<y>" + _YEAR4 + r"|'?\d{2})(?![\d/]))?\b", re.I)),
    ("year", re.compile(r"(?<![\d/£$.])(?P<y>" + _YEAR4 + r")(?![\d/%])")),
]
_SENTENCE_WORDS = 5  # from this length on, spaCy finds the date's span first
# between two periods "and" spans both too ("April and May 2024")
_RANGE_JOINER = re.compile(r"^\s*(?:" + "|".join(map(re.escape, RANGE_JOINERS + ("and",))) + r")\s*$", re.I)
_REVISED_FROM = re.compile(r"\b(?:revised|moved|extended|amended|changed|re-?scheduled|put back)\s+from\b", re.I)
_REVISED = re.compile(r"\b(?:revised|rev\.?|now|moved|extended|amended|new date|re-?scheduled)\b", re.I)


@dataclass
class Period:
    start: dt.date
    end: dt.date
    granularity: str
    span: tuple[int, int]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _full_year(text: Optional[str], default: Optional[int]) -> Optional[int]:
    if not text:
        return default
    text = text.lstrip("'")
    year = int(text)
    if len(text) <= 2:
        year += 2000 if year < 70 else 1900
    return year


def _fy_start(y1: int, y2_text: Optional[str]) -> Optional[int]:
    """First calendar year of a financial year written 'y1/y2'; None when y2 does not follow y1."""
    if y2_text is None:
        return y1
    y2 = int(y2_text)
    if y2 == (y1 + 1) % 100 or y2 == y1 + 1:
        return y1
    return None


def financial_year_of(day: dt.date) -> int:
    """The calendar year a UK financial year (1 April - 31 March) containing `day` starts in."""
    return day.year if day.month >= 4 else day.year - 1


# One builder per kind of pattern: the match's groups -> the period it names (None when it names none).
# Each takes (groups, span, the paper's date, the year a bare month or season falls in).

def _day_numeric(g: dict, span, paper, default_year) -> Optional[Period]:
    day, month, year = int(g["d"]), int(g["m"]), _full_year(g["y"], None)
    if month > 12 and day <= 12:
        day, month = month, day
    d = dt.date(year, month, day)
    return Period(d, d, "day", span)


def _day_named(g: dict, span, paper, default_year) -> Optional[Period]:
    if g.get("end") and not g.get("ordinal") and not g.get("y") and len(g["d"]) == 2:
        return None  # "End Dec 19": the end of a month, so the number is its year (read as a month)
    year = _full_year(g.get("y"), default_year)
    if year is None:
        return None
    d = dt.date(year, MONTHS[g["month"].lower()], int(g["d"]))
    return Period(d, d, "day", span)


def _month(g: dict, span, paper, default_year) -> Optional[Period]:
    if g["month"][0].islower() and g["month"].lower() in ("may", "march") and not g.get("y"):
        return None  # "may" and "march" in lower case, with no year, are the verbs
    month = MONTHS[g["month"].lower()]
    year = _full_year(g.get("y"), default_year)
    if year is None:
        return None
    start, end = dt.date(year, month, 1), _month_end(year, month)
    if g.get("part"):
        first, last = MONTH_PARTS[g["part"].lower()]
        start = dt.date(year, month, min(first, end.day))
        end = dt.date(year, month, min(last, end.day)) if last < 31 else end
    return Period(start, end, "month", span)


def _season(g: dict, span, paper, default_year) -> Optional[Period]:
    first, last = SEASONS[g["season"].lower()]
    year = _full_year(g.get("y"), default_year)
    if year is None:
        return None
    end_year = year + 1 if last < first else year
    return Period(dt.date(year, first, 1), _month_end(end_year, last), "season", span)


def _financial_year(g: dict, span, paper, default_year) -> Optional[Period]:
    if g.get("a"):
        start_year = _fy_start(_full_year(g["a"], None), g["b"][-2:] if g["b"] else None)
    else:
        start_year = _fy_start(int(g["c"]), g["d"][-2:])
    if start_year is None:
        return None
    return Period(dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31), "financial_year", span)


def _quarter(g: dict, span, paper, default_year) -> Optional[Period]:
    """Q1-Q4 of a financial year where one is named or implied (Q1 is April to June), else of a calendar year."""
    q = int(g["q"])
    if g.get("y1") and (g.get("y2") or g.get("fy")):
        start_year = _fy_start(_full_year(g["y1"], None), g["y2"][-2:] if g.get("y2") else None)
        if start_year is None:
            return None
        financial = True
    elif g.get("y1"):
        start_year, financial = _full_year(g["y1"], None), False
    elif paper is not None:
        start_year, financial = financial_year_of(paper), True
    else:
        return None
    if financial:
        first_month = (3 + 3 * (q - 1)) % 12 + 1
        year = start_year + (1 if q == 4 else 0)
    else:
        first_month, year = 3 * (q - 1) + 1, start_year
    return Period(dt.date(year, first_month, 1), _month_end(year, first_month + 2), "quarter", span)


def _half(g: dict, span, paper, default_year) -> Optional[Period]:
    """H1 or H2 of a financial year: April to September, October to March."""
    if g.get("y1"):
        start_year = _fy_start(_full_year(g["y1"], None), g["y2"][-2:] if g.get("y2") else None)
    elif paper is not None:
        start_year = financial_year_of(paper)
    else:
        return None
    if start_year is None:
        return None
    if int(g["h"]) == 1:
        return Period(dt.date(start_year, 4, 1), dt.date(start_year, 9, 30), "half", span)
    return Period(dt.date(start_year, 10, 1), dt.date(start_year + 1, 3, 31), "half", span)


def _middle(g: dict, span, paper, default_year) -> Optional[Period]:
    """ "Mid-2025": June of that year."""
    year = int(g["y"])
    return Period(dt.date(year, 6, 1), dt.date(year, 6, 30), "month", span)


def _year(g: dict, span, paper, default_year) -> Optional[Period]:
    year = int(g["y"])
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", span)


_BUILDERS = {"iso": _day_numeric, "numeric": _day_numeric, "day_month": _day_named, "month_day": _day_named,
             "month": _month, "season": _season, "fy": _financial_year, "quarter": _quarter, "half": _half,
             "middle": _middle, "year": _year}


def _period_from(kind: str, m: re.Match, paper: Optional[dt.date], context_year: Optional[int]) -> Optional[Period]:
    """The period a match of the kind-th pattern names; None for an impossible date ("31 June")."""
    build = _BUILDERS.get(kind)
    if build is None:
        return None
    try:
        return build(m.groupdict(), m.span(), paper, context_year or (paper.year if paper else None))
    except (ValueError, KeyError):
        return None


def _context_year(text: str) -> Optional[int]:
    """The one year a text names, if it names exactly one ("2010 conference planned for March")."""
    years = {int(y) for y in re.findall(r"(?<![\d/£$.])((?:19|20)\d{2})(?![\d/%])", text)}
    return years.pop() if len(years) == 1 else None


def find_periods(text: str, paper_date: Optional[dt.date] = None,
                 context_year: Optional[int] = None) -> list[Period]:
    """Every date-like period in text, left to right, no two overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    context_year = context_year or _context_year(text)
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if kind == "week":
                inner = find_periods(m.group("rest"), paper_date)
                if inner and inner[0].granularity == "day":
                    start = inner[0].start - dt.timedelta(days=inner[0].start.weekday())
                    offset = m.start("rest")
                    a, b = inner[0].span
                    found.append(Period(start, start + dt.timedelta(days=4), "week", (m.start(), offset + b)))
                    taken.append((m.start(), offset + b))
                continue
            if kind == "year" and any(p.granularity != "year" for p in found):
                continue
            period = _period_from(kind, m, paper_date, context_year)
            if period is not None:
                found.append(period)
                taken.append(m.span())
    return sorted(found, key=lambda p: p.span)


_NEXT_MEETING = re.compile(r"\bnext\s+(?:[\w&'’-]+\s+){0,3}?(?:" + "|".join(MEETING_WORDS) + r")\b", re.I)


def _status_of(text: str) -> Optional[str]:
    low = " " + text.casefold() + " "
    if _NEXT_MEETING.search(low) and not find_periods(text):
        return "relative"  # "Next HWB meeting", "next Quality Committee"
    for status in ("tba", "ongoing", "relative", "none"):
        for word in DEADLINE_STATUS_WORDS[status]:
            if re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", low):
                return status
    return None


def _leading_status(text: str) -> Optional[str]:
    low = re.sub(r"(?<=\b\w)\.", "", text.casefold()).strip(" -–:.")  # "T.B.C." -> "tbc"
    for status in ("tba", "ongoing", "none"):
        for word in DEADLINE_STATUS_WORDS[status]:
            if low == word or re.match(re.escape(word) + r"(?![\w])", low):
                return status
    return None


def _start_only(text: str) -> Optional[str]:
    """"ongoing" for a short cell that gives only when work starts ("From Oct 03"), not a
    range with an end ("From April to June 2024")."""
    words = text.casefold().split()
    if not words or words[0] not in DEADLINE_START_WORDS or len(words) > 5:
        return None
    if any(w in RANGE_JOINERS for w in words) or not find_periods(text):
        return None
    return "ongoing"


def _choose(periods: list[Period], text: str) -> tuple[Period, Optional[Period]]:
    """The period that is the deadline, and the original one a revision replaced."""
    if len(periods) >= 2:
        between = text[periods[0].span[1]: periods[1].span[0]]
        if _RANGE_JOINER.match(between) or between.strip() in ("", ","):
            first, last = periods[0], periods[1]
            if _RANGE_JOINER.match(between) and last.end >= first.start:
                return Period(first.start, last.end, last.granularity, (first.span[0], last.span[1])), None
        for i, later in enumerate(periods[1:], 1):
            between = text[periods[i - 1].span[1]: later.span[0]]
            if _REVISED.search(between):
                if _REVISED_FROM.search(between):  # "March 2025 (revised from Dec 2024)": the first is the new
                    return periods[i - 1], later
                return later, periods[0]
        if _REVISED.search(text[: periods[0].span[0]]):
            return periods[0], periods[1]
        return max(periods, key=lambda p: p.end), None  # several dates and no revision said: the latest
    return periods[0], None


def sentence_periods(text: str, paper_date: Optional[dt.date]) -> list[Period]:
    """Periods in a longer sentence: spaCy finds each date's span, the grammar reads it."""
    context_year = _context_year(text)
    periods: list[Period] = []
    for start, end, _ in find_date_spans(text):
        for period in find_periods(text[start:end], paper_date, context_year):
            a, b = period.span
            periods.append(Period(period.start, period.end, period.granularity, (start + a, start + b)))
    return periods


def parse_deadline(text: Optional[str], paper_date: Optional[dt.date] = None) -> Deadline:
    """The deadline a cell prints, with the period it names and its due date."""
    raw = collapse(text)
    if not raw:
        return Deadline(text=None, status="none")
    clean = raw.translate(CONFUSABLES)
    leading = _leading_status(clean) or _start_only(clean)
    if leading in ("tba", "ongoing"):  # "Ongoing – building on the 2009 programme" is ongoing
        return Deadline(text=raw, status=leading)
    periods = sentence_periods(clean, paper_date) if len(clean.split()) >= _SENTENCE_WORDS else []
    periods = periods or find_periods(clean, paper_date) or _this_financial_year(clean, paper_date)
    if leading == "none" and not periods:  # but "Completed by June 2020" names a date
        return Deadline(text=raw, status="none")
    if periods:
        chosen, original = _choose(periods, clean)
        orig = None
        if original is not None:
            orig = Deadline(text=clean[original.span[0]: original.span[1]], status="date",
                            start=original.start, due=original.end, granularity=original.granularity,
                            span=original.span)
        return Deadline(text=raw, status="date", start=chosen.start, due=chosen.end,
                        granularity=chosen.granularity, span=chosen.span, original=orig)
    return Deadline(text=raw, status=_status_of(clean) or "none")


# "The end of the financial year", "year end": the year the paper itself falls in.
_THIS_FINANCIAL_YEAR = re.compile(r"\b(?:end\s+of\s+(?:the\s+|this\s+)?(?:financial|fiscal)\s+year|"
                                  r"(?:financial\s+)?year[- ]end)\b", re.I)


def _this_financial_year(text: str, paper_date: Optional[dt.date]) -> list[Period]:
    """The paper's own financial year (1 April to 31 March) where the text names its end."""
    m = _THIS_FINANCIAL_YEAR.search(text)
    if not m or paper_date is None:
        return []
    first = paper_date.year if paper_date.month >= 4 else paper_date.year - 1
    return [Period(dt.date(first, 4, 1), dt.date(first + 1, 3, 31), "financial_year", m.span())]


# Words that make a date in a sentence the row's due date: "by the end of June", "no later than".
_DUE_ANCHOR = re.compile(r"\b(?:(?P<keep>by|before|no later than|not later than)|until|extended to|revised to|"
                         r"target date(?: of)?|due(?: date)?(?: of)?|deadline(?: of)?)\s*:?\s*(?:the\s+)?(?:(?:end|close|start)\s+of\s+)?"
                         r"(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?$", re.I)
_DUE_YEAR = re.compile(r"\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:19|20)\d{2}\b|\bby\s+(?:19|20)\d{2}\b", re.I)
_ANCHOR_REACH = 30  # characters before a date in which its anchor must stand
_MEETING_AFTER = re.compile(r"\s+(?:board\s+|committee\s+|cabinet\s+|panel\s+)?meeting\b", re.I)
_REVISED_TO_YEAR_END = re.compile(r"\b(?:revised|extended|moved|put back)\s+to\s+(?P<phrase>(?:the\s+)?end\s+of\s+"
                                  r"(?:the\s+|this\s+)?(?:financial|fiscal)\s+year)", re.I)


def due_phrase(text: Optional[str], paper_date: Optional[dt.date] = None) -> Optional[str]:
    """The due date a sentence sets for itself ("… by the end of 2008", "extended to March
    2025"), as printed; None where its dates are not anchored as due dates ("will report
    in May 2025" is no deadline)."""
    if not text:
        return None
    revised = _REVISED_TO_YEAR_END.search(text)
    if revised:
        return revised.group("phrase")
    year = _DUE_YEAR.search(text)
    if year:
        return year.group()
    for period in sentence_periods(text, paper_date):
        a, b = period.span
        anchor = _DUE_ANCHOR.search(text[max(0, a - _ANCHOR_REACH):a])
        if anchor:
            start = max(0, a - _ANCHOR_REACH) + anchor.start() if anchor.group("keep") else a
            return text[start:b]
    return None


def deadline_in_sentence(text: Optional[str], paper_date: Optional[dt.date] = None) -> Optional[str]:
    """The deadline a sentence sets, as printed: an anchored due date ("by the end of Q2"),
    else the last date it names, else an event it waits for ("before the next meeting")."""
    if not text:
        return None
    anchored = due_phrase(text, paper_date)
    if anchored:
        return anchored
    dated = [p for p in sentence_periods(text, paper_date) if p.granularity != "year"]
    for period in reversed(dated):
        a, b = period.span
        meeting = _MEETING_AFTER.match(text, b)
        if meeting:  # "for the May meeting": the meeting held then
            return _with_anchor(text, a, meeting.end())
        if not _names_a_thing(text, period):
            return text[a:b]
    low = text.casefold()
    for status in ("relative", "tba"):
        for phrase in DEADLINE_STATUS_WORDS[status]:
            found = re.search(r"\b" + re.escape(phrase) + r"\b", low) if len(phrase) > 6 else None
            if found:  # a whole phrase: "that the next return" holds no "at the next"
                return _with_anchor(text, found.start(), found.end())
    return None


# A date that names what the action is about, not when it is due: "the minutes *of* 12 February",
# "the 2024/25 accounts" (the date before a noun), "the plan *for* 2025/26".
_OF_BEFORE = re.compile(r"\b(?:of|for|from|since|the)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|by|at|with|if|when|for|in|on|as|so|but|then)\b)[a-z]{3,}")


def _names_a_thing(text: str, period: "Period") -> bool:
    a, b = period.span
    return bool(_OF_BEFORE.search(text[max(0, a - 12):a]) or _NOUN_AFTER.match(text, b))


# The words that tie an event to a deadline: "*before the* next meeting", "*for the* May meeting".
_EVENT_ANCHOR = re.compile(r"\b(?:by|before|for|at|to|until|ahead of|in time for)\s+(?:the\s+)?$", re.I)


def _with_anchor(text: str, start: int, end: int) -> str:
    """An event phrase with the words before it that make it a deadline ("before the next meeting")."""
    anchor = _EVENT_ANCHOR.search(text[max(0, start - _ANCHOR_REACH):start])
    if anchor:
        start = max(0, start - _ANCHOR_REACH) + anchor.start()
    return text[start:end]
