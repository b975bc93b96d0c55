import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_author
from tests.helpers import html


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def listed_slugs(response):
    return [
        a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in html(response).select(".article-card h2 a")
    ]


def test_list_shows_published_articles_newest_first(client, db):
    old = make_article(published_at=days_ago(10))
    new = make_article(published_at=days_ago(1))
    make_article(status=Status.DRAFT)
    make_article(published_at=timezone.now() + datetime.timedelta(days=1))  # not yet
    assert listed_slugs(client.get("/en/articles/")) == [new.slug, old.slug]


def test_list_shows_only_articles_written_in_the_page_language(client, db):
    both = make_article()
    arabic_only = make_article(languages=("ar",))
    assert listed_slugs(client.get("/en/articles/")) == [both.slug]
    assert set(listed_slugs(client.get("/ar/articles/"))) == {both.slug, arabic_only.slug}


def test_list_links_each_article_in_the_page_language(client, db):
    article = make_article(authors=[make_author(name_ar="إبراهيم فوزي", honorific_ar="د.")])
    page = html(client.get("/ar/articles/"))
    card = page.select_one(".article-card")
    assert card.h2.a["href"] == f"/ar/articles/{article.slug}/"
    assert card.h2.a.get_text() == article.title_ar
    assert "د. إبراهيم فوزي" in card.get_text()


@override_settings(ARTICLES_PER_PAGE=2)
def test_list_is_paginated(client, db):
    articles = [make_article(published_at=days_ago(n)) for n in range(5)]
    first = client.get("/en/articles/")
    third = client.get("/en/articles/?page=3")
    assert listed_slugs(first) == [a.slug for a in articles[:2]]
    assert listed_slugs(third) == [articles[4].slug]
    assert html(first).select_one(".pagination a[rel=next]")["href"] == "?page=2"


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "%00"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_bad_page_number_is_a_404_in_the_page_language(client, db, page, language):
    """A page number that is not a page is a 404 (a NUL character: a 400), never a 500, in
    the page's language."""
    make_article()
    response = client.get(f"/{language}/articles/?page={page}")
    assert response.status_code == (400 if page == "%00" else 404)
    assert html(response).html["lang"] == language


def test_list_runs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    for _ in range(12):
        make_article(authors=[make_author(), make_author()])
    # Two for the page, one for the byline, and one the reader cache asks on a miss
    # (when anything is next due to go live).
    with django_assert_max_num_queries(4):
        response = client.get("/en/articles/")
    assert len(listed_slugs(response)) == 12
