"""The reader cache keeps the publications' pages until what they show changes: an issue,
its contents, its articles, its series."""

import pytest

from core.models import Status
from publications.models import IssueEntry
from tests.factories import make_article
from tests.helpers import html
from tests.publications.factories import make_issue, make_series


def fetch(client, url):
    response = client.get(url)
    return response, response.get("X-Cache")


def cached(client, url):
    """Make the page, and check that the next reader is served it from the cache."""
    fetch(client, url)
    response, state = fetch(client, url)
    assert state == "hit", url
    return response


@pytest.fixture
def issue(db):
    first, second = make_article(title_en="First"), make_article(title_en="Second")
    return make_issue(
        make_series(name_en="Asian Trends"),
        theme_en="Old theme",
        entries=[(first, "Lead file", 1, 9), (second, "Views", 10, 12)],
    )


def pages_of(issue):
    return [issue.url_in("en"), issue.series.url_in("en"), "/en/publications/"]


def test_pages_are_cached_for_readers(client, issue):
    """The list, a series, an issue and a series' feed are served from the cache the second time."""
    for url in [*pages_of(issue), f"/en/publications/{issue.series.slug}/rss/"]:
        cached(client, url)


def test_changing_an_issue_refreshes_its_page_its_series_and_the_list(client, issue):
    """A saved issue shows at once on its page, its series' page and the list of series."""
    for url in pages_of(issue):
        cached(client, url)
    issue.theme_en = "New theme"
    issue.save()
    for url in pages_of(issue):
        response, state = fetch(client, url)
        assert state == "miss", url
        assert "New theme" in response.content.decode()


def test_changing_the_contents_refreshes_the_issue_page(client, issue):
    """Changing an entry's pages, adding an entry or removing one shows at once."""
    url = issue.url_in("en")
    cached(client, url)
    entry = issue.entries.get(article__title_en="Second")
    entry.first_page, entry.last_page = 40, 44
    entry.save()
    response, state = fetch(client, url)
    assert state == "miss" and "40–44" in response.content.decode()
    cached(client, url)
    added = make_article(title_en="Added later")
    IssueEntry.objects.create(issue=issue, article=added, position=5, part_en="Views")
    assert "Added later" in fetch(client, url)[0].content.decode()
    cached(client, url)
    entry.delete()
    assert "Second" not in html(fetch(client, url)[0]).select_one(".issue__contents").get_text()


def test_changing_an_article_of_the_contents_refreshes_the_issue_page(client, issue):
    """An article's new title shows in the contents at once; unpublished, it loses its link."""
    url = issue.url_in("en")
    cached(client, url)
    article = issue.entries.get(article__title_en="First").article
    article.title_en = "First, corrected"
    article.save()
    response, state = fetch(client, url)
    assert state == "miss"
    assert "First, corrected" in response.content.decode()
    cached(client, url)
    article.status = Status.UNPUBLISHED
    article.save()
    page = html(fetch(client, url)[0])
    assert article.url_in("en") not in [a["href"] for a in page.select(".contents__title a")]


def test_renaming_the_series_refreshes_its_pages(client, issue):
    """A renamed series shows its new name at once on its issue's, its own and the list page."""
    for url in pages_of(issue):
        cached(client, url)
    series = issue.series
    series.name_en = "Asian Trends Quarterly"
    series.save()
    for url in pages_of(issue):
        assert "Asian Trends Quarterly" in fetch(client, url)[0].content.decode(), url


def test_unpublishing_an_issue_removes_it_at_once(client, issue):
    """An unpublished issue leaves its page, its series' page and the list at once."""
    for url in pages_of(issue):
        cached(client, url)
    issue.status = Status.UNPUBLISHED
    issue.save()
    assert client.get(issue.url_in("en")).status_code == 404
    assert client.get(issue.series.url_in("en")).status_code == 404
    assert "Asian Trends" not in client.get("/en/publications/").content.decode()


def test_a_new_issue_refreshes_the_series_page_and_its_feed(client, issue):
    """A new issue appears at once on its series' page and in its feed."""
    feed = f"/en/publications/{issue.series.slug}/rss/"
    for url in (issue.series.url_in("en"), feed):
        cached(client, url)
    newer = make_issue(issue.series, number=issue.number + 1)
    for url in (issue.series.url_in("en"), feed):
        response, state = fetch(client, url)
        assert state == "miss"
        # The page links it, the feed gives its absolute address: both contain the path.
        assert newer.url_in("en") in response.content.decode()
