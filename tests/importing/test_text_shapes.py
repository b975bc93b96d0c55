import datetime
import json
from pathlib import Path

import pytest
from django.utils.translation import override

import articles
from articles import importing
from tests.seed import SEED

FIXTURES = SEED.parent / "importing"
DEMO = json.loads(
    (Path(articles.__file__).parent / "demo" / "content.json").read_text(encoding="utf-8")
)["articles"][0]

LEAD = "The lead paragraph of the analysis. It is a sentence or two long, as leads are."
BODY = "The text under the heading, which runs for a sentence or more before it stops."


def article(*lines):
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("04 أبريل، 2018", datetime.date(2018, 4, 4)),
        ("19 نوفمبر، 2018", datetime.date(2018, 11, 19)),
        ("4 April 2018", datetime.date(2018, 4, 4)),
        ("April 4, 2018", datetime.date(2018, 4, 4)),
        ("16/11/2015", datetime.date(2015, 11, 16)),
        ("١٦/١١/٢٠١٥", datetime.date(2015, 11, 16)),
        ("الأربعاء، 04 أبريل، 2018", datetime.date(2018, 4, 4)),
    ],
)
def test_date_line_gives_the_publication_date(written, date):
    """The date under the title is read in the forms think-tank pages write it."""
    imported = importing.read_text(
        article("Overlapping Goals", "Why AQIM is Interested in Syria", written, LEAD)
    )
    assert imported.date == date
    assert imported.date_text == written
    assert (imported.kicker, imported.title) == (
        "Overlapping Goals",
        "Why AQIM is Interested in Syria",
    )
    assert imported.lead == [LEAD]


def test_impossible_date_is_text_not_a_date():
    """“31/02/2018” is not taken for a date: it stays in the article as text."""
    imported = importing.read_text(article("A title", "31/02/2018", LEAD))
    assert imported.date is None
    assert "31/02/2018" in " ".join(imported.text_fields())


@pytest.mark.parametrize(
    ("written", "lead", "body"),
    [
        ("1- Defying Efforts. There are views that", "Defying Efforts.", "There are views that"),
        ("1. Defying Efforts: there are views that", "Defying Efforts:", "there are views that"),
        ("(1) Defying Efforts: there are views", "Defying Efforts:", "there are views"),
        ("1) Sending out Messages that AQIM was", "Sending out Messages", "that AQIM was"),
        ("١- تحدي الجهود: ثمة اتجاهات ترى", "تحدي الجهود:", "ثمة اتجاهات ترى"),
        ("1- توجيه رسائل ضمنية بأن التنظيم تمكن", "توجيه رسائل ضمنية", "بأن التنظيم تمكن"),
        ("1- The group grew. It then split in two.", "", "The group grew. It then split in two."),
    ],
)
def test_numbered_point_is_split_into_lead_phrase_and_text(written, lead, body):
    """Every way of numbering a point is read, and its lead phrase keeps its punctuation."""
    imported = importing.read_text(
        article("A title", LEAD, "Various Indications", "The intro:", written, "2- Second Point.")
    )
    points = imported.sections[0].indications
    assert len(points) == 2
    assert (points[0].title, points[0].paragraphs) == (lead, [body])


@pytest.mark.parametrize(
    "heading", ["أولاً- السياق الإقليمي", "ثانياً: السياق الإقليمي", "First: The Context"]
)
def test_ordinal_line_is_a_section_heading(heading):
    """A line opened by an ordinal (“أولاً-”, “ثانياً:”, “First:”) starts a section."""
    imported = importing.read_text(article("A title", LEAD, heading, BODY, "Another line."))
    assert [s.heading for s in imported.sections] == [heading]
    assert imported.sections[0].body == [BODY, "Another line."]


def test_arabic_ordinal_headings_and_arabic_digits_give_the_right_counts():
    """“أولاً-” headings and “١-” points: three sections, four points, in Arabic."""
    imported = importing.read_path(FIXTURES / "ordinals-ar.txt")
    assert imported.language == "ar"
    assert imported.date == datetime.date(2018, 11, 19)
    assert len(imported.lead) == 2
    assert [len(s.body) for s in imported.sections] == [3, 2, 1]
    assert [len(s.indications) for s in imported.sections] == [0, 0, 4]
    assert [len(p.paragraphs) for p in imported.indications] == [2, 1, 2, 1]
    assert [len(s.closing) for s in imported.sections] == [0, 0, 1]
    headings = [s.heading for s in imported.sections]
    assert [h.split()[0] for h in headings] == ["أولاً-", "ثانياً:", "ثالثاً-"]
    assert [p.title for p in imported.indications] == [
        point["title"]["ar"] for point in DEMO["sections"][2]["indications"]
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ("Overlapping Goals:", "Why AQIM is Interested in Syria"),
        ("“Overlapping Goals”", "Why AQIM is Interested in Syria"),
        ('"Overlapping Goals"', "Why AQIM is Interested in Syria"),
        ("“Overlapping Goals” Why AQIM is Interested in Syria",),
        ("Overlapping Goals: Why AQIM is Interested in Syria",),
    ],
)
def test_kicker_ending_in_a_colon_or_in_quotes(lines):
    """A kicker set apart by a colon or quotes, on its own line or the title's, is the kicker."""
    imported = importing.read_text(article(*lines, "4 April 2018", LEAD))
    assert imported.kicker == "Overlapping Goals"
    assert imported.title == "Why AQIM is Interested in Syria"


def test_arabic_kicker_in_guillemets_on_the_title_line():
    """«أهداف متداخلة» لماذا يهتم… gives the kicker and the title."""
    imported = importing.read_text(
        article("«أهداف متداخلة» لماذا يهتم التنظيم بسوريا؟", "04 أبريل، 2018", "نص المقدمة.")
    )
    assert (imported.kicker, imported.title) == ("أهداف متداخلة", "لماذا يهتم التنظيم بسوريا؟")


def test_points_of_several_paragraphs_and_the_closing_text():
    """Paragraphs after a point belong to it; the last one before the next heading closes."""
    imported = importing.read_text(
        article(
            "A title",
            LEAD,
            "Indications",
            "1- First Point. Its text.",
            "Its second paragraph.",
            "2- Second Point. Its text.",
            "Its second paragraph.",
            "The section's closing paragraph.",
            "Next Section",
            BODY,
        )
    )
    first, second = imported.sections
    assert [p.paragraphs for p in first.indications] == [
        ["Its text.", "Its second paragraph."],
        ["Its text.", "Its second paragraph."],
    ]
    assert first.closing == ["The section's closing paragraph."]
    assert second.body == [BODY] and not second.indications


def test_text_pasted_from_word_has_one_paragraph_per_line():
    """Without blank lines, every line is a paragraph (what pasting from Word gives)."""
    heading = "What the Attack Means for the Region and Beyond"
    imported = importing.read_text(
        f"A title\n{LEAD}\n{heading}\n{BODY}\n1- Lead Phrase. Text of the point."
    )
    assert imported.title == "A title"
    assert imported.lead == [LEAD]
    assert [(s.heading, s.body) for s in imported.sections] == [(heading, [BODY])]
    assert imported.indications[0].title == "Lead Phrase."


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    """An e-mail's text, wrapped at 70 characters, gives whole paragraphs back."""
    imported = importing.read_text(
        "A title\n\n"
        "The lead paragraph of the analysis runs over several lines, as e-mails\n"
        "wrap text at about seventy characters, and it ends here.\n\n"
        "A Heading\n\n"
        "The text under the heading is wrapped the same way by the mail program\n"
        "and must come back as one paragraph."
    )
    assert imported.lead == [
        "The lead paragraph of the analysis runs over several lines, as e-mails "
        "wrap text at about seventy characters, and it ends here."
    ]
    assert imported.sections[0].body == [
        "The text under the heading is wrapped the same way by the mail program "
        "and must come back as one paragraph."
    ]


@override("en")
def test_text_without_structure_becomes_lead_paragraphs_with_a_warning():
    """What cannot be read as an article is kept whole, as lead, with a warning."""
    text = "qwpoeiru zmxncbv. laksjdhf qpwoeiru, zmxnbv lkajsdf.\n\npoiuy lkjhg mnbvc; zxcvb."
    imported = importing.read_text(text)
    assert imported.lead == text.split("\n\n")
    assert not imported.sections and not imported.title
    assert any("No section headings" in str(p) for p in importing.report(imported))


@pytest.mark.parametrize(
    ("path", "language"),
    [(SEED, "en"), (FIXTURES / "why-aqim-ar.txt", "ar"), (FIXTURES / "ordinals-ar.txt", "ar")],
)
def test_language_is_told_from_the_article_not_its_page(path, language):
    """The reference page (English article, Arabic news and date) is read as English."""
    assert importing.read_path(path).language == language


def test_chosen_language_wins_over_the_script():
    """An editor who says the text is Arabic gets an Arabic article, whatever the script."""
    assert importing.read_path(SEED, language="ar").language == "ar"
