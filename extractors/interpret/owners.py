"""Owners: splitting a responsibility cell into people, roles and bodies.

"Rod Moore / Simon Freeman Helen Reeve" -> three people; "Clare Mills, Leicester
City Council" -> Clare Mills (the council describes her); "Health and Well Being
Improvement Managers" -> one role, kept whole.  Honorifics go to their own field.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from boardpapers.extractors.cleaning import collapse
from boardpapers.extractors.vocabulary import (
    HEADER_SYNONYMS, HONORIFICS, NAME_JOINERS, NOT_OWNERS, ORG_WORDS, OWNER_JOINERS, PLACE_WORDS, POST_NOUNS, POSTNOMINALS, RAG_WORDS,
    ROLE_CONNECTORS, ROLE_WORDS,
)
from boardpapers.schema.models import Owner

_HONORIFIC = re.compile(
    r"^(?P<h>(?:(?:" + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))
    + r")\.?\s+)+)", re.I)
_POSTNOMINAL = re.compile(r"(?:,?\s+(?:" + "|".join(POSTNOMINALS) + r")\b\.?)+\s*$", re.I)
# "&" joins two owners only with spaces round it ("DoH&S" is one); a bracket opens a second owner
# ("Director of Public Health (Rod Moore)") unless it only qualifies the first ("Head of Estates (North)").
_JOINER = re.compile(r"\(?\b(?:" + "|".join(re.escape(j) for j in OWNER_JOINERS) + r")\b|[/;+\n()]|\s&\s", re.I)
_QUALIFIER = re.compile(r"\s*\((?P<word>[A-Za-z]+)\)")
_MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_MAILTO = re.compile(r"\bmailto:", re.I)
# A label left in front of the owner ("Lead: Chief Nurse"), from the owner column's own words.
_OWNER_LABEL = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in sorted(HEADER_SYNONYMS["owner"], key=len,
                                                                               reverse=True)) + r")\s*:\s*", re.I)
_EMAIL = re.compile(r"\(?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\)?")  # how to reach the owner, not an owner
_BRACKETED_INITIALS = re.compile(r"\s*\([A-Z]{2,4}\)")  # "Dr Priya Shah (PS)": the person's initials, not an owner
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]*[\.']?(?:[-'’][A-Z]?[a-z]+)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|St\.?)$")
_INITIALS = re.compile(r"^(?:[A-Z]{2,4}|(?:[A-Z]\.){2,4})$")
# Initials, or a post's short form with two capitals or more ("DoN", "HoPE"), one or several.
_SHORT_FORM = r"(?:[A-Z]{2,4}|(?=[A-Z]+[a-z])(?=(?:[a-z]?[A-Z]){2})[A-Z][A-Za-z]{1,3}[A-Z])"
_INITIALS_LIST = re.compile(r"^\s*(?:" + _SHORT_FORM + r"|ALL|All)(?:\s*[/,&]\s*(?:" + _SHORT_FORM + r"|ALL))*\s*$")


def is_initials_list(text: str) -> bool:
    """ "SG", "SG/NS", "PP / NS", "ALL": a cell line that names people by their initials only."""
    return bool(_INITIALS_LIST.match(text or "")) and (text or "").strip().casefold() not in RAG_WORDS  # "RED"


_NAME_JOINERS = frozenset(NAME_JOINERS) | {"/"}  # "Chief Nurse / DPH": a slash parts two, as "and" does
_MAX_NAMES_WORDS = 8


def names_only(text: str) -> bool:
    """Whether a short text does nothing but name who ("PL", "JB/KL", "Chief Nurse and DPH"): no
    word of it starts in lower case but joiners, and it is no sentence."""
    words = (text or "").strip().rstrip(".").replace(",", " ").split()
    if not words or len(words) > _MAX_NAMES_WORDS:
        return False
    if is_initials_list(text):
        return True
    return words[0][:1].isupper() and all(w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in words)
_VOCAB = frozenset(ROLE_WORDS) | frozenset(ORG_WORDS)
_EMPTY = {"n/a", "na", "none", "-", "tbc", "tba"}  # "All" is an owner: everyone present
_NOT_OWNERS = frozenset(NOT_OWNERS)


@lru_cache(maxsize=1)
def _given_names():
    """gender-guesser's dictionary of about 45,000 given names (shipped with the package, offline)."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def is_given_name(token: str) -> bool:
    """True when token is a known first name ("Bev", "Priti"), not a place or a word ("Hartley")."""
    token = token.strip(".,")
    return len(token) > 1 and _given_names().get_gender(token) != "unknown"


def _is_vocab(token: str) -> bool:
    return token.casefold().strip(".,") in _VOCAB


def _is_name_token(token: str) -> bool:
    return bool(_NAME_TOKEN.match(token)) and not _is_vocab(token)


def strip_honorific(text: str) -> tuple[Optional[str], str]:
    """('Cllr Mrs', 'Manjula Sood') from 'Cllr Mrs Manjula Sood'; post-nominals dropped."""
    text = _POSTNOMINAL.sub("", text.strip())
    m = _HONORIFIC.match(text)
    if m and text[m.end():].strip():
        return collapse(m.group("h")), text[m.end():].strip()
    return None, text


def person_runs(tokens: list[str]) -> list[list[str]]:
    """Runs of name-like tokens, skipping role and organisation words.

    A capitalised word just before an organisation word belongs to the body
    ("Leicester City Council"), and a run after "of" or "and" names a role.
    """
    runs: list[list[str]] = []
    current: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        before_org = nxt.casefold().strip(".,") in ORG_WORDS or tok.casefold() in PLACE_WORDS
        if _is_name_token(tok) and not before_org:
            if not current and i > 0 and tokens[i - 1].casefold() in ROLE_CONNECTORS:
                runs.append([])
                continue
            current.append(tok.rstrip(".,") if not tok.startswith("St") else tok)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if r]


def _printed_tokens(tokens: list[str]) -> list[str]:
    """Name tokens as printed, less the punctuation that ends a cell ("Strickland." -> "Strickland")."""
    out = [t.rstrip(",") for t in tokens]
    if out and out[-1].endswith(".") and len(out[-1]) > 3:
        out[-1] = out[-1][:-1]
    return out


def split_juxtaposed(run: list[str]) -> list[str]:
    """'Hanna Blackledge Rod Moore' -> two names; 'Stuart Cameron Strickland' stays one.

    A run of four or six is cut into pairs when every pair opens with a given
    name; otherwise the run is one name.
    """
    if len(run) >= 4 and len(run) % 2 == 0 and not any(t.startswith("St") for t in run):
        pairs = [run[i: i + 2] for i in range(0, len(run), 2)]
        if all(is_given_name(p[0]) for p in pairs):
            return [" ".join(p) for p in pairs]
    return [" ".join(run)]


def _classify(text: str) -> str:
    tokens = text.split()
    if len(tokens) == 1 and _INITIALS.match(tokens[0]) and tokens[0].casefold() not in ORG_WORDS:
        return "initials"
    lowered = {t.casefold().strip(".,") for t in tokens}
    last = tokens[-1].casefold().strip(".,")
    if last in ROLE_WORDS and last not in ORG_WORDS:  # "Trust Secretary" is a role, "NHS Trust" a body
        return "role"
    if lowered & set(ORG_WORDS):
        return "organisation"
    if lowered & set(ROLE_WORDS):
        return "role"
    if len(tokens) == 1 and not is_given_name(tokens[0]) and _SERVICE_WORD.search(tokens[0]):
        return "role"  # "Housing", "Highways", "Licensing": a service, not a surname
    return "person" if is_given_name(tokens[0]) or len(tokens) == 1 else "organisation"


_SERVICE_WORD = re.compile(r"[a-z](?:ing|ings|ways|ates|ces)$")


def _owners_in_chunk(chunk: str) -> list[Owner]:
    """People in one chunk ("Name, role, body Name2, role"), or the chunk as a role or body."""
    honorific, body = strip_honorific(chunk)
    parts = [p.strip() for p in body.split(",") if p.strip()]
    people: list[Owner] = []
    for index, part in enumerate(parts):
        h, text = strip_honorific(part)
        tokens = text.split()
        named = is_given_name(tokens[0]) if tokens else False
        # A name the dictionary does not know ("Chukwuemeka Obi") is a name all the same when it
        # stands alone, carries an honorific, or a job title follows it ("…, Head of Finance").
        titled = index + 1 < len(parts) and _classify(parts[index + 1]) in ("role", "organisation")
        if not named and 2 <= len(tokens) <= 4 and (h or honorific or titled or len(parts) == 1) \
                and all(_is_name_token(t) for t in tokens) \
                and not any(t.isupper() and len(t.strip(".")) > 1 for t in tokens):  # "J Smith" is a name
            named = True
        body_name = 2 <= len(tokens) <= 4 and tokens[-1].casefold().strip(".,") in _VOCAB \
            and all(t[:1].isupper() for t in tokens)  # "Ward Discharge Team": a body, though "Ward" is a name
        if all(_is_name_token(t) for t in tokens) and 2 <= len(tokens) and named and not body_name:
            people += [Owner(name=n, kind="person", honorific=h or honorific, raw=chunk)
                       for n in split_juxtaposed(_printed_tokens(tokens))]
            continue
        runs = [] if body_name else [r for r in person_runs(tokens) if len(r) >= 2 and is_given_name(r[0])]
        if people and runs and not all(_is_name_token(t) for t in tokens):
            runs = runs[-1:] if tokens[-1].rstrip(".,") == runs[-1][-1] else []
        for run in runs:
            people += [Owner(name=n, kind="person", honorific=h, raw=chunk) for n in split_juxtaposed(run)]
    if people:
        return people
    bodies = _comma_list(body)
    if bodies:
        return [Owner(name=b, kind=_classify(b), raw=chunk) for b in bodies]
    text = collapse(body).rstrip(".,")
    half = len(text) // 2
    if len(text) > 10 and text[:half].strip() == text[half:].strip():
        text = text[:half].strip()
    kind = "person" if honorific else _classify(text)  # an honorific means a person ("Dr. A. N. Other")
    return [Owner(name=text, kind=kind, honorific=honorific, raw=chunk)] if text else []


# The role is bounded in length, so a long run of capitalised words with no holder stays linear.
_ROLE_HELD_BY = re.compile(r"(?P<role>[A-Z][^()/;,\n]{0,150}?)\s*\((?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2})\)")


def role_holders(text: str) -> dict[str, str]:
    """Roles a cell names with their holder: "Director of Public Health (Rod Moore)" -> {role: name}."""
    found = {}
    for m in _ROLE_HELD_BY.finditer(text):
        role, name = collapse(m.group("role")), m.group("name")
        if any(_is_vocab(t) for t in role.split()) and is_given_name(name.split()[0]):
            found[role] = name
    return found


def split_owners(text: Optional[str]) -> list[Owner]:
    """Every distinct owner a responsibility cell names, in order."""
    if not text:
        return []
    original = text
    text = _OWNER_LABEL.sub("", _MAILTO.sub("", _MARKDOWN_LINK.sub(lambda m: m.group("text"), text)))
    text = _EMAIL.sub("", text) if _EMAIL.sub("", text).strip(" ,;") else text  # an address alone is kept
    if collapse(text).casefold().strip(". ") in _EMPTY | _NOT_OWNERS:
        return []
    holders = role_holders(text)
    owners = [o.model_copy(update={"holder": holders[o.name]}) if o.name in holders else o for o in _split_owners(text)]
    return _with_spans(owners, original)


def _with_spans(owners: list[Owner], text: str) -> list[Owner]:
    """Each owner with where its name is printed in the cell, where it is printed as named."""
    out, cursor, folded = [], 0, text.casefold()
    for owner in owners:
        start = folded.find(owner.name.casefold(), cursor)
        if start < 0:
            start = folded.find(owner.name.casefold())
        if start >= 0:
            owner = owner.model_copy(update={"span": (start, start + len(owner.name))})
            cursor = start + len(owner.name)
        out.append(owner)
    return out


def _split_owners(text: str) -> list[Owner]:
    text = _BRACKETED_INITIALS.sub("", text)
    text = _QUALIFIER.sub(lambda m: f" \x00{m.group('word')}\x01" if _is_qualifier(m.group("word")) else m.group(), text)
    chunks = [collapse(c).strip(" ,.-()").replace("\x00", "(").replace("\x01", ")")
              for c in _JOINER.split(text)]  # line breaks separate owners
    owners: list[Owner] = []
    seen: set[str] = set()
    for chunk in chunks:
        if not chunk or chunk.casefold() in _EMPTY:
            continue
        for sub in _split_and(chunk):
            for owner in _owners_in_chunk(sub):
                key = owner.name.casefold()
                if key not in seen:
                    seen.add(key)
                    owners.append(owner)
    return owners


def _comma_list(text: str) -> list[str]:
    """ "Estates, Parks and Highways" -> its three bodies; a single title such as "Head of
    Planning, Performance and Quality" (words like "of" in it) stays whole."""
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", text) if p.strip()]
    if len(parts) < 3 or any(len(p.split()) > 4 for p in parts):
        return []
    if any(w.casefold() in ROLE_CONNECTORS for p in parts for w in p.split()):
        return []
    return parts


def _is_qualifier(word: str) -> bool:
    """A one-word bracket that qualifies an owner: a place or a standing ("North", "Acting"), not a
    person's initials or name."""
    return not _INITIALS.match(word) and not is_given_name(word)


def _split_and(chunk: str) -> list[str]:
    """Split on ' and ' only when both sides are people's names ("Rod Moore and Ruth Lake") or
    initials ("JB and KL"); a role or team after the last name ("…, Group Managers",
    "…, Commissioning") is theirs, not an owner."""
    sides = re.split(r"\s+and\s+", chunk)
    if len(sides) > 1 and all(_INITIALS.match(s.strip()) for s in sides):
        return [s.strip() for s in sides]
    last = sides[-1].split(",")
    if len(sides) > 1 and len(last) == 2 and _classify(last[1].strip()) in ("role", "organisation"):
        sides[-1] = last[0]
    if len(sides) > 1 and all(
        2 <= len(s.split()) <= 4 and all(_is_name_token(t) for t in strip_honorific(s)[1].split())
        for s in sides
    ):
        return sides
    if len(sides) == 2 and (all(names_a_post(s) for s in sides) or all(_names_a_body(s) for s in sides)):
        return [s.strip() for s in sides]  # "Director of Adult Social Care and ICB Director of Operations"
    return [chunk]


_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")


def _names_a_body(text: str) -> bool:
    """A side of "… and …" that is a body in its own right: an acronym ("CCG") or a name ending
    in a word for a body ("Local Authority", "County Council"); "Health" alone is none."""
    words = text.split()
    return bool(words) and (len(words) == 1 and bool(_ACRONYM.match(words[0]))
                            or len(words) >= 2 and words[-1].casefold() in ORG_WORDS)


def names_a_post(text: str) -> bool:
    """Whether the text names a post ("Director of Public Health", "Medical Director", "ICB
    Director of Operations"); "Quality", "Estates" or "Senior Strategy" names none."""
    words = [w.casefold().strip(".,") for w in text.split()]
    return len(words) >= 2 and (words[-1] in POST_NOUNS or any(
        a in POST_NOUNS and b in ("of", "for") for a, b in zip(words[:3], words[1:4])))


# --- initials and variants ------------------------------------------------------

_DEFINED_INITIALS = re.compile(
    r"(?P<name>(?:(?:Dr|Cllr|Mr|Mrs|Ms|Miss|Prof|Professor)\.?\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"\s*\((?P<initials>[A-Z]{2,4})\)")


def initials_of(name: str) -> str:
    return "".join(t[0] for t in name.replace("-", " ").split() if t[:1].isupper())


def find_initials(texts: list[str]) -> dict[str, str]:
    """Initials a paper defines -> the name ("Dr Priya Shah (PS)" -> {"PS": "Priya Shah"}).

    The initials must be those of the name (middle names may be left out), so
    "Chief Finance Officer (CFO)" is a role's abbreviation, not a person.
    """
    found: dict[str, str] = {}
    for text in texts:
        for m in _DEFINED_INITIALS.finditer(text):
            _, name = strip_honorific(m.group("name"))
            initials = m.group("initials")
            letters = initials_of(name)
            if any(_is_vocab(t) for t in name.split()):
                continue  # "Chief Finance Officer (CFO)": a role's abbreviation
            if letters == initials or (is_given_name(name.split()[0]) and len(initials) == 2
                                       and letters[0] == initials[0] and letters[-1] == initials[-1]):
                found.setdefault(initials, name)
    return found
