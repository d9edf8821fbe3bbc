"""Every word list the extractors rely on, one table per piece of knowledge.

Parsers import these tables instead of spelling words inside their regular
expressions, so a new synonym (a council that heads its column "Who") is one
line here and nowhere else.
"""
from __future__ import annotations

from boardpapers.schema.models import RATINGS

# Column headers and record labels -> canonical field.  Keys are compared after
# `normalise_label` (lower case, "(s)" and punctuation dropped, "&" -> "and").
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": (
        "ref", "ref no", "reference", "no", "number", "item", "item no", "action no",
        "rec no", "recommendation no", "para", "paragraph", "id",
    ),
    "recommendation": (
        "recommendation", "recommendations", "objective", "issue", "finding",
        "recommendation finding", "area", "priority", "section", "theme", "key issue",
        "area for improvement", "audit recommendation", "recommendations made",
        "aim", "goal", "risk", "weakness", "standard", "relevant item", "agenda item",
        "measure", "measures",  # bare, the intervention a plan lists ("Success measure" is the outcome)
        "you said", "what you said", "what you told us", "what we heard",  # "You said, we did" plans
        "what needs to change", "what needs to improve", "what we found", "what the review found",
        "learning point", "learning points", "learning", "lesson", "lessons", "lesson learned", "lessons learned",
        "must do", "should do", "must do action", "should do action",  # an inspection's findings (CQC)
        "observation", "observations",
    ),
    "action": (
        "action", "action proposed", "proposed action", "management action",
        "agreed action", "action required", "action to be taken", "actions agreed",
        "management response", "actions to be taken", "planned action", "what",
        "action agreed", "action planned", "how we will do it", "what we will do", "activity", "task",
        "we did", "we will", "what we did", "what will happen", "what will be done", "action point",
        "action points", "steps to be taken", "steps",
        "description",  # of the action; beside an action column, of what it answers (see headers)
    ),
    "owner": (
        "responsibility", "responsible", "lead", "owner", "contact", "contacts",
        "responsible officer", "lead officer", "action owner", "by whom", "who",
        "responsible person", "accountable officer", "lead person", "lead director", "action by",
        "executive lead", "responsible lead", "lead responsibility", "responsible manager",
        "led by", "who will lead", "who leads",
        "assigned to", "allocated to", "sro", "senior responsible owner", "senior responsible officer", "exec lead", "accountable director",
    ),
    "deadline": (
        "deadline", "timescale", "timescales", "by when", "target date", "due date",
        "date", "completion date", "timeframe", "time frame", "when", "target completion",
        "target completion date", "implementation date", "date due", "due", "due by", "revised deadline",
        "revised date", "revised target date", "original deadline", "original date",
        "original target date", "timeline", "target", "target quarter", "target month", "target year",
        "date to be completed by", "to be completed by", "complete by",
    ),
    "progress": (
        "progress", "progress and next steps", "update", "status", "progress update",
        "comments", "current position", "progress to date", "next steps", "commentary",
        "position", "update on progress", "current status", "progress comments",
        "latest update", "position statement", "evidence of progress", "notes on progress", "next step",
    ),
    "outcome": (
        "outcome", "outcomes", "expected outcome", "success measure", "measure of success", "measures of success",
        "intended outcome", "success criteria", "expected impact", "impact",
        "evidence of impact", "evidence of success", "impact measure", "impact measures", "measure of impact",
        "kpi", "kpis", "performance indicator", "performance indicators",
    ),
    "rag": ("rag", "rag rating", "rating", "rag status", "status rag", "rag rated", "bragg", "brag",
            "delivery confidence", "confidence"),
}

# Header words by meaning, for headers that are not one of the phrases above: the
# head noun of "Main tasks this period", "Lead organisation", "Position at Q2",
# "Success measure".  A header is read from its last word back (the head comes
# last in English noun phrases) up to the first word that names a field, after
# cutting it at the first of HEADER_QUALIFIERS ("Update *at* 30 June").
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "ref": ("ref", "reference", "no", "number", "id", "para", "rec", "recs"),
    "recommendation": (
        "recommendation", "objective", "issue", "finding", "theme", "aim", "goal", "weakness",
        "standard", "requirement", "area", "concern", "challenge", "gap", "problem", "source", "paper", "item",
        "subject", "topic", "workstream", "strand", "pillar", "domain",
    ),
    "action": (
        "action", "task", "step", "activity", "commitment", "intervention", "deliverable",
        "milestone", "undertaking", "what", "how", "work", "plan", "response",
    ),
    "owner": (
        "owner", "lead", "leads", "responsible", "responsibility", "who", "whom", "officer",
        "organisation", "organization", "partner", "partners", "accountable", "contact", "person",
        "manager", "director", "sponsor", "agency", "team", "champion",
    ),
    "deadline": ("deadline", "date", "when", "timescale", "timeframe", "due", "timeline", "completion",
                 "by"),
    "progress": (
        "progress", "update", "status", "position", "comment", "commentary", "note", "notes",
        "evidence", "narrative", "followup", "follow", "assurance",
    ),
    "outcome": ("outcome", "impact", "measure", "success", "result", "benefit"),
    "rag": ("rag", "rating", "brag", "bragg"),
}
# Headers asked as questions ("Who is responsible?", "How will we know?"): when no word of the
# question names a field, its question word does; a question about what has happened asks for
# progress, and one about how we will know for the outcome.
QUESTION_FIELDS: dict[str, str] = {"who": "owner", "whom": "owner", "when": "deadline", "what": "action",
                                   "how": "action", "where": "progress"}
QUESTION_PAST_WORDS = ("has", "have", "had", "did", "so far", "to date", "happened", "achieved")
# A "what" or "how" question asks for the action only where it asks what is to be done ("What
# will we do?", "How will we do it?"), not what a thing is ("What is the IDACI?"); "where" asks
# for progress only where it asks where things stand now.
QUESTION_DOING_WORDS = ("will", "do", "does", "done", "doing", "should", "going", "need", "needs", "plan",
                        "planned", "deliver", "achieve")
QUESTION_STANDING_WORDS = ("now", "are we", "stand", "up to")
QUESTION_OUTCOME_WORDS = ("know", "measure", "tell", "judge", "look like", "difference", "success")

# Words after which a header only qualifies its head ("Update at 30 June", "Lead for delivery").
HEADER_QUALIFIERS = ("at", "as", "on", "in", "for", "this", "from", "to", "of", "since", "during", "per", "with")
# Headers of columns that are read as nothing, whatever their words: the date an action was
# raised is not its deadline; a priority or a risk score is not the recommendation.
UNMAPPED_HEADERS = (
    "date raised", "date added", "date logged", "date opened", "date identified", "date agreed",
    "date of meeting", "meeting date", "raised", "date entered", "date first raised", "date created",
    "risk score", "score", "likelihood", "cost", "budget", "rank",
    "date of report", "report date", "date of paper", "paper date", "date of issue", "issue date",
    "publication date", "date of publication", "date published", "date issued",  # the paper's own date
)

# What cells say in columns that must not be read as their header suggests: a priority
# (not the recommendation), a management decision on a recommendation (progress only
# where the table has no progress column of its own).
PRIORITY_VALUES = ("high", "medium", "med", "low", "h", "m", "l", "1", "2", "3", "4", "5", "critical",
                   "essential", "desirable", "urgent", "priority 1", "priority 2", "priority 3")
DECISION_VALUES = ("accepted", "agreed", "partly agreed", "partially agreed", "partly accepted",
                   "partially accepted", "not agreed", "not accepted", "declined", "rejected", "noted",
                   "agreed in part", "accepted in part")
# Heading rows that group a plan's rows by where they stand, not by what they are about:
# they give no recommendation to the rows below ("Open actions", "Proposed for closure").
LIFECYCLE_HEADINGS = (
    "open", "open actions", "closed", "closed actions", "complete", "completed", "completed actions",
    "proposed for closure", "recommended for closure", "ongoing", "ongoing actions", "in progress",
    "outstanding", "outstanding actions", "new", "new actions", "current actions", "live actions",
    "actions held over", "held over", "carried forward", "actions carried forward", "archive",
    "actions proposed for closure", "actions closed", "actions completed", "actions open",
)

# Header words that mark the *original* of two deadline columns.
ORIGINAL_DEADLINE_WORDS = ("original",)
REVISED_DEADLINE_WORDS = ("revised", "new", "amended", "updated")

# RAG ratings as printed -> canonical rating.  Order of severity for "Amber/Green".
RAG_COLOURS: dict[str, str] = {"red": "red", "amber": "amber", "yellow": "amber", "green": "green", "blue": "blue"}
RAG_WORDS: dict[str, str] = {**RAG_COLOURS, "r": "red", "a": "amber", "g": "green", "b": "blue",
                             "complete": "blue", "completed": "blue"}
RAG_SEVERITY = RATINGS  # most severe first
# Ratings drawn rather than written: coloured emoji, and the colours a cell is shaded in
# (each rating's usual shades; a fill is read as the nearest, if it is near enough).
RAG_EMOJI: dict[str, str] = {"🔴": "red", "🟥": "red", "🟠": "amber", "🟧": "amber", "🟡": "amber",
                             "🟨": "amber", "🟢": "green", "🟩": "green", "🔵": "blue", "🟦": "blue",
                             "✔": "blue", "✓": "blue", "☑": "blue", "✅": "blue"}  # a tick: done
RAG_SHADES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "red": ((255, 0, 0), (192, 0, 0), (230, 60, 60), (255, 80, 80)),
    "amber": ((255, 192, 0), (255, 165, 0), (255, 204, 0), (255, 255, 0), (247, 150, 70), (255, 153, 0)),
    "green": ((0, 176, 80), (0, 128, 0), (146, 208, 80), (0, 255, 0), (84, 130, 53), (112, 173, 71)),
    "blue": ((0, 112, 192), (0, 0, 255), (68, 114, 196), (0, 176, 240), (91, 155, 213)),
}
# CSS colour names a rating cell may be shaded with.
CSS_COLOURS: dict[str, str] = {
    "red": "#FF0000", "darkred": "#8B0000", "crimson": "#DC143C", "orange": "#FFA500", "gold": "#FFD700",
    "yellow": "#FFFF00", "amber": "#FFBF00", "green": "#008000", "lime": "#00FF00", "limegreen": "#32CD32",
    "forestgreen": "#228B22", "blue": "#0000FF", "royalblue": "#4169E1", "dodgerblue": "#1E90FF",
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# UK meteorological seasons: name -> (first month, last month).
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}

# Deadline words that are not dates, by status (compared on normalised text).
DEADLINE_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "ongoing": (
        "ongoing", "on going", "on-going", "continuous", "continuing", "monthly", "quarterly",
        "annually", "annual", "weekly", "yearly", "bi-monthly", "bimonthly", "rolling",
        "throughout", "as required", "as and when", "continual",
    ),
    "tba": (
        "tba", "tbc", "tbd", "to be agreed", "to be arranged", "to be confirmed",
        "to be determined", "to be decided", "to be set", "to be scheduled",
    ),
    "relative": (
        "next meeting", "next board", "next committee", "next cabinet", "next panel", "next scrutiny",
        "verbal update", "on publication", "in line with", "following",
        "after the", "subject to", "when available", "once", "upon", "on receipt",
        "dependent on", "depending on", "at the next", "following the",
        "within", "from approval", "after approval", "from sign-off",  # "Within 3 months": tied to no date
    ),
    "none": (
        "complete", "completed", "in place", "n/a", "na", "not applicable", "done",
        "achieved", "closed", "-", "none", "nil",
    ),
}

# What a board's meetings are called: "the next HWB meeting", "the next Quality Committee" is a
# relative deadline whatever the body's own name between "next" and this word.
MEETING_WORDS = ("meeting", "meetings", "board", "committee", "cabinet", "panel", "forum", "council", "group",
                 "session")

# A deadline cell that only says when work starts ("From Oct 03", "Starting April 2024")
# sets no due date: the work is ongoing from then.
DEADLINE_START_WORDS = ("from", "since", "starting", "commencing")

# Honorifics and post-nominals stripped from owner names.
HONORIFICS = (
    "dr", "cllr", "councillor", "mr", "mrs", "ms", "miss", "prof", "professor", "sir",
    "dame", "rev", "revd", "lord", "lady", "the rt hon", "rt hon", "cllr mrs", "cllr mr",
)
POSTNOMINALS = ("obe", "mbe", "cbe", "frcp", "frcs", "mrcgp", "phd", "qc", "kc", "jp", "dl")

# Words that make an owner a role or a body rather than a person.
# The nouns a post is named by, at its end ("Medical Director") or before "of" ("Head of Housing"):
# "Director of Public Health and Head of Commissioning" names two posts, "Senior Strategy and
# Implementation Manager" one.
POST_NOUNS = ("director", "manager", "officer", "head", "lead", "nurse", "secretary", "executive", "coordinator",
              "co-ordinator", "commissioner", "chair", "inspector", "consultant", "clinician", "adviser", "advisor",
              "analyst", "leader", "practitioner", "specialist", "controller", "clerk", "treasurer", "administrator")
ROLE_WORDS = (
    "director", "directors", "consultant", "manager", "managers", "officer", "officers",
    "head", "lead", "leads", "chief", "inspector", "commissioner", "principal", "chair",
    "chairman", "secretary", "executive", "coordinator", "co-ordinator", "team", "group",
    "board", "partnership", "committee", "network", "service", "services", "forum",
    "nurse", "clinician", "advisor", "adviser", "analyst", "strategy", "planning",
    "implementation", "senior", "deputy", "assistant", "interim", "acting", "associate",
    "colleagues", "staff", "all", "practitioner", "practitioners", "specialist", "leader",
    "governance", "health", "public", "care", "clinical", "medical", "commissioning",
    "development", "finance", "operations", "operational", "divisional", "mental",
    "improvement", "wellbeing", "well", "being", "strategic", "programme", "project",
    "support", "teams", "groups", "boards",
)
ORG_WORDS = (
    "council", "nhs", "trust", "ccg", "icb", "pct", "police", "university", "authority",
    "cc", "lcc", "ambulance", "fire", "rescue", "ltd", "plc", "hospital", "hospitals",
    "foundation", "commissioning", "government", "department", "agency", "nst", "cqc",
    "uhl", "lpt", "standards", "trading", "licensing", "city", "county", "borough",
    "district", "region", "regional", "national", "england", "scotland", "wales",
    "directorate", "division", "unit", "office", "collaborative", "alliance", "society",
    "sector", "community", "voluntary",
)

# The last word of a publishing body's name, as a paper prints it at its top
# ("Northshire Health and Wellbeing Board", "Riverdale Council", "Wexcombe Health and Care Partnership").
PUBLISHER_HEADS = (
    "council", "trust", "board", "partnership", "authority", "icb", "ccg", "committee", "cabinet",
    "executive", "government", "alliance", "commission", "service", "system", "assembly",
)

# Letters from other scripts that print like Latin ones ("ТВА" typed in Cyrillic).
CONFUSABLES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y",
    "х": "x", "і": "i", "І": "I",
})

# Position words before a month: which days of it they cover.
MONTH_PARTS: dict[str, tuple[int, int]] = {
    "beginning of": (1, 10), "start of": (1, 10), "early": (1, 10), "mid": (11, 20),
    "middle of": (11, 20), "late": (21, 31), "end of": (21, 31), "end": (21, 31),
}

# Phrases that join two owners in one cell ("X in conjunction with Y").
OWNER_JOINERS = (
    "in conjunction with", "supported by", "with support from", "working with", "together with",
    "on behalf of", "assisted by",
)
# Progress that says an action is finished ("Complete – signed off in May"): with a blue rating,
# what makes an item complete.  Decided once, in interpretation, and stored as actions.completed.
DONE_WORDS = ("complete", "done", "closed", "achieved", "delivered")

# Status words printed above a narrative record of progress on an action (a risk's mitigations).
RECORD_STATUS_WORDS = (
    "complete", "completed", "partially complete", "partially completed", "regular review",
    "subject to regular review", "action outstanding", "outstanding", "in progress", "on track",
    "not started", "ongoing", "closed", "delayed", "overdue", "superseded",
)

# What an owner cell may hold that names nobody: a status written in the wrong column.
NOT_OWNERS = ("on track", "in place", "in progress", "complete", "completed", "ongoing", "not started",
              "delayed", "done", "closed", "open", "not yet due", "overdue", "see above", "as above")
# Place words that join an organisation's name rather than a person's ("East Midlands Ambulance").
PLACE_WORDS = ("east", "west", "north", "south", "midlands", "central", "greater", "upper", "lower")
# Lower-case words after which a capitalised run names a role or a body, not a person.
# Small words that join the words of one name or post ("Head of Parking", "Chief Nurse and DPH").
NAME_JOINERS = ("of", "and", "&", "for", "the")
ROLE_CONNECTORS = ("of", "for", "and", "in", "to", "the", "on", "at")

# What joins the two ends of a range, of dates ("April – June", "Q1 to Q3") and of
# references ("Items 11.1 – 11.5", "3.1 through 3.4").
RANGE_DASHES = ("-", "–", "—")
RANGE_WORDS = ("to", "until", "till", "through")
RANGE_JOINERS = RANGE_DASHES + RANGE_WORDS

# A line that is only a page number ("12", "Page 3 of 10", "3/10", "- 7 -"): page furniture.
PAGE_NUMBER_PATTERN = r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$"

# Labels that open or fill a record in narrative plans ("Section 1.1 ...",
# "Contact(s) ...", "RATING Amber", "Priority: ...", "Next steps: ...").
RECORD_START_LABELS = ("section", "priority", "objective", "recommendation", "area for improvement", "aim")
# The labels a narrative record's lines open with; what each means is HEADER_SYNONYMS'
# meaning, except where RECORD_LABEL_MEANINGS says how a record uses it differently.
RECORD_FIELD_LABELS = (
    "contact", "contacts", "lead", "leads", "owner", "responsible officer", "lead officer", "responsibility",
    "rating", "rag rating", "rag", "rag status", "next steps", "progress", "update", "progress update",
    "deadline", "timescale", "target date", "due date", "outcome", "expected outcome", "risks", "risk",
)
# In a table "Risk" heads the risk itself (the row's subject); in a record, "Risks:" comments on
# progress.  "Next steps:" in a record opens the text that follows (kept apart from the body).
RECORD_LABEL_MEANINGS: dict[str, str] = {"next steps": "next_steps", "risks": "progress", "risk": "progress"}

# Words that open an action recorded inline in minutes ("ACTION: PS to circulate ...").
MINUTE_ACTION_LABELS = ("action", "actions", "action point", "agreed action")

# Short forms of given names: short -> the full names it stands for.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "bob": ("robert",), "rob": ("robert",), "bill": ("william",), "will": ("william",),
    "liz": ("elizabeth",), "beth": ("elizabeth",), "kate": ("katherine", "catherine"),
    "cath": ("catherine", "cathryn"), "jim": ("james",), "jimmy": ("james",), "dave": ("david",),
    "mike": ("michael",), "mick": ("michael",), "tony": ("anthony",), "steve": ("stephen", "steven"),
    "chris": ("christopher", "christine"), "sue": ("susan",), "sandy": ("sandra", "alexander"),
    "bev": ("beverley", "beverly"), "jo": ("joanne", "joanna", "josephine"), "tom": ("thomas",),
    "dan": ("daniel",), "ben": ("benjamin",), "nick": ("nicholas",), "pat": ("patricia", "patrick"),
    "rod": ("rodney", "roderick"), "oli": ("oliver",), "ollie": ("oliver",), "alex": ("alexander", "alexandra"),
    "andy": ("andrew",), "tim": ("timothy",), "jon": ("jonathan",), "sam": ("samuel", "samantha"),
    "jen": ("jennifer",), "jenny": ("jennifer",), "mandy": ("amanda",), "di": ("diane", "diana"),
}
