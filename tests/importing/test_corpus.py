"""
The import corpus (tests/fixtures/import): every input, pasted text or Word file, imported
and compared with its expected structure field by field.

The counts of notes, bulleted lists, quotations and figures are counted as blocks of the
body-text format in the text the article stores; a figure counts when its mark ("![1]")
names one of the pictures the import keeps.
"""

import importlib.util
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from articles import importing
from articles.importing.rules import clean, strip_markup
from articles.importing.saving import join
from articles.importing.structure import words

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def load_builder():
    # The folder is called "import", a keyword: the builder is loaded by its path.
    spec = importlib.util.spec_from_file_location("build_docx", CORPUS / "build_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_docx = load_builder()
EXPECTED = {path.name.removesuffix(".expected.json"): path for path in CORPUS.glob("*.json")}
NAMES = sorted(EXPECTED)


def read(name):
    """The imported article and the words of its input."""
    text_path = CORPUS / f"{name}.txt"
    if text_path.exists():
        source = text_path.read_text(encoding="utf-8-sig")
        return importing.read_path(text_path), source
    data = build_docx.build(name)
    document = build_docx.docx.Document(io.BytesIO(data))
    # A number typed in superscript is a note's marker, not a word; the notes' own text is
    # in the notes parts.
    source = "\n".join(
        "".join(
            run.text
            for run in paragraph.runs
            if not (run.font.superscript and run.text.strip().isdigit())
        )
        for paragraph in document.paragraphs
    )
    for rel in document.part.rels.values():
        if rel.reltype.endswith(("/footnotes", "/endnotes")):
            notes = parse_xml(rel.target_part.blob)
            source += "\n" + " ".join(node.text or "" for node in notes.iter(qn("w:t")))
    return importing.read_bytes(f"{name}.docx", data), source


def stored_blocks(imported):
    """The blocks of the article's body text, as it stores them (paragraphs, lists, notes)."""
    fields = [join(imported.lead)]
    for section in imported.sections:
        fields += [join(section.body), join(section.closing)]
        fields += [join(point.paragraphs) for point in section.indications]
    return [block for field in fields for block in field.split("\n\n") if block]


def every_line(block, mark):
    return all(line.startswith(mark) for line in block.split("\n"))


NOTE_RE = re.compile(r"^\[\^(\d+)\]: ")
FIGURE_RE = re.compile(r"!\[(\w+)\]")


def format_counts(imported):
    """The notes, bulleted lists, quotations and figures of the stored text, counted as
    blocks."""
    blocks = stored_blocks(imported)
    labels = {figure.label for figure in imported.figures}
    return {
        "notes": sum(1 for block in blocks if NOTE_RE.match(block)),
        "bullet_lists": sum(1 for block in blocks if every_line(block, "- ")),
        "quotes": sum(1 for block in blocks if every_line(block, "> ")),
        "figures": sum(
            1 for block in blocks if (mark := FIGURE_RE.fullmatch(block)) and mark[1] in labels
        ),
    }


def plain(text):
    return clean(strip_markup(text or ""))


def places(imported):
    """Each part of the article a must_contain phrase can name, as a list of texts."""
    found = {"lead": imported.lead, "summary": [imported.standfirst or ""]}
    for n, section in enumerate(imported.sections, start=1):
        if section.indications:
            found[f"section:{n}"] = section.body
            found[f"closing:{n}"] = section.closing
        else:
            found[f"section:{n}"] = section.body + section.closing
        for m, point in enumerate(section.indications, start=1):
            # The lead phrase and the text after it are read as one paragraph.
            opening = " ".join([point.title, *point.paragraphs[:1]])
            found[f"point:{n}.{m}"] = [opening, *point.paragraphs[1:]]
    for block in stored_blocks(imported):
        note = NOTE_RE.match(block)
        if note:
            found.setdefault(f"note:{note[1]}", []).append(block[note.end() :])
    return {key: [plain(text) for text in texts] for key, texts in found.items()}


def article_paragraphs(imported):
    texts = [imported.kicker, imported.title, imported.standfirst or "", *imported.lead]
    for section in imported.sections:
        texts += [section.heading, *section.body, *section.closing]
        for point in section.indications:
            texts += [point.title, *point.paragraphs]
    return {plain(text) for text in texts if text}


def wrong_fields(imported, expected):
    wrong = []

    def compare(field, got):
        if got != expected[field]:
            wrong.append(f"{field}: expected {expected[field]!r}, got {got!r}")

    compare("language", imported.language)
    compare("title", plain(imported.title))
    compare("kicker", plain(imported.kicker) or None)
    compare("date", imported.date.isoformat() if imported.date else None)
    compare(
        "authors",
        [{"name": a.name, "honorific": a.honorific or None} for a in imported.authors],
    )
    compare("summary", plain(imported.standfirst) or None)
    compare("headings", [plain(section.heading) for section in imported.sections])
    compare("points", [len(section.indications) for section in imported.sections])
    for field, count in format_counts(imported).items():
        compare(field, count)
    left_out = {plain(f"{part.marker} {part.text}") for part in imported.left_out}
    left_out |= {plain(part.text) for part in imported.left_out}
    kept = article_paragraphs(imported)
    for line in expected["dropped"]:
        if line not in left_out or line in kept:
            wrong.append(f"dropped: {line!r} is not left out")
    found = places(imported)
    for phrase in expected["must_contain"]:
        part = phrase["part"]
        if not any(phrase["text"] in text for text in found.get(part, [])):
            wrong.append(f"must_contain: {phrase['text']!r} not in {part}")
    return wrong


@pytest.mark.parametrize("name", NAMES)
def test_corpus_input_is_read_as_expected(name):
    """Every corpus input gives the title, kicker, date, authors, summary and structure it has."""
    expected = json.loads(EXPECTED[name].read_text(encoding="utf-8"))
    imported, _source = read(name)
    wrong = wrong_fields(imported, expected)
    assert not wrong, f"{name}: {len(wrong)} wrong:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_input_loses_no_word(name):
    """The input's words are the article's words and the words of the lines left out; a
    figure's caption, with the number it opened with, is words of the article."""
    imported, source = read(name)
    placed = Counter()
    for part in imported.parts:
        placed += words(part.text) + words(part.lead) + words(part.marker)
    for figure in imported.figures:
        placed += words(figure.caption) + words(figure.marker)
    source_words = words(source)
    missing = source_words - placed
    extra = placed - source_words
    assert not missing and not extra, f"{name}: missing {dict(missing)}, extra {dict(extra)}"
