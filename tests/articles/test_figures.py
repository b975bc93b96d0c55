"""
Figures in an article's body: a paragraph "![label]" places the article's image with that
label (`Figure`), numbered "Figure 1", "شكل 1"… per article in reading order, with its
caption, credit and alt text in the page's language; and so in feeds, search, the reader
cache and the checkers' eyes.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Figure, Indication, Section, article_cache_tag
from core import caching
from tests.checkers import nu_errors
from tests.factories import committed, make_article, make_author, make_figure
from tests.helpers import html
from tests.images.helpers import forget_renditions
from tests.search.helpers import found, search


@pytest.fixture(autouse=True)
def _own_media(media_root):
    """Every test here uploads and renders images: each in its own media folder."""
    return media_root


NUMBER = {"ar": "شكل", "en": "Figure"}
# The lead places the map; the section's text the figure labelled "1" (in Arabic-Indic
# digits on the Arabic page) and a label no figure has; the point places the map again;
# the closing text the chart. The figure labelled "spare" is placed nowhere.
TEXTS = {
    "en": {
        "lead": "The lead opens.\n\n![خريطة]",
        "body": "The section's text.\n\n![1]\n\n![no-such-figure]",
        "point": "The point speaks of the map.\n\n![خريطة]",
        "closing": "![chart-2]\n\nThe closing text.",
    },
    "ar": {
        "lead": "تبدأ المقدمة.\n\n![خريطة]",
        "body": "نص القسم.\n\n![١]\n\n![لا-يوجد]",
        "point": "تتحدث النقطة عن الخريطة.\n\n![خريطة]",
        "closing": "![chart-2]\n\nالنص الختامي.",
    },
}
# (label, caption and alt text by language), in the order figures are shown.
SHOWN = [
    ("خريطة", {"ar": "موانئ البحر *الأحمر*", "en": "The Red Sea's *ports*"}),
    ("1", {"ar": "صادرات النفط", "en": "Oil exports"}),
    ("chart-2", {"ar": "أسعار القمح", "en": "Wheat prices"}),
]


def article_with_figures(**fields):
    """A published article whose lead, section text, point and closing place figures."""
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
    # Added in another order than they are shown: numbers follow the text, not the list.
    make_figure(article, "spare")
    for label, caption in reversed(SHOWN):
        make_figure(
            article,
            label,
            caption_ar=caption["ar"],
            caption_en=caption["en"],
            image_alt_ar=f"وصف: {caption['ar']}",
            image_alt_en=f"Shows: {caption['en']}",
        )
    return article


@pytest.fixture
def figures_article(db):
    return article_with_figures()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_figures_are_numbered_in_reading_order_in_the_page_language(
    client, figures_article, language, direction
):
    """Each placed figure shows once, at its first mark, numbered in reading order, with its
    caption, credit and alt text in the page's language; unknown labels show nothing."""
    page = html(client.get(figures_article.url_in(language)))
    assert page.html["lang"] == language and page.html["dir"] == direction
    figures = page.select("article figure.figure")
    assert [figure["id"] for figure in figures] == ["figure-1", "figure-2", "figure-3"]
    for number, (figure, (_label, caption)) in enumerate(zip(figures, SHOWN, strict=True), 1):
        assert figure.select_one(".figure__number").get_text() == f"{NUMBER[language]} {number}"
        text = figure.select_one("figcaption .figure__text")
        assert text.get_text() == caption[language].replace("*", "")
        alt = {"ar": "وصف: ", "en": "Shows: "}[language] + caption[language]
        assert figure.select_one("picture img")["alt"] == alt
        credit = {"ar": "مركز البحوث", "en": "Research Center"}[language]
        assert figure.select_one(".figure__credit bdi").get_text() == credit
    assert figures[0].select_one(".figure__text em") is not None
    # Where each one is: the map in the lead (not again in the point), "1" in the
    # section's text, the chart in the closing text.
    assert page.select_one(".article__lead figure.figure")["id"] == "figure-1"
    assert page.select("li.indication figure") == []
    section = page.select_one(".article__section")
    assert [f["id"] for f in section.find_all("figure", recursive=False)] == [
        "figure-2",
        "figure-3",
    ]
    # No mark is left for readers, whatever its label.
    assert "![" not in page.select_one("article").get_text()


def test_figures_are_shown_from_renditions_sized_for_the_column(client, figures_article):
    """Renditions in WebP and JPEG, sized for the article's column; never the upload."""
    response = client.get(figures_article.url_in("en"))
    figure = html(response).select_one("figure#figure-1")
    source = figure.select_one("picture > source")
    img = figure.select_one("picture > img")
    assert source["type"] == "image/webp"
    assert "42rem" in img["sizes"] and source["sizes"] == img["sizes"]
    assert (img["width"], img["height"]) == ("900", "600")
    assert img["src"].startswith("/media/renditions/")
    upload = Figure.objects.get(article=figures_article, label="خريطة").image
    assert upload.name.rsplit("/", 1)[1] not in response.content.decode()


def test_a_figure_without_a_mark_or_an_image_shows_nothing(client, db, media_root):
    """A figure placed nowhere is not shown; neither is one whose upload is lost before its
    renditions were made, and the page still opens."""
    article = make_article(lead_en="Text.\n\n![gone]")
    make_figure(article, "unplaced")
    lost = make_figure(article, "gone")
    (media_root / lost.image.name).unlink()
    forget_renditions(media_root)
    page = html(client.get(article.url_in("en")))
    assert page.select("figure.figure") == []
    assert "![" not in page.select_one("article").get_text()


HOSTILE = '<script>alert(1)</script> [bad](javascript:alert(2)) <img src=x onerror="alert(3)">'


@pytest.mark.parametrize("language", ["ar", "en"])
def test_hostile_caption_credit_and_alt_text_stay_inert(client, db, language):
    """What an editor types in a figure's fields reaches readers as text."""
    article = make_article(**{f"lead_{language}": "![1]"})
    make_figure(
        article,
        "1",
        **{
            f"caption_{language}": HOSTILE,
            f"credit_{language}": "<b onmouseover=alert(4)>x</b>",
            f"image_alt_{language}": '"><script>alert(5)</script>',
        },
    )
    page = html(client.get(article.url_in(language)))
    figure = page.select_one("figure.figure")
    assert figure.select("script, b, figcaption img") == []
    for element in figure.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")]
        assert not element.get("href", "").startswith("javascript")
    assert "<script>alert(1)</script>" in figure.figcaption.get_text()
    assert figure.select_one(".figure__credit bdi").get_text() == "<b onmouseover=alert(4)>x</b>"
    assert figure.select_one("img")["alt"] == '"><script>alert(5)</script>'


@pytest.mark.parametrize("language", ["ar", "en"])
def test_feed_shows_a_lead_figure_at_absolute_addresses(client, figures_article, language):
    """A lead described in a feed keeps its figure, its renditions at absolute addresses."""
    channel = ET.fromstring(client.get(f"/{language}/feeds/rss/").content).find("channel")
    description = BeautifulSoup(channel.find("item").findtext("description"), "html.parser")
    figure = description.select_one("figure.figure")
    assert figure["id"] == "figure-1"
    assert figure.select_one(".figure__number").get_text() == f"{NUMBER[language]} 1"
    img = figure.select_one("img")
    assert img["src"].startswith("http://testserver/media/renditions/")
    urls = [candidate.split()[0] for candidate in img["srcset"].split(",")]
    urls += [c.split()[0] for c in figure.select_one("source")["srcset"].split(",")]
    assert all(url.startswith("http://testserver/media/renditions/") for url in urls)
    assert "![" not in description.get_text()


def test_search_finds_words_only_in_a_caption(client, db):
    """A caption's words are the article's words: search finds them, without marks."""
    article = make_article(lead_en="Text.\n\n![1]")
    make_figure(article, "1", caption_en="Quinquennial desalination output")
    assert found(search(client, "quinquennial", "en")) == [article.url_in("en")]
    readable, _weighted = article.search_texts("en")
    assert "Quinquennial desalination output" in readable
    assert "![" not in readable


def test_changing_a_caption_rebuilds_the_search_document(client, db):
    """A figure saved on its own (an inline's save) makes its article's words current."""
    article = make_article(lead_en="Text.\n\n![1]")
    figure = make_figure(article, "1", caption_en="An ordinary caption")
    with committed():
        figure.caption_en = "Zanzibarian harbours"
        figure.save()
    assert found(search(client, "zanzibarian", "en")) == [article.url_in("en")]
    with committed():
        figure.delete()
    assert found(search(client, "zanzibarian", "en")) == []


def test_citations_are_unaffected_by_figures(client, figures_article):
    """A reference manager's record carries no mark and no caption of a figure."""
    ris = client.get(f"/en/articles/{figures_article.slug}/cite.ris").content.decode()
    assert "![" not in ris and "Oil exports" not in ris


def figure_texts(response):
    return [
        figure.figcaption.get_text(" ", strip=True)
        for figure in html(response).select("figure.figure")
    ]


def test_a_figure_change_refreshes_the_cached_page(client, db):
    """Readers' cached page and remembered body follow every change of a figure."""
    article = make_article(lead_en="Text.\n\n![1]\n\n![2]")
    url = article.url_in("en")
    figure = make_figure(article, "1", caption_en="First caption")
    assert client.get(url)["X-Cache"] == "miss"
    cached = client.get(url)
    assert cached["X-Cache"] == "hit"
    assert figure_texts(cached)[0].startswith("Figure 1 First caption")

    with committed():
        figure.caption_en = "A corrected caption"
        figure.save()
    assert figure_texts(client.get(url))[0].startswith("Figure 1 A corrected caption")

    make_figure(article, "2", caption_en="Added later")
    assert [text.split(" Image:")[0] for text in figure_texts(client.get(url))] == [
        "Figure 1 A corrected caption",
        "Figure 2 Added later",
    ]

    with committed():
        figure.delete()
    assert [text.split(" Image:")[0] for text in figure_texts(client.get(url))] == [
        "Figure 1 Added later"
    ]


def fresh_queries(client, url, article):
    """
    The queries of the article's page made afresh, as after an edit on a running site: the
    reader cache and the remembered body moved on by a change to the article, the
    renditions of its figures remembered since their upload's commit made them.
    """
    caching.bump(article_cache_tag(article.pk))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and response["X-Cache"] == "miss"
    return len(queries)


def test_article_page_queries_do_not_grow_with_figures(client, db, django_assert_max_num_queries):
    """An article with one figure and one with five cost the page the same queries."""
    one = make_article(sections=2, points=2, lead_en="![1]")
    make_figure(one, "1")
    five = make_article(sections=2, points=2, lead_en="\n\n".join(f"![{n}]" for n in range(1, 6)))
    for number in range(1, 6):
        make_figure(five, str(number))
    for article in (one, five):
        client.get(article.url_in("en"))  # the center news and the schedule remembered
    assert len(html(client.get(five.url_in("en"))).select("figure.figure")) == 5
    assert fresh_queries(client, one.url_in("en"), one) == fresh_queries(
        client, five.url_in("en"), five
    )
    caching.bump(article_cache_tag(five.pk))
    # The page's own (the article, its authors, topics, sections, points and figures, the
    # issue it appears in), the center news and what is next due, as the reader cache asks
    # after a change.
    with django_assert_max_num_queries(9):
        client.get(five.url_in("ar"))


def test_article_with_figures_is_valid_html_in_both_languages(client, db, tmp_path):
    """The Nu HTML Checker finds no error on an article whose text places figures."""
    # Whole seconds: the checker refuses a <time> with microseconds, as make_article's have.
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    article = article_with_figures(authors=[make_author()], published_at=published)
    pages = {language: client.get(article.url_in(language)).content for language in ("ar", "en")}
    assert nu_errors(pages, tmp_path) == []


def test_a_figure_mark_outside_an_article_shows_nothing(client, db):
    """A bio has no figures to place: its mark is neither shown nor kept as text."""
    author = make_author(bio_en="A researcher.\n\n![1]")
    make_article(authors=[author])
    page = html(client.get(f"/en/authors/{author.slug}/"))
    assert "![1]" not in page.get_text()
    assert page.select("figure.figure") == []
