"""
Lists, quotations and notes in body text: how readers see them (in both directions),
and how feeds, citations and search carry them.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Indication, Section
from tests.checkers import nu_errors
from tests.factories import committed, make_article, make_author
from tests.helpers import html
from tests.search.helpers import found, search

TEXTS = {
    "en": {
        "lead": (
            "The lead names a first source[^one].\n\n"
            "- a bulleted *item*\n- another item\n\n"
            "3. third step\n4) fourth step"
        ),
        "body": (
            "> Words **quoted** here\n> -- A. Speaker\n\n"
            "The section cites the first source again[^one] and a second[^two].\n\n"
            "[^two]: The second note, in the section's body."
        ),
        "point": "- a listed point\n- with a note[^three]",
        "closing": (
            "The closing ends here.\n\n"
            "[^one]: The first note, written at the end, with a [link](https://example.org/a).\n\n"
            "[^three]: The third note.\n\n"
            "[^spare]: A note no marker points to."
        ),
    },
    "ar": {
        "lead": (
            "تذكر المقدمة مصدرا أول[^١].\n\n"
            "- عنصر *أول*\n- عنصر ثان\n\n"
            "٣. الخطوة الثالثة\n٤) الخطوة الرابعة"
        ),
        "body": (
            "> كلمات **منقولة** هنا\n> — قائل ما\n\n"
            "يذكر القسم المصدر الأول مرة أخرى[^١] ومصدرا ثانيا[^٢].\n\n"
            "[^٢]: الهامش الثاني، في نص القسم."
        ),
        "point": "- نقطة في قائمة\n- مع هامش[^٣]",
        "closing": (
            "تنتهي الخاتمة هنا.\n\n"
            "[^١]: الهامش الأول، مكتوب في النهاية، مع [رابط](https://example.org/a).\n\n"
            "[^٣]: الهامش الثالث.\n\n"
            "[^زائد]: هامش لا تشير إليه علامة."
        ),
    },
}

HOSTILE = (
    "- <script>alert(1)</script> [bad](javascript:alert(1))\n"
    '- <img src=x onerror="alert(1)">\n\n'
    "> <script>alert(2)</script>\n> — <b onmouseover=alert(3)>x</b>\n\n"
    "A marker[^x].\n\n"
    "[^x]: <script>alert(4)</script> [bad](javascript:alert(5)) <img src=x onerror=alert(6)>"
)


def article_with_blocks(**fields):
    """A published article whose lead, section body, point and closing use every block."""
    article = make_article(
        **{f"lead_{code}": TEXTS[code]["lead"] for code in TEXTS},
        summary_ar="",
        summary_en="",
        **fields,
    )
    with committed():
        section = Section.objects.create(
            article=article,
            position=0,
            heading_ar="قسم",
            heading_en="A section",
            **{f"body_{code}": TEXTS[code]["body"] for code in TEXTS},
            **{f"closing_{code}": TEXTS[code]["closing"] for code in TEXTS},
        )
        Indication.objects.create(
            section=section,
            position=0,
            title_ar="نقطة.",
            title_en="A point.",
            **{f"body_{code}": TEXTS[code]["point"] for code in TEXTS},
        )
    return article


@pytest.fixture
def blocks_article(db):
    return article_with_blocks()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_lists_and_quotations_render_as_lists_and_quotations(
    client, blocks_article, language, direction
):
    """Bulleted and numbered lists and quotations with a source render in both languages."""
    page = html(client.get(blocks_article.url_in(language)))
    assert page.html["lang"] == language and page.html["dir"] == direction
    lead = page.select_one(".article__lead")
    bullets = lead.select("ul > li")
    assert len(bullets) == 2 and bullets[0].em is not None
    numbered = lead.select_one("ol")
    assert numbered["start"] == "3" and len(numbered.select("li")) == 2
    quote = page.select_one(".article__section figure.quote")
    assert quote.select_one("blockquote > p strong") is not None
    source = {"ar": "— قائل ما", "en": "— A. Speaker"}[language]
    assert quote.figcaption.get_text() == source
    point = page.select_one("li.indication")
    assert point.select_one("p a.indication__number").get_text() == "1-"
    assert len(point.select("ul > li")) == 2
    # No mark of the blocks is left in what readers read.
    text = page.select_one("article").get_text()
    for mark in ("[^", "\n- ", "> ", "-- A"):
        assert mark not in text


@pytest.mark.parametrize("language", ["ar", "en"])
def test_notes_are_numbered_per_article_and_link_both_ways(client, blocks_article, language):
    """Markers are numbered in reading order across fields; notes link back to them."""
    page = html(client.get(blocks_article.url_in(language)))
    refs = page.select("sup.note-ref a")
    # Lead: 1; section body: 1 again, then 2; the point: 3.
    assert [ref.get_text() for ref in refs] == ["1", "1", "2", "3"]
    assert [ref["role"] for ref in refs] == ["doc-noteref"] * 4
    assert [ref.get("id") for ref in refs] == [
        "note-ref-1",
        "note-ref-1-2",
        "note-ref-2",
        "note-ref-3",
    ]
    notes = page.select_one("section.notes")
    assert notes["aria-labelledby"] == "notes-heading"
    assert notes.select_one("h2#notes-heading")
    items = notes.select("ol > li")
    assert [item["id"] for item in items] == ["note-1", "note-2", "note-3", "note-4"]
    for number, item in enumerate(items[:3], 1):
        back = item.select_one('a[role="doc-backlink"]')
        assert back["href"] == f"#note-ref-{number}"
        assert page.select_one(back["href"]) is not None
    # The note no marker points to is listed last, without a link back.
    assert items[3].select_one('a[role="doc-backlink"]') is None
    first = {"ar": "الهامش الأول", "en": "The first note"}[language]
    assert items[0].get_text().startswith(first)
    assert items[0].select_one('a[href="https://example.org/a"]') is not None
    # Definitions are taken from where they were written.
    assert "[^" not in page.select_one(".article__section").get_text()
    assert page.select("section.notes") == [notes]


def test_notes_heading_is_in_the_page_language(client, blocks_article):
    page = html(client.get(blocks_article.url_in("en")))
    assert page.select_one("#notes-heading").get_text() == "Notes"


def test_marker_without_a_note_shows_as_typed(client, db):
    article = make_article(lead_en="No such note[^9] here.")
    page = html(client.get(article.url_in("en")))
    assert "No such note[^9] here." in page.select_one(".article__lead").get_text()
    assert page.select_one("section.notes") is None


@pytest.mark.parametrize("language", ["ar", "en"])
def test_hostile_text_in_lists_quotes_and_notes_stays_inert(client, db, language):
    """Scripts, event handlers and javascript: links typed in blocks reach readers as text."""
    article = make_article(**{f"lead_{language}": HOSTILE})
    page = html(client.get(article.url_in(language)))
    body = page.select_one("article")
    assert body.select("script, img, b") == []
    for element in body.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")]
        assert not element.get("href", "").startswith("javascript")
    assert "<script>alert(4)</script>" in body.select_one("section.notes").get_text()
    assert "<script>alert(1)</script>" in body.select_one("ul").get_text()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_feed_carries_the_blocks(client, blocks_article, language):
    """An article without a summary is described in feeds by its lead, blocks and all."""
    channel = ET.fromstring(client.get(f"/{language}/feeds/rss/").content).find("channel")
    description = BeautifulSoup(channel.find("item").findtext("description"), "html.parser")
    assert len(description.select("ul > li")) == 2
    assert description.select_one("ol")["start"] == "3"
    assert description.select_one("sup.note-ref a")["href"] == "#note-1"


def test_ris_and_bibtex_carry_the_notes(client, blocks_article):
    """Reference managers get the notes as plain text, numbered as on the page."""
    ris = client.get(f"/en/articles/{blocks_article.slug}/cite.ris").content.decode()
    notes = [line for line in ris.split("\r\n") if line.startswith("N1  - ")]
    assert notes == [
        "N1  - 1. The first note, written at the end, with a link (https://example.org/a).",
        "N1  - 2. The second note, in the section's body.",
        "N1  - 3. The third note.",
        "N1  - 4. A note no marker points to.",
    ]
    bibtex = client.get(f"/en/articles/{blocks_article.slug}/cite.bib").content.decode()
    assert "  note = {1. The first note" in bibtex
    assert "4. A note no marker points to.}," in bibtex
    ris_ar = client.get(f"/ar/articles/{blocks_article.slug}/cite.ris").content.decode()
    assert "N1  - 3. الهامش الثالث." in ris_ar.split("\r\n")


def test_citations_of_an_article_without_notes_have_none(client, db):
    article = make_article()
    assert "N1  -" not in client.get(f"/en/articles/{article.slug}/cite.ris").content.decode()
    assert "note =" not in client.get(f"/en/articles/{article.slug}/cite.bib").content.decode()


def test_search_finds_words_only_in_a_note_or_a_list_item(client, db):
    """Words written only in a note or a list item are found, and snippets show no marks."""
    article = make_article(
        lead_en="Intro[^a].\n\n- zanzibarian harbours\n- other\n\n[^a]: Quixotic footnote."
    )
    assert found(search(client, "zanzibarian", "en")) == [article.url_in("en")]
    assert found(search(client, "quixotic", "en")) == [article.url_in("en")]
    readable, _weighted = article.search_texts("en")
    assert "[^" not in readable and "- " not in readable


def test_article_page_with_notes_keeps_its_query_count(client, db, django_assert_max_num_queries):
    """Notes in every field add no query to the article page."""
    article = article_with_blocks()
    client.get(article.url_in("en"))  # fills the reader cache's due times
    # As any article's (tests/articles/test_article_page.py).
    with django_assert_max_num_queries(9):
        client.get(f"/ar/articles/{article.slug}/")


def test_article_with_every_block_is_valid_html_in_both_languages(client, db, tmp_path):
    """The Nu HTML Checker finds no error on an article with lists, quotations and notes."""
    # Whole seconds: the checker refuses a <time> with microseconds, as make_article's have.
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    article = article_with_blocks(authors=[make_author()], published_at=published)
    pages = {language: client.get(article.url_in(language)).content for language in ("ar", "en")}
    assert nu_errors(pages, tmp_path) == []
