"""The publications' pages read a fixed number of queries, however many issues, entries,
authors and covers they show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import caching
from tests.factories import make_article, make_author
from tests.publications.factories import make_cover, make_issue, make_series


def fresh_queries(client, url, *tags):
    """The queries of `url` made afresh, as after a change: the reader cache missed, and
    asks again when something is next due (its one query)."""
    client.get(url)  # renditions and remembered values as readers' visits leave them
    caching.bump(*tags)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and response["X-Cache"] == "miss"
    return len(queries)


@pytest.fixture
def small(db, media_root):
    series = make_series(cover=make_cover())
    issue = make_issue(series, cover=make_cover(), entries=[make_article()])
    return series, issue


@pytest.fixture
def large(db, media_root):
    """A series of 30 issues with covers, the newest with an editorial and 15 entries
    under 4 parts, by 3 authors each; 3 more series beside it."""
    series = make_series(cover=make_cover())
    authors = [make_author() for _ in range(3)]
    for number in range(1, 30):
        make_issue(
            series, number=number, date=datetime.date(1990 + number, 1, 1), cover=make_cover()
        )
    entries = [
        (
            make_article(authors=authors),
            f"Part {position // 4}",
            position * 10 + 1,
            position * 10 + 9,
        )
        for position in range(15)
    ]
    issue = make_issue(
        series,
        number=30,
        date=datetime.date(2026, 1, 1),
        cover=make_cover(),
        editorial=make_article(authors=authors),
        entries=entries,
    )
    for _ in range(3):
        make_issue(make_series(), cover=make_cover())
    return series, issue


@pytest.mark.parametrize("language", ["ar", "en"])
def test_issue_page_queries_do_not_grow_with_its_contents(
    client, small, large, language, django_assert_num_queries
):
    """One entry or fifteen with an editorial and bylines: the same queries."""
    counts = [
        fresh_queries(client, issue.url_in(language), f"issue:{issue.pk}")
        for _series, issue in (small, large)
    ]
    assert counts[0] == counts[1]
    _series, issue = large
    caching.bump(f"issue:{issue.pk}")
    # The issue with its series and editorial, its entries with their articles, their
    # authors; and what is next due, which the reader cache asks on a miss.
    with django_assert_num_queries(4):
        client.get(issue.url_in(language))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_series_page_queries_do_not_grow_with_its_issues(
    client, small, large, language, django_assert_num_queries
):
    """One issue or thirty with covers: the same queries."""
    counts = [
        fresh_queries(client, series.url_in(language), f"series:{series.pk}")
        for series, _issue in (small, large)
    ]
    assert counts[0] == counts[1]
    series, _issue = large
    caching.bump(f"series:{series.pk}")
    # The series, the count of its issues (remembered until the series' tag moves on), a
    # page of them; and what is next due.
    with django_assert_num_queries(4):
        client.get(series.url_in(language))


def test_all_series_page_queries_do_not_grow_with_the_series(
    client, db, media_root, django_assert_num_queries
):
    """One series or six, with their latest issues' covers: the same queries."""
    make_issue(make_series(), cover=make_cover())
    one = fresh_queries(client, "/en/publications/", caching.LISTINGS)
    for _ in range(5):
        series = make_series(cover=make_cover())
        for number in range(1, 4):
            make_issue(series, number=number, cover=make_cover())
    assert fresh_queries(client, "/en/publications/", caching.LISTINGS) == one
    caching.bump(caching.LISTINGS)
    # The series, each one's latest issue (one query for all); and what is next due.
    with django_assert_num_queries(3):
        client.get("/ar/publications/")


def test_the_feed_of_a_series_queries_do_not_grow_with_its_issues(
    client, db, django_assert_num_queries
):
    """Twenty issues in a feed cost three queries."""
    series = make_series()
    for number in range(1, 21):
        make_issue(series, number=number)
    caching.bump(f"series:{series.pk}")
    # The series, its issues; and what is next due.
    with django_assert_num_queries(3):
        client.get(f"/en/publications/{series.slug}/rss/")
