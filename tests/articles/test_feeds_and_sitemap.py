import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from articles.models import Status, Topic
from articles.sitemaps import ArticleSitemap
from tests.factories import make_article
from tests.helpers import html

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def xml(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_rss_lists_the_latest_analyses_of_the_language(client, db, language):
    both = make_article()
    arabic_only = make_article(languages=("ar",))
    make_article(status=Status.DRAFT)
    channel = xml(client.get(f"/{language}/feeds/rss/")).find("channel")
    assert channel.findtext("language") == language
    links = [item.findtext("link") for item in channel.findall("item")]
    expected = [arabic_only, both] if language == "ar" else [both]
    assert links == [f"http://testserver{a.url_in(language)}" for a in expected]


def test_atom_and_topic_feeds(client, db):
    topic = Topic.objects.create(slug="sahel", name_ar="الساحل", name_en="Sahel")
    inside, outside = make_article(), make_article()
    inside.topics.add(topic)
    atom = xml(client.get("/en/feeds/atom/"))
    assert len(atom.findall(f"{ATOM}entry")) == 2
    topic_feed = xml(client.get("/en/topics/sahel/atom/"))
    entries = topic_feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        f"http://testserver{inside.url_in('en')}"
    ]
    assert outside.title_en not in client.get("/en/topics/sahel/rss/").content.decode()
    assert client.get("/en/topics/no-such-topic/rss/").status_code == 404


def test_pages_announce_their_feeds(client, db):
    Topic.objects.create(slug="sahel", name_ar="الساحل", name_en="Sahel")
    home = html(client.get("/en/"))
    assert (
        home.select_one('link[rel=alternate][type="application/rss+xml"]')["href"]
        == "/en/feeds/rss/"
    )
    topic = html(client.get("/en/topics/sahel/"))
    feeds = {link["type"]: link["href"] for link in topic.select("link[rel=alternate][type]")}
    assert feeds == {
        "application/rss+xml": "/en/topics/sahel/rss/",
        "application/atom+xml": "/en/topics/sahel/atom/",
    }


def sitemap_urls(client, section):
    root = xml(client.get(f"/sitemap-{section}.xml"))
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_each_article_in_each_language_with_alternates(client, db):
    both = make_article()
    arabic_only = make_article(languages=("ar",))
    make_article(status=Status.DRAFT)
    index = xml(client.get("/sitemap.xml"))
    sections = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    assert "http://testserver/sitemap-articles.xml" in sections
    urls = sitemap_urls(client, "articles")
    absolute = {code: f"http://testserver{both.url_in(code)}" for code in ("ar", "en")}
    assert urls[absolute["ar"]] == absolute
    assert urls[absolute["en"]] == absolute
    only = f"http://testserver{arabic_only.url_in('ar')}"
    assert urls[only] == {"ar": only}
    assert len(urls) == 3


def test_sitemap_of_100_articles_is_one_page_and_larger_ones_paginate(client, db, monkeypatch):
    for _ in range(100):
        make_article()
    index = xml(client.get("/sitemap.xml"))
    article_pages = [
        s.findtext(f"{SITEMAP}loc")
        for s in index.findall(f"{SITEMAP}sitemap")
        if "articles" in s.findtext(f"{SITEMAP}loc")
    ]
    assert article_pages == ["http://testserver/sitemap-articles.xml"]
    assert len(sitemap_urls(client, "articles")) == 200
    # Past the per-file limit (50,000 URLs by default; 60 here) the index splits it.
    monkeypatch.setattr(ArticleSitemap, "limit", 60)
    cache.clear()  # the sitemap as it is now made, not as the reader cache kept it
    index = xml(client.get("/sitemap.xml"))
    pages = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    article_pages = [page for page in pages if "articles" in page]
    assert len(article_pages) == 4
    total = sum(
        len(xml(client.get(page.replace("http://testserver", ""))).findall(f"{SITEMAP}url"))
        for page in article_pages
    )
    assert total == 200


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
