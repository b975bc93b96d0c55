import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import renditions
from articles.models import Status
from tests.factories import committed, make_article, make_author, make_figure, make_news
from tests.helpers import html
from tests.seed import article_lines, normalise

ARTICLE_URL = "/{language}/articles/why-aqim-is-interested-in-syria/"


def article_blocks(response):
    """The text of each block of the article's main content, in page order (no footer)."""
    article = html(response).find("article")
    for footer in article.find_all("footer"):
        footer.decompose()
    return [normalise(block.get_text(" ")) for block in article.find_all(["h1", "h2", "p"])]


def test_english_article_gives_back_the_seed_text_in_order(client, demo):
    """Every paragraph, heading and numbered point of the seed appears, word for word, in order."""
    expected, date_index = article_lines()
    blocks = article_blocks(client.get(ARTICLE_URL.format(language="en")))
    assert blocks[:date_index] + blocks[date_index + 1 :] == (
        expected[:date_index] + expected[date_index + 1 :]
    )


@pytest.mark.parametrize(("language", "date"), [("ar", "04 أبريل، 2018"), ("en", "4 April 2018")])
def test_article_date_is_written_in_the_page_language(client, demo, language, date):
    """The date is localised: “04 أبريل، 2018” as the reference page writes it, “4 April 2018”."""
    page = html(client.get(ARTICLE_URL.format(language=language)))
    time = page.select_one("article time")
    assert time.get_text() == date
    assert time["datetime"].startswith("2018-04-04")


def test_headings_are_headings_and_points_are_an_ordered_list(client, demo):
    """Sections have real <h2> headings and the four indications sit in one <ol>."""
    page = html(client.get(ARTICLE_URL.format(language="en")))
    assert [h.get_text() for h in page.select("article h2")] == [
        "Continued Escalation",
        "Significant Timing",
        "Various Indications",
    ]
    points = page.select("article ol.indications > li")
    assert len(points) == 4
    assert normalise(points[0].p.get_text(" ")).startswith(
        "1- Defying International Efforts. There"
    )
    assert normalise(points[1].p.get_text(" ")).startswith(
        "2- Sending out Implicit Messages that AQIM"
    )
    assert len(points[0].find_all("p")) == 2


def test_arabic_article_renders_its_arabic_text(client, demo):
    """The Arabic page shows the Arabic version: kicker, title, sections and points."""
    page = html(client.get(ARTICLE_URL.format(language="ar")))
    assert page.select_one(".article__kicker").get_text() == "أهداف متداخلة"
    assert "بسوريا" in page.h1.get_text()
    assert [h.get_text() for h in page.select("article h2")] == [
        "تصعيد مستمر",
        "توقيت لافت",
        "دلالات عديدة",
    ]
    first_point = normalise(page.select_one("ol.indications > li p").get_text(" "))
    assert first_point.startswith("1- تحدي الجهود الدولية: ثمة اتجاهات")


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_article_page_sets_lang_and_dir(client, demo, language, direction):
    page = html(client.get(ARTICLE_URL.format(language=language)))
    assert page.html["lang"] == language
    assert page.html["dir"] == direction


@pytest.mark.parametrize(("language", "other"), [("ar", "en"), ("en", "ar")])
def test_language_switch_goes_to_the_same_article(client, demo, language, other):
    """The switch on an article links to that article in the other language."""
    page = html(client.get(ARTICLE_URL.format(language=language)))
    switch = page.select_one(".language-switch a")
    assert switch["href"] == ARTICLE_URL.format(language=other)
    assert client.get(switch["href"]).status_code == 200


def test_byline_shows_authors_with_honorifics_in_order(client, db):
    """Authors are listed in the editor's order, each with their honorific."""
    first = make_author(name_en="Ibrahim Fawzy", honorific_en="Dr.")
    second = make_author(name_en="Hamdy Abdelrahman", honorific_en="Prof.")
    article = make_article(authors=[first, second])
    page = html(client.get(f"/en/articles/{article.slug}/"))
    authors = [a.get_text() for a in page.select(".article__byline .author")]
    assert authors == ["Dr. Ibrahim Fawzy", "Prof. Hamdy Abdelrahman"]


def test_center_news_lists_the_five_newest_items_with_their_links(client, db):
    """The news list shows the five newest published items, each linking where it points."""
    target = make_article()
    items = [make_news() for _ in range(6)]  # items[0] is the newest
    items[0].article = target
    items[0].save()
    items[1].link = "https://example.org/magazine"
    items[1].save()
    make_news(status=Status.DRAFT, headline_en="Draft news")
    page = html(client.get(f"/en/articles/{target.slug}/"))
    entries = page.select(".center-news li")
    assert [normalise(li.get_text()) for li in entries] == [i.headline_en for i in items[:5]]
    assert entries[0].a["href"] == f"/en/articles/{target.slug}/"
    assert entries[1].a["href"] == "https://example.org/magazine"
    assert entries[2].a["href"] == f"/en/news/{items[2].pk}/"  # its own page


def test_center_news_shows_only_items_written_in_the_page_language(client, db):
    article = make_article()
    make_news(headline_en="", headline_ar="خبر بالعربية فقط")
    english = html(client.get(f"/en/articles/{article.slug}/"))
    arabic = html(client.get(f"/ar/articles/{article.slug}/"))
    assert "خبر بالعربية فقط" not in english.select_one(".center-news").get_text()
    assert "خبر بالعربية فقط" in arabic.select_one(".center-news").get_text()


def count_queries(client, article):
    cache.clear()  # measure pages made afresh, not served from the reader cache,
    for figure in article.figures.all():
        # …with the renditions of its figures remembered, as their upload's commit left them.
        renditions.page_picture(figure.image)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/en/articles/{article.slug}/")
    assert response.status_code == 200
    return len(queries)


def with_figures(article, count):
    """The article's lead places `count` figures."""
    article.lead_en = "\n\n".join(f"![{number}]" for number in range(1, count + 1))
    with committed():
        article.save()
    for number in range(1, count + 1):
        make_figure(article, str(number))
    return article


def test_article_page_runs_a_fixed_number_of_queries(
    client, db, media_root, django_assert_max_num_queries
):
    """2 sections × 2 points and 1 figure, and 12 × 10 with 5 figures, more authors and
    news, cost the same queries."""
    small = with_figures(make_article(sections=2, points=2, authors=[make_author()]), 1)
    make_news()
    large = make_article(sections=12, points=10, authors=[make_author() for _ in range(4)])
    with_figures(large, 5)
    for _ in range(8):
        make_news(article=large)
    small_count = count_queries(client, small)
    large_count = count_queries(client, large)
    assert small_count == large_count
    # Eight for the page (the article, its authors, topics, sections, points, figures, the
    # center news and the issue it appears in, articles/appearances.py), one the reader
    # cache asks on a miss (when anything is next due).
    with django_assert_max_num_queries(9):
        client.get(f"/ar/articles/{large.slug}/")


@pytest.mark.parametrize(
    ("language", "message"), [("ar", "الصفحة غير موجودة"), ("en", "Page not found")]
)
def test_unknown_article_is_a_404_in_the_page_language(client, db, language, message):
    response = client.get(f"/{language}/articles/no-such-article/")
    assert response.status_code == 404
    page = html(response)
    assert page.html["lang"] == language
    assert message in page.h1.get_text()


def test_draft_article_is_not_shown_to_readers(client, db):
    draft = make_article(status=Status.DRAFT)
    assert client.get(f"/en/articles/{draft.slug}/").status_code == 404


def test_article_missing_in_a_language_points_to_the_language_it_is_in(client, db):
    """An Arabic-only article's English URL says so and links to the Arabic version."""
    article = make_article(languages=("ar",))
    response = client.get(f"/en/articles/{article.slug}/")
    assert response.status_code == 404
    page = html(response)
    assert "not available in this language" in page.h1.get_text()
    link = page.select_one(".notice a")
    assert link["href"] == f"/ar/articles/{article.slug}/"
    assert link.span["lang"] == "ar"
    assert link.span["dir"] == "rtl"


def test_arabic_slug_is_served(client, db):
    """Slugs may be written in Arabic letters."""
    article = make_article(slug="لماذا-يهتم-التنظيم")
    response = client.get(article.url_in("ar"))
    assert response.status_code == 200
