"""The search page: what a result shows, in which language, and at what cost."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_author, make_news
from tests.helpers import html
from tests.search.helpers import add_section, found, search


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
@pytest.mark.parametrize("query", ["", "Sahel", "ساحل"])
def test_search_page_sets_lang_and_dir(client, db, language, direction, query):
    """Empty or not, with results or not, the page carries its language and direction."""
    make_article(title_ar="الساحل", title_en="The Sahel")
    page = html(search(client, query, language))
    assert page.html["lang"] == language
    assert page.html["dir"] == direction
    assert page.select_one("main form[role=search] input[name=q]")["value"] == query


@pytest.mark.parametrize(
    ("language", "title", "date", "byline"),
    [
        ("ar", "الساحل الأفريقي", "04 أبريل، 2018", "د. إبراهيم فوزي"),
        ("en", "The African Sahel", "4 April 2018", "Dr. Ibrahim Fawzy"),
    ],
)
def test_result_shows_title_date_byline_and_snippet(client, db, language, title, date, byline):
    """An analysis shows its linked title, localised date, byline and a highlighted snippet."""
    author = make_author(
        name_ar="إبراهيم فوزي", honorific_ar="د.", name_en="Ibrahim Fawzy", honorific_en="Dr."
    )
    article = make_article(
        authors=[author],
        title_ar="الساحل الأفريقي",
        title_en="The African Sahel",
        lead_ar="تتزايد الهجمات في منطقة الساحل منذ سنوات.",
        lead_en="Attacks have grown in the Sahel region for years.",
        published_at=datetime.datetime(2018, 4, 4, 12, tzinfo=datetime.UTC),
    )
    query = {"ar": "الهجمات", "en": "attack"}[language]
    result = html(search(client, query, language)).select_one(".search-result--analysis")
    link = result.select_one(".search-result__title a")
    assert link["href"] == article.url_in(language)
    assert link.get_text() == title
    assert result.select_one("time").get_text() == date
    assert byline in result.select_one(".search-result__meta").get_text()
    marked = [mark.get_text() for mark in result.select(".search-result__snippet mark")]
    assert marked == [{"ar": "الهجمات", "en": "Attacks"}[language]]


def test_snippet_highlights_the_word_as_written(client, arabic_text_article):
    """`مقالات` highlights `والمقالات` in the snippet, diacritics and prefix included."""
    result = html(search(client, "مقالات")).select_one(".search-result__snippet")
    assert [mark.get_text() for mark in result.select("mark")] == ["والمَقالات"]


@pytest.fixture
def arabic_text_article(db):
    article = make_article(languages=("ar",))
    add_section(article, body="جمعت المجلة الدراسات والمَقالات في عدد خاص.")
    return article


def test_snippet_never_lets_stored_text_inject_html(client, db):
    """Markup and highlight marks in stored text come out as text; only <mark> is added."""
    article = make_article(languages=("en",))
    add_section(
        article,
        "en",
        body='<script>alert("x")</script> \x02<b onclick="x()">bold</b>\x03 Sahel <img src=x>',
    )
    page = html(search(client, "sahel", "en"))
    snippet = page.select_one(".search-result__snippet")
    assert [tag.name for tag in snippet.find_all(True)] == ["mark"]
    assert snippet.mark.get_text() == "Sahel"
    # The stored markup comes out as text (SQLite) or not at all (PostgreSQL skips tags).
    assert "alert" in snippet.get_text()
    assert not page.select("main script, main img, main b")


def test_results_show_only_what_is_published_in_the_page_language(client, db):
    """An analysis written, or released, in one language is found in that language only."""
    both = make_article(title_ar="الساحل", title_en="Sahel")
    arabic = make_article(languages=("ar",), title_ar="الساحل والصحراء")
    # An English title without an English lead: not available in English.
    make_article(languages=("ar",), title_ar="الساحل اليوم", title_en="Sahel today")
    # Written in English, but English not yet released by an editor.
    make_article(title_ar="الساحل غدا", title_en="Sahel tomorrow", language_published_en=False)
    assert found(search(client, "sahel", "en")) == [both.url_in("en")]
    assert set(found(search(client, "الساحل", "ar"))) >= {both.url_in("ar"), arabic.url_in("ar")}
    assert len(found(search(client, "الساحل", "ar"))) == 4


@pytest.mark.parametrize("language", ["ar", "en"])
def test_drafts_and_future_items_appear_nowhere(client, db, language):
    """Unpublished or scheduled analyses and news, and their authors, are never found."""
    in_future = timezone.now() + datetime.timedelta(days=1)
    hidden_author = make_author(name_ar="ساحل مخفي", name_en="Sahel Hidden")
    for status in [Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED]:
        make_article(status=status, title_ar="الساحل", title_en="Sahel", authors=[hidden_author])
        make_news(status=status, headline_ar="خبر الساحل", headline_en="Sahel news")
    make_article(published_at=in_future, title_ar="الساحل", title_en="Sahel")
    make_article(published_at=None, title_ar="الساحل", title_en="Sahel")
    make_news(published_at=in_future, headline_ar="خبر الساحل", headline_en="Sahel news")
    query = {"ar": "الساحل", "en": "Sahel"}[language]
    page = html(search(client, query, language))
    assert page.select(".search-result") == []
    assert "ساحل مخفي" not in page.get_text()
    assert "Sahel Hidden" not in page.get_text()


def test_results_are_grouped_by_kind(client, db):
    """Authors, analyses and news come in labelled groups, in that order."""
    author = make_author(name_en="Sahel Writer", position_en="Researcher")
    make_article(title_en="The Sahel", authors=[author])
    make_news(headline_en="Sahel news", body_en="A new issue about the Sahel.")
    page = html(search(client, "sahel", "en"))
    groups = page.select(".search-group")
    assert [group.h2.get_text() for group in groups] == ["Authors", "Analyses", "News"]
    assert [len(group.select(".search-result")) for group in groups] == [1, 1, 1]
    assert "Researcher" in groups[0].get_text()
    assert groups[2].select_one("mark").get_text() == "Sahel"


def test_news_and_author_results_link_to_their_pages(client, db):
    """A news item links to its own page and an author to theirs, in the page's language."""
    author = make_author(name_ar="ساحل", slug="sahel-writer")
    article = make_article(authors=[author])
    item = make_news(headline_ar="أخبار الساحل")
    assert found(search(client, "ساحل")) == [
        "/ar/authors/sahel-writer/",
        article.url_in("ar"),
        f"/ar/news/{item.pk}/",
    ]


@override_settings(ARTICLES_PER_PAGE=2)
def test_results_are_paginated_keeping_the_query(client, db):
    """Further pages of results keep the query in their links."""
    days = [timezone.now() - datetime.timedelta(days=n) for n in range(1, 6)]
    articles = [make_article(title_en="Sahel", published_at=day) for day in days]
    first = search(client, "sahel", "en")
    assert len(found(first)) == 2
    next_link = html(first).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?q=sahel&page=2"
    third = search(client, "sahel", "en", page=3)
    assert found(third) == [articles[4].url_in("en")]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "%00"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_bad_page_number_is_a_404_in_the_page_language(client, db, page, language):
    """A page number that is not a page of results is a 404, never a 500."""
    make_article(title_ar="الساحل", title_en="Sahel")
    query = {"ar": "الساحل", "en": "Sahel"}[language]
    response = search(client, query, language, page=page)
    assert response.status_code == 404
    assert html(response).html["lang"] == language


@pytest.mark.parametrize("count", [5, 50])
@override_settings(ARTICLES_PER_PAGE=50)
def test_search_page_runs_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries, settings, count
):
    """However many results a page shows, of every kind, it costs the same few queries."""
    # The page's own queries, not the reader page cache's bookkeeping.
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if not m.endswith("ReaderCacheMiddleware")
    ]
    writer = make_author(name_en="Sahel Writer")
    for _ in range(count):
        make_article(title_en="Sahel", authors=[writer, make_author()], sections=2, points=2)
        make_news(headline_en="Sahel news")
    # Nine, the first time after a change of content: two of them find what is then
    # remembered (the authors with published work, the next scheduled publication).
    with django_assert_max_num_queries(9):
        response = search(client, "sahel", "en")
    page = html(response)
    assert len(page.select(".search-result")) == min(1 + 2 * count, 50)
    assert len(page.select(".search-result .author")) == 2 * min(count, 49)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_header_search_form_leads_to_results(client, db, language):
    """Every page's header has a labelled search form that works without JavaScript."""
    article = make_article(title_ar="الساحل", title_en="Sahel")
    page = html(client.get(f"/{language}/articles/"))
    form = page.select_one("header form[role=search]")
    field = form.select_one("input[type=search][name=q]")
    assert form["method"] == "get"
    assert form.select_one(f"label[for={field['id']}]").get_text().strip()
    assert form.select_one("button[type=submit]").get_text().strip()
    query = {"ar": "الساحل", "en": "Sahel"}[language]
    assert found(client.get(form["action"], {"q": query})) == [article.url_in(language)]


def test_language_switch_keeps_the_query(client, db):
    """Switching language on a search page runs the same search in the other language."""
    page = html(search(client, "sahel", "en"))
    switch = page.select_one(".language-switch a[hreflang=ar]")
    assert switch["href"] == "/ar/search/?q=sahel"


def test_very_common_words_list_the_newest_matches_first(client, db, monkeypatch):
    """Past MAX_RANKED matches, results are counted no further and come newest first."""
    monkeypatch.setattr("search.results.MAX_RANKED", 2)
    monkeypatch.setattr("search.views.MAX_RANKED", 2)
    now = timezone.now()
    oldest = make_article(title_en="Sahel strategy", published_at=now - datetime.timedelta(days=9))
    newer = [
        make_article(title_en="Sahel", published_at=now - datetime.timedelta(days=days))
        for days in (2, 1)
    ]
    response = search(client, "sahel", "en")
    assert found(response) == [newer[1].url_in("en"), newer[0].url_in("en")]
    assert "More than 2 results" in html(response).select_one(".search-summary").get_text()
    assert oldest.url_in("en") not in found(search(client, "sahel", "en", page=2))
