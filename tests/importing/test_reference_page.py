import re

import pytest
from django.utils import timezone
from django.utils.translation import override

from articles import importing
from tests.helpers import html
from tests.seed import SEED, article_lines, normalise

FIXTURES = SEED.parent / "importing"
WORD_RE = re.compile(r"\w+")
# The page numbers points "1-" whatever digits the text used.
ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def import_file(path, **kwargs):
    return importing.create_article(importing.read_path(path), **kwargs)


def structure(article, language):
    """Every text field of an article and its parts, in one language (empty as "", whether
    stored as NULL by load_demo or as "")."""

    def text(obj, name):
        return getattr(obj, f"{name}_{language}") or ""

    return {
        "kicker": text(article, "kicker"),
        "title": text(article, "title"),
        "lead": text(article, "lead"),
        "sections": [
            {
                "position": section.position,
                "heading": text(section, "heading"),
                "body": text(section, "body"),
                "closing": text(section, "closing"),
                "points": [
                    (
                        point.position,
                        text(point, "title"),
                        text(point, "body"),
                    )
                    for point in section.indications.all()
                ],
            }
            for section in article.sections.all()
        ],
    }


def test_reference_page_imports_as_the_demo_article(demo):
    """The page dump gives load_demo's English article, field for field, and its date."""
    article = import_file(SEED)
    assert structure(article, "en") == structure(demo, "en")
    assert timezone.localtime(article.published_at).date().isoformat() == "2018-04-04"


@override("en")
def test_reference_page_has_the_reference_structure(db):
    """Kicker, title, two lead paragraphs, sections of 3, 2 and 1 paragraphs, four points."""
    article = import_file(SEED)
    assert article.kicker == "Overlapping Goals"
    assert article.title == "Why AQIM is Interested in Syria"
    assert len(article.lead_paragraphs()) == 2
    sections = list(article.sections.all())
    assert [s.heading for s in sections] == [
        "Continued Escalation",
        "Significant Timing",
        "Various Indications",
    ]
    assert [s.position for s in sections] == [0, 1, 2]
    assert [len(s.body_paragraphs()) for s in sections] == [3, 2, 1]
    points = list(sections[2].indications.all())
    assert [p.position for p in points] == [0, 1, 2, 3]
    assert [len(p.body_paragraphs()) for p in points] == [2, 1, 2, 1]
    assert len(sections[2].closing_paragraphs()) == 1
    assert not sections[0].indications.exists() and not sections[1].indications.exists()


@override("en")
def test_lead_phrase_and_body_give_back_each_point_of_the_seed(db):
    """Points 1 and 3 lead with their phrase and its period; phrase + body is the seed's text."""
    points = list(import_file(SEED).sections.get(position=2).indications.all())
    assert points[0].title == "Defying International Efforts."
    assert points[2].title == "Reducing Pressure."
    assert normalise(points[0].title).rstrip(".") == "Defying International Efforts"
    assert normalise(points[2].title).rstrip(".") == "Reducing Pressure"
    lines, _date_index = article_lines()
    starts = [i for i, line in enumerate(lines) if re.match(r"\d+- ", line)]
    # The last line of the seed is the section's closing paragraph, not part of point 4.
    ends = [*starts[1:], len(lines) - 1]
    expected = [
        re.sub(r"^\d+- ", "", " ".join(lines[start:end]))
        for start, end in zip(starts, ends, strict=True)
    ]
    got = [normalise(f"{p.title} {' '.join(p.body_paragraphs())}") for p in points]
    assert got == expected


def test_center_news_is_left_out_and_reported(db):
    """The leading “أخبار المركز” block is not in the article; the report lists it and why."""
    imported = importing.read_path(SEED)
    seed_lines = [normalise(line) for line in SEED.read_text(encoding="utf-8").splitlines()]
    news = [line.removeprefix("• ") for line in seed_lines[1:6]]
    assert [part.text for part in imported.left_out] == [seed_lines[0], *news]
    assert {part.reason for part in imported.left_out} == {importing.Reason.CENTER_NEWS}
    assert imported.news_headlines == news
    article_text = " ".join(imported.text_fields())
    assert not any(headline in article_text for headline in news)


@pytest.mark.parametrize(
    "path",
    [SEED, FIXTURES / "why-aqim-ar.txt", FIXTURES / "ordinals-ar.txt"],
    ids=["reference-en", "reference-ar", "ordinals-ar"],
)
def test_public_page_has_every_word_of_the_input_but_the_left_out(staff_client, db, path):
    """The draft's page, read word by word, is the input less its left-out parts (the date
    is checked apart, as the page writes it in its own format)."""
    imported = importing.read_path(path)
    article = importing.create_article(imported)
    page = html(staff_client.get(article.url_in(imported.language)))
    body = page.find("article")
    # What the page adds around the text: the kind's link, the date, the footer.
    for element in [*body.find_all(["footer", "time"]), *body.select(".article__kind")]:
        element.decompose()
    source = path.read_text(encoding="utf-8")
    for part in [*imported.left_out, importing.Part("date", imported.date_text)]:
        source = source.replace(part.text, " ", 1)
    page_words = WORD_RE.findall(body.get_text(" ").translate(ASCII_DIGITS))
    assert page_words == WORD_RE.findall(source.translate(ASCII_DIGITS))
    assert imported.date is not None
    assert not imported.warnings
