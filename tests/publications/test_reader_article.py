"""An article that appears in a published issue says so on its page ("In: “Asian Trends”,
issue 3 (April–June 2026), pp. 12–19"), is cited as a journal article, and its schema.org
data names the issue and the periodical."""

import datetime
import json

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import caching
from core.models import Status
from tests.factories import make_article, make_author
from tests.helpers import html
from tests.publications.factories import make_issue, make_series

LINE = {
    "en": "In: “Asian Trends”, issue 3 (April–June 2026), pp. 12–19",
    "ar": "نُشر في «اتجاهات آسيوية»، العدد الثالث (أبريل–يونيو 2026)، ص 12–19",
}


@pytest.fixture
def asian_trends(db):
    return make_series(
        slug="asian-trends", name_en="Asian Trends", name_ar="اتجاهات آسيوية", issn="2049-3630"
    )


@pytest.fixture
def article(db):
    author = make_author(name_en="Ibrahim Fawzy", name_ar="إبراهيم فوزي")
    return make_article(authors=[author], slug="why-aqim", summary_en="A summary.")


def line(client, article, language):
    found = html(client.get(article.url_in(language))).select_one(".article__appearance")
    return found and (found.get_text(strip=True), found.a["href"])


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_article_page_says_where_it_appears_and_links_to_the_issue(
    client, asian_trends, article, language
):
    """The line under an article in issue 3, in the page's language, links to the issue's page."""
    issue = make_issue(asian_trends, number=3, entries=[(article, "Lead file", 12, 19)])
    assert line(client, article, language) == (LINE[language], issue.url_in(language))
    assert client.get(issue.url_in(language)).status_code == 200


def test_one_page_and_no_page_are_written_as_printed(client, asian_trends, article):
    """One page is "p. 12"; an entry without pages gives the issue and its period alone."""
    other = make_article()
    make_issue(asian_trends, number=3, entries=[(article, "", 12), other])
    assert line(client, article, "en")[0].endswith("(April–June 2026), p. 12")
    assert line(client, other, "en")[0] == "In: “Asian Trends”, issue 3 (April–June 2026)"


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.UNPUBLISHED},
        {"published_at": datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)},
        {"language_published_en": False},
    ],
    ids=["draft", "unpublished", "scheduled", "not-released"],
)
def test_an_issue_readers_cannot_see_is_not_named_on_the_article(
    client, asian_trends, article, hidden
):
    """No line, no journal citation, no isPartOf, for an issue readers cannot open."""
    make_issue(asian_trends, number=3, entries=[(article, "", 12, 19)], **hidden)
    page = html(client.get(article.url_in("en")))
    assert page.select_one(".article__appearance") is None
    assert "Asian Trends" not in str(page)
    assert client.get(f"/en/articles/{article.slug}/cite.bib").content.startswith(b"@misc")


def test_publishing_the_issue_adds_the_line_to_the_cached_article_page(
    client, asian_trends, article
):
    """The article's page was cached before its issue went out: publishing the issue
    refreshes it, as does changing its pages or renaming the periodical."""
    issue = make_issue(asian_trends, number=3, status=Status.DRAFT, entries=[(article, "", 12, 19)])
    client.get(article.url_in("en"))
    assert client.get(article.url_in("en"))["X-Cache"] == "hit"
    issue.status = Status.PUBLISHED
    issue.save()
    assert line(client, article, "en")[0] == LINE["en"]
    entry = issue.entries.get()
    entry.first_page, entry.last_page = 30, 33
    entry.save()
    assert line(client, article, "en")[0].endswith("pp. 30–33")
    asian_trends.name_en = "Asian Trends Quarterly"
    asian_trends.save()
    assert "“Asian Trends Quarterly”" in line(client, article, "en")[0]
    issue.status = Status.UNPUBLISHED
    issue.save()
    assert line(client, article, "en") is None


def test_a_scheduled_issue_names_itself_on_the_article_when_its_time_comes(
    client, asian_trends, article
):
    """The line appears at the issue's publication time, with nobody saving anything."""
    noon = datetime.datetime(2030, 6, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon - datetime.timedelta(days=1), tick=False):
        make_issue(asian_trends, number=3, published_at=noon, entries=[(article, "", 12, 19)])
    with time_machine.travel(noon - datetime.timedelta(minutes=1), tick=False):
        assert line(client, article, "en") is None
    with time_machine.travel(noon + datetime.timedelta(minutes=1), tick=False):
        assert line(client, article, "en")[0] == LINE["en"]


def test_the_first_issue_it_appeared_in_is_named(client, asian_trends, article):
    """An article reprinted in a later issue is cited from the first one."""
    make_issue(asian_trends, number=4, date=datetime.date(2026, 7, 1), entries=[article])
    first = make_issue(asian_trends, number=3, entries=[(article, "", 12, 19)])
    assert line(client, article, "en") == (LINE["en"], first.url_in("en"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Ibrahim Fawzy. “{title}.” Asian Trends, no. 3 (April–June 2026): 12–19. "
            "http://testserver{url}",
        ),
        (
            "ar",
            "إبراهيم فوزي، «{title}»، اتجاهات آسيوية، العدد 3 (أبريل–يونيو 2026)، ص 12–19، "
            "http://testserver{url}",
        ),
    ],
)
def test_cite_this_gives_a_journal_reference(client, asian_trends, article, language, expected):
    """The reference to copy names the periodical, number, period and pages."""
    make_issue(asian_trends, number=3, entries=[(article, "", 12, 19)])
    page = html(client.get(article.url_in(language)))
    assert page.select_one(".citation__text").get_text() == expected.format(
        title=getattr(article, f"title_{language}"), url=article.url_in(language)
    )


def test_bibtex_is_a_journal_article(client, asian_trends, article):
    """BibTeX: @article with journal, number, pages (12--19), the issue's year and ISSN."""
    make_issue(asian_trends, number=3, entries=[(article, "", 12, 19)])
    response = client.get(f"/en/articles/{article.slug}/cite.bib")
    body = response.content.decode()
    assert body.startswith("@article{why-aqim-2026,\n")
    for field in (
        "journal = {Asian Trends}",
        "number = {3}",
        "pages = {12--19}",
        "year = {2026}",
        "issn = {2049-3630}",
        "author = {Ibrahim Fawzy}",
    ):
        assert f"  {field},\n" in body


def test_ris_is_a_journal_article(client, asian_trends, article):
    """RIS: TY JOUR with the journal (JO and T2), issue, first and last page, ISSN."""
    make_issue(asian_trends, number=3, entries=[(article, "", 12, 19)])
    lines = client.get(f"/ar/articles/{article.slug}/cite.ris").content.decode().split("\r\n")
    assert lines[0] == "TY  - JOUR"
    for tagged in (
        "JO  - اتجاهات آسيوية",
        "T2  - اتجاهات آسيوية",
        "IS  - 3",
        "SP  - 12",
        "EP  - 19",
        "SN  - 2049-3630",
        "PY  - 2026",
        "AU  - إبراهيم فوزي",
    ):
        assert tagged in lines
    assert lines[-2:] == ["ER  - ", ""]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_schema_org_names_the_issue_and_the_periodical(client, asian_trends, article, language):
    """The Article isPartOf a PublicationIssue, itself isPartOf the Periodical; its pages too."""
    issue = make_issue(asian_trends, number=3, entries=[(article, "", 12, 19)])
    page = html(client.get(article.url_in(language)))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Article"
    assert data["isPartOf"] == {
        "@type": "PublicationIssue",
        "issueNumber": "3",
        "datePublished": "2026-04-01",
        "url": f"http://testserver{issue.url_in(language)}",
        "isPartOf": {
            "@type": "Periodical",
            "name": getattr(asian_trends, f"name_{language}"),
            "issn": "2049-3630",
            "url": f"http://testserver{asian_trends.url_in(language)}",
        },
    }
    assert (data["pageStart"], data["pageEnd"], data["pagination"]) == (12, 19, "12-19")


def test_an_article_in_an_issue_costs_its_page_one_query_more_at_most(
    client, asian_trends, django_assert_num_queries
):
    """The line is read in one query, whether the article is in an issue or not; the
    page's count is pinned in tests/articles/test_article_page.py."""
    alone = make_article(sections=2, points=2, authors=[make_author()])
    listed = make_article(sections=2, points=2, authors=[make_author()])
    make_issue(asian_trends, entries=[(listed, "", 1, 5)])
    counts = []
    for article in (alone, listed):
        client.get(article.url_in("en"))
        caching.bump(f"article:{article.pk}")
        with CaptureQueriesContext(connection) as queries:
            client.get(article.url_in("en"))
        counts.append(len(queries))
    assert counts[0] == counts[1]
    caching.bump(f"article:{listed.pk}")
    # As any article's page (tests/articles/test_article_page.py): its seven, what is
    # next due, and the issue it appears in.
    with django_assert_num_queries(9):
        client.get(listed.url_in("ar"))
