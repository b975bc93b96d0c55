"""Where readers and machines find series and issues: the sitemap with hreflang, each
series' RSS and Atom feeds, and the site search."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from core.models import Status
from tests.helpers import html
from tests.publications.factories import make_issue, make_pdf, make_series
from tests.search.helpers import found, search

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HIDDEN = [
    {"status": Status.DRAFT},
    {"status": Status.UNPUBLISHED},
    {"published_at": timezone.now() + datetime.timedelta(days=1)},
]


def xml(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)


def sitemap_urls(client, section):
    root = xml(client.get(f"/sitemap-{section}.xml"))
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def absolute(obj, *languages):
    return {code: f"http://testserver{obj.url_in(code)}" for code in languages}


def test_sitemap_lists_issues_in_each_language_with_alternates(client, db):
    """Each published issue once per language it is published in, with hreflang alternates."""
    series = make_series()
    both = make_issue(series, number=1)
    arabic_only = make_issue(series, number=2, languages=("ar",))
    for number, hidden in enumerate(HIDDEN, start=3):
        make_issue(series, number=number, **hidden)
    index = xml(client.get("/sitemap.xml"))
    sections = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    assert "http://testserver/sitemap-issues.xml" in sections
    assert "http://testserver/sitemap-series.xml" in sections
    urls = sitemap_urls(client, "issues")
    pair = absolute(both, "ar", "en")
    assert urls[pair["ar"]] == pair
    assert urls[pair["en"]] == pair
    only = absolute(arabic_only, "ar")
    assert urls[only["ar"]] == only
    assert len(urls) == 3


def test_sitemap_lists_a_series_in_the_languages_it_has_issues_in(client, db):
    """A series is listed in the languages it has an issue in; the list of series in both."""
    both = make_series()
    make_issue(both)
    arabic = make_series()
    make_issue(arabic, languages=("ar",))
    make_issue(make_series(), status=Status.DRAFT)
    urls = sitemap_urls(client, "series")
    pair = absolute(both, "ar", "en")
    assert urls[pair["en"]] == pair
    assert urls[absolute(arabic, "ar")["ar"]] == absolute(arabic, "ar")
    assert len(urls) == 3
    pages = sitemap_urls(client, "pages")
    assert pages["http://testserver/en/publications/"] == {
        "ar": "http://testserver/ar/publications/",
        "en": "http://testserver/en/publications/",
    }


@pytest.mark.parametrize("language", ["ar", "en"])
def test_rss_of_a_series_lists_its_issues_newest_first_with_their_pdf(
    client, db, media_root, language
):
    """The feed of a series: its published issues, newest first, the PDF as an enclosure."""
    series = make_series()
    older = make_issue(series, number=1, date=datetime.date(2025, 1, 1))
    newer = make_issue(series, number=2, date=datetime.date(2025, 4, 1), pdf=make_pdf())
    make_issue(series, number=3, status=Status.DRAFT)
    make_issue(make_series(), number=1)
    channel = xml(client.get(f"/{language}/publications/{series.slug}/rss/")).find("channel")
    assert channel.findtext("language") == language
    assert getattr(series, f"name_{language}") in channel.findtext("title")
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [
        f"http://testserver{issue.url_in(language)}" for issue in (newer, older)
    ]
    enclosure = items[0].find("enclosure")
    assert enclosure.get("type") == "application/pdf"
    assert enclosure.get("length") == str(newer.pdf_size)
    pdf = client.get(enclosure.get("url").removeprefix("http://testserver"))
    assert pdf["Content-Type"] == "application/pdf"
    assert items[1].find("enclosure") is None


def test_atom_of_a_series(client, db):
    """The Atom feed of a series links its issues and names their themes."""
    series = make_series()
    issue = make_issue(series, theme_en="Asia after the war")
    feed = xml(client.get(f"/en/publications/{series.slug}/atom/"))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        f"http://testserver{issue.url_in('en')}"
    ]
    assert entries[0].findtext(f"{ATOM}title").endswith("Asia after the war")


@pytest.mark.parametrize("hidden", HIDDEN, ids=["draft", "unpublished", "scheduled"])
def test_a_series_with_nothing_readers_may_see_has_no_feed(client, db, hidden):
    """No feed for a series whose only issue is a draft, unpublished or scheduled."""
    series = make_series()
    make_issue(series, **hidden)
    assert client.get(f"/en/publications/{series.slug}/rss/").status_code == 404
    assert client.get(f"/en/publications/{series.slug}/atom/").status_code == 404
    assert client.get("/en/publications/no-such-series/rss/").status_code == 404


def test_the_series_page_links_its_feeds(client, db):
    """The series page's feed links lead to working feeds."""
    series = make_series()
    make_issue(series)
    page = html(client.get(series.url_in("en")))
    for link in page.select(".feed-links a"):
        assert client.get(link["href"]).status_code == 200


@pytest.mark.parametrize(
    ("language", "group", "theme"),
    [("ar", "الأعداد", "الممرات البحرية في آسيا"), ("en", "Issues", "Sea lanes of Asia")],
)
def test_search_finds_an_issue_by_its_theme_under_its_own_heading(
    client, db, language, group, theme
):
    """An issue is found by a word of its theme, in a group headed "Issues"."""
    issue = make_issue(
        make_series(), theme_ar="الممرات البحرية في آسيا", theme_en="Sea lanes of Asia"
    )
    query = {"ar": "الممرات", "en": "lanes"}[language]
    page = html(search(client, query, language))
    assert found(search(client, query, language)) == [issue.url_in(language)]
    heading = page.select_one(".search-group--issue h2")
    assert heading.get_text() == group
    result = page.select_one(".search-result--issue")
    assert theme in result.get_text()


@pytest.mark.parametrize(
    ("language", "group"), [("ar", "الدوريات والسلاسل"), ("en", "Periodicals and series")]
)
def test_search_finds_a_series_by_its_name(client, db, language, group):
    """A series is found by its name, in a group headed "Periodicals and series", before
    its issues (which carry its name too)."""
    series = make_series(name_ar="اتجاهات آسيوية", name_en="Asian Trends")
    issue = make_issue(series)
    query = {"ar": "آسيوية", "en": "trends"}[language]
    page = html(search(client, query, language))
    assert found(search(client, query, language)) == [
        series.url_in(language),
        issue.url_in(language),
    ]
    assert page.select_one(".search-group--series h2").get_text() == group


@pytest.mark.parametrize("hidden", HIDDEN, ids=["draft", "unpublished", "scheduled"])
def test_search_finds_nothing_readers_may_not_see(client, db, hidden):
    """A draft, unpublished or scheduled issue and its series are not found."""
    series = make_series(name_en="Asian Trends")
    make_issue(series, theme_en="Sea lanes of Asia", **hidden)
    assert found(search(client, "lanes", "en")) == []
    assert found(search(client, "trends", "en")) == []


@pytest.mark.parametrize(
    ("language", "query", "period"),
    [
        ("ar", "اتجاهات آسيوية الثاني عشر", "أبريل–يونيو 2026"),
        ("en", "asian trends 12", "April–June 2026"),
    ],
)
def test_search_finds_an_issue_by_its_series_and_number(client, db, language, query, period):
    """ "Asian Trends 12" finds issue 12, whose result gives its period; not issue 13."""
    series = make_series(name_ar="اتجاهات آسيوية", name_en="Asian Trends")
    issue = make_issue(series, number=12, theme_ar="", theme_en="")
    make_issue(series, number=13, theme_ar="", theme_en="")
    page = html(search(client, query, language))
    results = page.select(".search-result--issue")
    assert [a["href"] for r in results for a in r.select(".search-result__title a")] == [
        issue.url_in(language)
    ]
    assert period in results[0].select_one(".search-result__meta").get_text()
