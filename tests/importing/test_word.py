import datetime
import io
import zipfile

import docx
import pytest

from articles import importing
from tests.importing.helpers import add_link, analysis, docx_bytes


def test_word_file_gives_headings_by_style_and_bold_lead_phrases_exactly():
    """Title and heading styles, a numbered list and bold lead phrases make the article."""
    imported = importing.read_bytes("analysis.docx", docx_bytes(analysis()))
    assert imported.language == "en"
    assert (imported.kicker, imported.title) == (
        "Overlapping Goals",
        "Why AQIM is Interested in Syria",
    )
    assert imported.date == datetime.date(2018, 4, 4)
    assert imported.lead == ["The first lead paragraph, which sets out the argument."]
    (section,) = imported.sections
    assert section.heading == "Various Indications"
    assert section.body == ["The new approach gives several indications:"]
    assert [point.title for point in section.indications] == [
        "Defying International Efforts.",
        "Sending out Implicit Messages",
        # The full stop just after the bold words belongs to the phrase: the page adds none.
        "Reducing Pressure.",
    ]
    assert [point.paragraphs for point in section.indications] == [
        ["There are views that the group defies its enemies."],
        ["that AQIM was able to support its terrorist base."],
        [
            "The organization increased its activity in the region.",
            "A second paragraph of the third point.",
        ],
    ]
    assert section.closing == ["Despite this, there are other views."]
    assert not imported.warnings


def test_word_file_saves_as_a_draft_article(db):
    """The Word file's article is saved with its points numbered by position from 0."""
    imported = importing.read_bytes("analysis.docx", docx_bytes(analysis()))
    article = importing.create_article(imported, source="analysis.docx")
    section = article.sections.get()
    assert article.status == "draft" and article.original_language == "en"
    assert list(section.indications.values_list("position", "title_en")) == [
        (0, "Defying International Efforts."),
        (1, "Sending out Implicit Messages"),
        (2, "Reducing Pressure."),
    ]


def test_word_italics_and_links_are_kept_in_light_marks():
    """Italics become *…*, web links [text](url); other link targets keep their text only."""
    document = docx.Document()
    document.add_heading("A Title", level=0)
    paragraph = document.add_paragraph("The report ")
    paragraph.add_run("in italics").italic = True
    paragraph.add_run(" was published by ")
    add_link(paragraph, "the center", "https://example.org/report")
    paragraph.add_run(" and ")
    add_link(paragraph, "a script", "javascript:alert(1)")
    paragraph.add_run(".")
    imported = importing.read_bytes("links.docx", docx_bytes(document))
    assert imported.lead == [
        "The report *in italics* was published by "
        "[the center](https://example.org/report) and a script."
    ]


def test_word_headings_in_bold_without_styles_and_bullets():
    """A short bold line is a heading; a bulleted list is one block of "- " lines."""
    document = docx.Document()
    document.add_heading("A Title", level=0)
    document.add_paragraph("The lead paragraph of the article, before any heading.")
    document.add_paragraph().add_run("A Bold Heading").bold = True
    document.add_paragraph("The section's text.")
    document.add_paragraph("First item", style="List Bullet")
    document.add_paragraph("Second item", style="List Bullet")
    imported = importing.read_bytes("bold.docx", docx_bytes(document))
    assert [s.heading for s in imported.sections] == ["A Bold Heading"]
    assert imported.sections[0].body == ["The section's text.", "- First item\n- Second item"]


def test_word_table_is_left_out_and_reported():
    """A table's text is not lost: it is listed as left out, with the reason."""
    document = docx.Document()
    document.add_heading("A Title", level=0)
    document.add_paragraph("The lead paragraph.")
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, [("Year", "Attacks"), ("2018", "12")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    imported = importing.read_bytes("table.docx", docx_bytes(document))
    assert [(p.text, p.reason) for p in imported.left_out] == [
        ("Year | Attacks", importing.Reason.TABLE),
        ("2018 | 12", importing.Reason.TABLE),
    ]
    assert imported.lead == ["The lead paragraph."]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("renamed.docx", bytes(range(256)) * 64),
        ("not-word.docx", b"PK\x03\x04 not really a zip file at all"),
        ("empty.docx", b""),
    ],
)
def test_file_that_is_not_word_is_refused_with_a_message(name, data):
    """A binary, broken or empty “.docx” gets a message naming the file, not an error page."""
    with pytest.raises(importing.ImportRefused) as refusal:
        importing.read_bytes(name, data)
    assert name in refusal.value.message


def test_zip_without_a_word_document_is_refused():
    """A zip archive renamed .docx is not a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(importing.ImportRefused) as refusal:
        importing.read_bytes("archive.docx", buffer.getvalue())
    assert "archive.docx" in refusal.value.message
