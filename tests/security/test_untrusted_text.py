"""Text editors wrote, however hostile, reaches readers as text and never as code."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from PIL import Image

from articles.models import Article, Author, Indication, Section, Topic
from news.models import NewsItem
from tests.factories import make_article, make_author, make_news

# Each piece is marked data-injected, so that any of it arriving as markup is caught,
# whatever it is (a <style>, an <iframe>, a <meta> redirect).
PIECES = [
    "Hostile <script data-injected>alert('script')</script>",
    "<img src=x onerror=alert(1) data-injected>",
    '<a href="javascript:alert(1)" data-injected>a link</a>',
    '"><svg onload=alert(1) data-injected>',
    "'><iframe src=javascript:alert(1) data-injected></iframe>",
    "</textarea></title><style data-injected>*{color:red}</style><!--",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)" data-injected>',
    "<b onmouseover=alert(1) data-injected>unclosed & <i",
    "\u2028\u2029 \\u003c/script\\u003e ]]> {{ request }} {% now 'Y' %}",
]
JAVASCRIPT_URL = " JaVa\tScRiPt:alert(document.cookie)"
MODELS = [Article, Section, Indication, Author, Topic, NewsItem]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}


def hostile_text(max_length, start):
    """As many of the pieces as fit, from the `start`-th on, in paragraphs where they can be."""
    text = ""
    for i in range(len(PIECES)):
        piece = PIECES[(start + i) % len(PIECES)]
        candidate = f"{text}\n\n{piece}" if text else piece
        if max_length and len(candidate) > max_length:
            break
        text = candidate
    return text or PIECES[1][:max_length]


def text_fields(model):
    """The fields of `model` an editor writes text into, per language where translated."""
    try:
        translated = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        translated = ()
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and field.editable
            and not field.choices
            and not isinstance(field, models.SlugField)
            and field.name not in translated
        ):
            yield field


def fill(instance, start=0):
    for offset, field in enumerate(text_fields(type(instance))):
        if isinstance(field, models.URLField):
            value = JAVASCRIPT_URL
        else:
            value = hostile_text(field.max_length, start + offset)
        setattr(instance, field.attname, value)
    instance.save()
    return instance


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "steelblue").save(buffer, "PNG")
    return SimpleUploadedFile("hostile.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def hostile(db, settings, tmp_path):
    """An article, its sections, points, author and topic, and news, all written to attack."""
    settings.MEDIA_ROOT = tmp_path
    author = fill(make_author(slug="hostile-author"), start=1)
    article = make_article(sections=2, points=2, authors=[author], slug="hostile-article")
    article.image = png()
    fill(article, start=2)
    topic = fill(Topic(slug="hostile-topic"), start=3)
    article.topics.add(topic)
    for section in article.sections.all():
        fill(section, start=section.position + 4)
        for point in section.indications.all():
            fill(point, start=point.position + 5)
    # One item announcing the article, one with a link of its own, one with neither.
    fill(make_news(article=article), start=6)
    fill(make_news(), start=7)
    lone = make_news()
    fill(lone, start=8)
    NewsItem.objects.filter(pk=lone.pk).update(link="")
    for model in MODELS:  # every model really holds hostile text in both languages
        assert model.objects.filter(**{f"{next(text_fields(model)).attname}__contains": "<"})
    return article


def public_pages(article):
    item = NewsItem.objects.first()
    return [
        reverse("home"),
        reverse("articles:list"),
        article.get_absolute_url(),
        reverse("articles:topic", args=["hostile-topic"]),
        reverse("articles:author", args=["hostile-author"]),
        reverse("articles:authors"),
        reverse("articles:year", args=[article.published_at.year]),
        reverse("news:list"),
        *(n.get_absolute_url() for n in NewsItem.objects.all()),
        item.get_absolute_url(),
        reverse("search") + "?q=Hostile",
        reverse("search") + "?q=alert+script",
    ]


def assert_nothing_runs(document, where):
    """No element of `document` can run code: no handlers, no javascript: URLs, no scripts
    but JSON-LD data, and nothing of the hostile text arrived as markup."""
    for element in document.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: {element}"
            assert name != "data-injected", f"{where}: {element}"
            values = value if isinstance(value, list) else [value]
            if name.lower() in URL_ATTRIBUTES:
                for url in values:
                    cleaned = "".join(url.split()).lower()
                    assert not cleaned.startswith(("javascript:", "vbscript:", "data:text")), (
                        f"{where}: {element}"
                    )
        if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            raise AssertionError(f"{where}: {element}")
    for script in document.find_all("script"):
        if script.get("src"):
            # Code the site ships, from its own static files, carries no one's text.
            assert script["src"].startswith(settings.STATIC_URL), f"{where}: {script}"
            assert not script.string, f"{where}: {script}"
            continue
        assert script.get("type") == "application/ld+json", f"{where}: {script}"
        json.loads(script.string)
    assert not document.find(["iframe", "object", "embed", "base", "frame"]), where


@pytest.mark.parametrize("language", ["ar", "en"])
def test_no_public_page_runs_what_editors_wrote(client, hostile, language):
    """Every public page shows the hostile text as text, and nothing in it runs."""
    with translation.override(language):
        pages = public_pages(hostile)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        document = BeautifulSoup(response.content, "html.parser")
        assert_nothing_runs(document, url)
    # The text is there, shown as the editor typed it, not swallowed.
    article = BeautifulSoup(client.get(hostile.url_in(language)).content, "html.parser")
    assert "<script data-injected>" in article.get_text()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_feeds_carry_no_code_to_feed_readers(client, hostile, language):
    """Feed readers render descriptions as HTML: the hostile text reaches them as text."""
    with translation.override(language):
        feeds = [
            reverse("articles:rss"),
            reverse("articles:atom"),
            reverse("articles:topic-rss", args=["hostile-topic"]),
            reverse("articles:topic-atom", args=["hostile-topic"]),
        ]
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = BeautifulSoup(response.content, "xml")
        entries = feed.find_all(["item", "entry"])
        assert entries, url
        for entry in entries:
            html_parts = entry.find_all("description") + entry.find_all(
                ["summary", "content", "title"], attrs={"type": "html"}
            )
            for part in html_parts:
                # What a feed reader gets after reading the XML is HTML: parse it as such.
                rendered = BeautifulSoup(part.get_text(), "html.parser")
                assert_nothing_runs(rendered, url)
                assert "<script" not in str(rendered)
            for link in entry.find_all("link"):
                assert link.get("href", link.get_text()).startswith("http"), url


def test_sitemap_lists_only_addresses(client, hostile):
    """The sitemap's entries are the site's own http addresses, whatever the text."""
    index = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    sections = [loc.get_text() for loc in index.find_all("loc")]
    assert sections
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200, section
        sitemap = BeautifulSoup(response.content, "xml")
        addresses = [loc.get_text() for loc in sitemap.find_all("loc")]
        addresses += [link["href"] for link in sitemap.find_all("link") if link.get("href")]
        for address in addresses:
            assert address.startswith("http://testserver/"), address
            assert "<" not in address and '"' not in address, address
