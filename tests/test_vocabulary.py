"""The vocabulary: each piece of knowledge in one table, every table used, no word with two meanings."""
import re
from pathlib import Path

import pytest

import boardpapers.extractors.vocabulary as vocabulary
from boardpapers.extractors.find.headers import label_field, normalise_label

ROOT = Path(__file__).resolve().parent.parent
TABLES = sorted(name for name in vars(vocabulary) if name.isupper() and not name.startswith("_"))


def _uses() -> str:
    """The package's code outside the vocabulary, and the vocabulary's own tables built from
    others (RAG_WORDS from RAG_COLOURS): where a table can be used."""
    files = [p for folder in ("extractors", "ingest", "db", "schema") for p in (ROOT / folder).rglob("*.py")
             if p.name != "vocabulary.py"]
    own = (ROOT / "extractors" / "vocabulary.py").read_text().splitlines()
    return "\n".join([p.read_text() for p in files] + [line.split("=", 1)[1] for line in own if "=" in line])


USES = _uses()


@pytest.mark.parametrize("name", TABLES)
def test_every_table_is_used(name):
    assert re.search(rf"\b{name}\b", USES), f"{name} is used nowhere"


def test_no_header_phrase_names_two_fields():
    seen: dict[str, str] = {}
    for field, phrases in vocabulary.HEADER_SYNONYMS.items():
        for phrase in phrases:
            assert seen.setdefault(normalise_label(phrase), field) == field, phrase


def test_no_header_word_names_two_fields():
    seen: dict[str, str] = {}
    for field, words in vocabulary.HEADER_WORDS.items():
        for word in words:
            assert seen.setdefault(word, field) == field, word


def test_every_known_header_reads_as_its_field():
    for field, phrases in vocabulary.HEADER_SYNONYMS.items():
        for phrase in phrases:
            assert label_field(phrase) == field, phrase


def test_record_labels_take_their_meaning_from_the_header_vocabulary():
    for label in vocabulary.RECORD_FIELD_LABELS:
        assert vocabulary.RECORD_LABEL_MEANINGS.get(label) or label_field(label), label
    assert set(vocabulary.RECORD_LABEL_MEANINGS) <= set(vocabulary.RECORD_FIELD_LABELS)
