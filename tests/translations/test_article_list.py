"""
The article list's translation column (one per language, linking to the side-by-side
page) and filter (complete, missing or out of date in each language), read from the
translation state in the list's own query.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.models import Section
from tests.admin_forms import change_url
from tests.factories import committed, make_article, make_author
from tests.helpers import html

LIST = "/{language}/admin/articles/article/"


def translation_url(article, language, admin_language="en"):
    return f"/{admin_language}/admin/translations/articles/article/{article.pk}/{language}/"


def cells(page, code):
    """{change page: (the language's cell text, its link or None)} of each row."""
    found = {}
    for row in page.select("#result_list tbody tr"):
        cell = row.select_one(f".field-translation_{code}")
        link = cell.select_one("a")
        found[row.select_one("th a")["href"].split("?")[0]] = (
            cell.get_text(strip=True),
            link["href"] if link else None,
        )
    return found


@pytest.fixture
def editor(make_staff, login):
    return login(make_staff(EDITORS))


@pytest.fixture
def articles(db):
    """Complete; English missing two parts; English out of date in one part."""
    complete = make_article(sections=1, original_language="ar")
    missing = make_article(sections=1, original_language="ar")
    with committed():
        Section.objects.create(article=missing, position=1, heading_ar="جديد", body_ar="نص.")
    outdated = make_article(sections=1, original_language="ar")
    with committed():
        section = outdated.sections.get()
        section.body_ar = "نص مصحح."
        section.save()
    return {"complete": complete, "missing": missing, "out-of-date": outdated}


def test_each_language_has_a_column_linking_to_its_translation(editor, articles):
    page = html(editor.get(LIST.format(language="en")))
    headers = [th.get_text(strip=True) for th in page.select("#result_list thead th")]
    assert "Arabic" in headers and "English" in headers
    english, arabic = cells(page, "en"), cells(page, "ar")
    for article in articles.values():
        # The original's own language: no translation to link to.
        assert arabic[change_url(article)] == ("Arabic (original): complete", None)
    assert english[change_url(articles["complete"])] == (
        "English: complete",
        translation_url(articles["complete"], "en"),
    )
    assert english[change_url(articles["missing"])][0] == "English: missing (2)"
    assert english[change_url(articles["out-of-date"])] == (
        "English: out of date (1)",
        translation_url(articles["out-of-date"], "en"),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("complete", ["complete"]),
        ("incomplete", ["missing", "out-of-date"]),
        ("complete-en", ["complete"]),
        ("missing-en", ["missing"]),
        ("out-of-date-en", ["out-of-date"]),
        ("complete-ar", ["complete", "missing", "out-of-date"]),
        ("missing-ar", []),
        ("out-of-date-ar", []),
    ],
)
def test_the_filter_lists_the_articles_in_each_state(editor, articles, value, expected):
    response = editor.get(LIST.format(language="en"), {"translation": value})
    listed = {article.pk for article in response.context["cl"].result_list}
    assert listed == {articles[name].pk for name in expected}


def test_the_filter_offers_each_state_in_each_language(editor, articles):
    page = html(editor.get(LIST.format(language="en")))
    choices = [
        link.get_text(strip=True)
        for link in page.select("#changelist-filter a")
        if "translation=" in link.get("href", "")
    ]
    for text in ("English: complete", "English: missing", "English: out of date"):
        assert text in choices
    for text in ("Arabic: complete", "Arabic: missing", "Arabic: out of date"):
        assert text in choices


def test_the_list_reads_the_states_in_its_own_query(editor, db):
    """5 or 40 articles in any state: the list runs the same queries."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(LIST.format(language="en")).status_code == 200
        return len(queries)

    for _ in range(5):
        make_article(sections=1, authors=[make_author()], original_language="ar")
    few = count()
    for number in range(35):
        article = make_article(sections=1, authors=[make_author()], original_language="ar")
        if number % 2:
            with committed():
                Section.objects.create(article=article, position=1, body_ar="نص.")
    assert count() == few


def test_the_arabic_list_shows_the_columns_and_filter(editor, articles):
    response = editor.get(LIST.format(language="ar"), {"translation": "out-of-date-en"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [articles["out-of-date"]]
    page = html(response)
    link = page.select_one(".field-translation_en a")
    assert link["href"] == translation_url(articles["out-of-date"], "en", "ar")
    assert link["hreflang"] == "en"


@pytest.mark.parametrize("admin_language", ["ar", "en"])
def test_the_change_page_links_to_the_translation_into_the_other_language(
    make_staff, login, articles, admin_language
):
    translator = login(make_staff(TRANSLATORS))
    article = articles["out-of-date"]
    page = html(translator.get(change_url(article, admin_language)))
    links = page.select(".object-tools a.translatelink")
    assert [link["href"] for link in links] == [translation_url(article, "en", admin_language)]
    if admin_language == "en":
        assert links[0].get_text(strip=True) == "Translate into English"
    # And the article's files for outside translators.
    xliff = page.select_one(".object-tools a.xlifflink")["href"]
    assert xliff == (
        f"/{admin_language}/admin/translations/import/?document=articles.article:{article.pk}"
    )


def test_the_change_page_offers_no_translation_to_whoever_may_not_change_it(make_staff, login, db):
    """An author sees their published article, and no link to change it."""
    user = make_staff(AUTHORS)
    article = make_article(authors=[make_author(user=user)], original_language="ar")
    page = html(login(user).get(change_url(article)))
    assert page.select_one("#article_form") is not None
    assert page.select(".object-tools a.translatelink, .object-tools a.xlifflink") == []


def test_the_change_page_of_an_english_original_links_to_arabic(editor, db):
    article = make_article(original_language="en")
    links = html(editor.get(change_url(article))).select(".object-tools a.translatelink")
    assert [(a.get_text(strip=True), a["href"]) for a in links] == [
        ("Translate into Arabic", translation_url(article, "ar"))
    ]


def test_an_author_sees_the_state_of_their_own_articles(make_staff, login, db):
    """The author's list (their articles only, made distinct) reads the states too."""
    user = make_staff(AUTHORS)
    mine = make_article(authors=[make_author(user=user)], original_language="ar")
    make_article(original_language="ar")
    page = html(login(user).get(LIST.format(language="en")))
    assert cells(page, "en") == {
        change_url(mine): ("English: complete", translation_url(mine, "en"))
    }
