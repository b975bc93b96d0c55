import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Status, Topic
from tests.factories import make_article, make_author, make_news
from tests.helpers import html


@pytest.fixture
def scene(db):
    """A topic and an author with four articles: in both languages, Arabic only, a draft,
    and one scheduled for tomorrow; plus published, draft and scheduled news."""
    topic = Topic.objects.create(slug="sahel", name_ar="الساحل", name_en="Sahel")
    author = make_author(name_ar="إبراهيم فوزي", name_en="Ibrahim Fawzy")
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    kinds = {
        "both": {},
        "arabic-only": {"languages": ("ar",)},
        "draft": {"status": Status.DRAFT},
        "future": {"published_at": tomorrow},
    }
    articles = {}
    for name, options in kinds.items():
        article = make_article(authors=[author], **options)
        article.topics.add(topic)
        articles[name] = article
    make_news(headline_en="Published news", headline_ar="خبر منشور", article=articles["both"])
    make_news(headline_en="Draft news", headline_ar="خبر مسودة", status=Status.DRAFT)
    make_news(headline_en="Future news", headline_ar="خبر قادم", published_at=tomorrow)
    return {"topic": topic, "author": author, **articles}


PAGES = {
    "home": "/{language}/",
    "list": "/{language}/articles/",
    "topic": "/{language}/topics/sahel/",
    "author": "/{language}/authors/{author}/",
    "year": "/{language}/articles/archive/{year}/",
    "authors": "/{language}/authors/",
    "news": "/{language}/news/",
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_each_page_shows_only_what_is_published_in_its_language(
    client, scene, page, language, direction
):
    url = PAGES[page].format(
        language=language, author=scene["author"].slug, year=scene["both"].published_at.year
    )
    response = client.get(url)
    assert response.status_code == 200
    document = html(response)
    assert (document.html["lang"], document.html["dir"]) == (language, direction)
    text = document.get_text()
    title = f"title_{language}"
    for hidden in ("draft", "future"):
        assert getattr(scene[hidden], title) not in text
    if page in {"home", "list", "topic", "author", "year"}:
        assert getattr(scene["both"], title) in text
        shows_arabic_only = scene["arabic-only"].title_ar in text
        assert shows_arabic_only is (language == "ar")
    assert "Draft news" not in text and "خبر مسودة" not in text
    assert "Future news" not in text and "خبر قادم" not in text


def test_author_page_shows_who_they_are_and_their_articles(client, scene):
    author = scene["author"]
    author.position_en = "Senior researcher"
    author.bio_en = "Works on the Sahel.\n\nAnd on North Africa."
    author.save()
    page = html(client.get(f"/en/authors/{author.slug}/"))
    assert page.h1.get_text() == "Dr. Ibrahim Fawzy"
    assert page.select_one(".author-profile__position").get_text() == "Senior researcher"
    assert [p.get_text() for p in page.select(".author-profile p")][1:] == [
        "Works on the Sahel.",
        "And on North Africa.",
    ]
    assert [a["href"] for a in page.select(".article-card h2 a")] == [scene["both"].url_in("en")]


def test_bylines_link_to_the_author_page_in_the_page_language(client, scene):
    for language in ("ar", "en"):
        page = html(client.get(scene["both"].url_in(language)))
        assert page.select_one(".article__byline a")["href"] == (
            f"/{language}/authors/{scene['author'].slug}/"
        )


def test_topic_and_author_of_another_language_only_are_404(client, db):
    Topic.objects.create(slug="arabic-topic", name_ar="موضوع", name_en="")
    author = make_author(name_en="")
    assert client.get("/en/topics/arabic-topic/").status_code == 404
    assert client.get(f"/en/authors/{author.slug}/").status_code == 404
    assert client.get("/ar/topics/arabic-topic/").status_code == 200


def test_news_item_page_links_to_the_article_it_announces(client, scene):
    item = scene["both"].news_items.get()
    for language in ("ar", "en"):
        page = html(client.get(f"/{language}/news/{item.pk}/"))
        assert page.h1.get_text() == getattr(item, f"headline_{language}")
        assert page.select_one(".news-item__link a")["href"] == scene["both"].url_in(language)


@pytest.mark.parametrize(
    "path",
    ["/en/news/999999/", "/en/news/abc/", "/ar/articles/archive/0/", "/en/articles/archive/99999/"],
)
def test_unknown_news_and_years_are_404(client, db, path):
    assert client.get(path).status_code == 404


def count_queries(client, url):
    cache.clear()  # measure pages made afresh, not served from the reader cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["home", "list", "topic", "author", "year", "authors", "news"])
def test_listing_pages_run_a_fixed_number_of_queries(client, db, page, settings):
    """Five items or thirty (several authors each, several topics) cost the same queries."""
    topic = Topic.objects.create(slug="sahel", name_ar="الساحل", name_en="Sahel")
    author = make_author()
    settings.ARTICLES_PER_PAGE = 40

    def add(count):
        for _ in range(count):
            article = make_article(authors=[author, make_author()])
            article.topics.add(
                topic, Topic.objects.create(slug=f"t{article.pk}", name_en="T", name_ar="ت")
            )
            make_news(article=article)

    url = PAGES[page].format(language="en", author=author.slug, year=timezone.localtime().year)
    add(5)
    few = count_queries(client, url)
    add(25)
    many = count_queries(client, url)
    assert few == many
    assert many <= 8


def test_author_page_shows_their_photo_from_renditions(client, db, media_root):
    from django.core.files.base import ContentFile

    from tests.images.samples import image_file

    author = make_author(name_en="Sara Salem", photo_alt_en="Sara Salem at a conference")
    author.photo.save("sara.jpg", ContentFile(image_file(900, 900).read()))
    article = make_article(authors=[author])
    assert article.url_in("en")
    page = html(client.get(f"/en/authors/{author.slug}/"))
    image = page.select_one(".author-profile__photo img")
    assert image["alt"] == "Sara Salem at a conference"
    assert "/media/renditions/" in image["src"]
    assert "sara.jpg" not in image["src"]
