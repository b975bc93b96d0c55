"""
What pages remember between changes of content (core/caching.py's `remember`): an
article's rendered body, the center news, listing counts and the home page's topics and
years. Signed-in people never get cached pages, so these tests read as one of them (a
session cookie): whatever they see comes from the remembered values, not from a cached
page, and must follow every change at once.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from articles.models import Indication, Section, Topic
from tests.factories import make_article, make_news
from tests.helpers import html


@pytest.fixture
def signed_in(client):
    """A browser with a session cookie: the reader cache neither serves nor stores its pages."""
    client.cookies["sessionid"] = "not-a-session"
    return client


def body_text(response):
    assert response.status_code == 200
    assert response.get("X-Cache") is None
    return html(response).select_one("article").get_text(" ", strip=True)


def test_the_article_body_is_rendered_once_per_version(signed_in, db):
    article = make_article(sections=2, points=2)
    body_text(signed_in.get(article.url_in("en")))
    with CaptureQueriesContext(connection) as queries:
        again = signed_in.get(article.url_in("en"))
    assert "Point 1.1 text en." in body_text(again)
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "articles_section" not in tables
    assert "articles_indication" not in tables


def test_edits_to_any_part_of_an_article_show_at_once(signed_in, db):
    article = make_article(sections=1, points=2)
    url = article.url_in("en")
    body_text(signed_in.get(url))

    point = Indication.objects.get(section__article=article, position=1)
    point.body_en = "A corrected point."
    point.save()
    assert "A corrected point." in body_text(signed_in.get(url))

    section = Section.objects.get(article=article)
    section.heading_en = "A better heading"
    section.save()
    assert "A better heading" in body_text(signed_in.get(url))

    article.lead_en = "A sharper lead."
    article.save()
    assert "A sharper lead." in body_text(signed_in.get(url))

    Section.objects.create(article=article, position=5, heading_en="Added later")
    assert "Added later" in body_text(signed_in.get(url))

    point.delete()
    assert "A corrected point." not in body_text(signed_in.get(url))


def test_each_language_keeps_its_own_body(signed_in, db):
    article = make_article(sections=1, points=1)
    assert "Point 0.0 text en." in body_text(signed_in.get(article.url_in("en")))
    arabic = body_text(signed_in.get(article.url_in("ar")))
    assert "Point 0.0 text ar." in arabic
    assert "text en" not in arabic


def test_center_news_follows_news_for_signed_in_readers(signed_in, db):
    article = make_article()
    signed_in.get(article.url_in("en"))
    item = make_news(headline_en="Fresh news")
    assert "Fresh news" in signed_in.get(article.url_in("en")).content.decode()
    item.status = "unpublished"
    item.save()
    assert "Fresh news" not in signed_in.get(article.url_in("en")).content.decode()


@override_settings(ARTICLES_PER_PAGE=1)
def test_listing_page_counts_follow_publishing_and_the_schedule(signed_in, db):
    noon = datetime.datetime(2030, 6, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon - datetime.timedelta(days=1), tick=False):
        first = make_article()
        make_article()
        make_article(published_at=noon)  # scheduled
        assert signed_in.get("/en/articles/?page=2").status_code == 200
        assert signed_in.get("/en/articles/?page=3").status_code == 404
        first.status = "unpublished"
        first.save()
        assert signed_in.get("/en/articles/?page=2").status_code == 404
        first.status = "published"
        first.save()
        assert signed_in.get("/en/articles/?page=2").status_code == 200
    with time_machine.travel(noon + datetime.timedelta(minutes=1), tick=False):
        assert signed_in.get("/en/articles/?page=3").status_code == 200


def test_home_topics_and_years_follow_publishing(signed_in, db):
    topic = Topic.objects.create(slug="sahel", name_en="Sahel", name_ar="الساحل")
    article = make_article(published_at=datetime.datetime(2019, 3, 1, tzinfo=datetime.UTC))
    article.topics.add(topic)
    make_article()  # keeps the home page's lead when the other one goes

    def home():
        page = html(signed_in.get("/en/"))
        topics = [link.get_text() for link in page.select(".topic-list a")]
        years = [link.get_text() for link in page.select(".year-list a")]
        return topics, years

    assert home() == (["Sahel"], [str(datetime.date.today().year), "2019"])
    topic.name_en = "The Sahel"
    topic.save()
    assert home()[0] == ["The Sahel"]
    article.status = "unpublished"
    article.save()
    assert home() == ([], [str(datetime.date.today().year)])
