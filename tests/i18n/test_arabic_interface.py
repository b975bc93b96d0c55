"""
The Arabic interface, page by page: every admin page a role can open and the public pages
in /ar/ show no English interface text, no language code ("[ar]"), no Latin language name
inside an Arabic sentence and no ASCII comma between Arabic words. Bylines of one, two and
three authors read as each language joins names, on the page, in the feed and in the
citation.
"""

import contextlib
import re
from pathlib import Path

import django
import pytest
import reversion
from babel.messages.pofile import read_po
from bs4 import NavigableString
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from reversion.models import Version

from accounts.roles import ADMINISTRATORS, AUTHORS, EDITORS, TRANSLATORS
from articles.models import Article, Status
from tests.factories import make_article, make_author, make_news
from tests.helpers import html

ARABIC = re.compile(r"[\u0600-\u06ff]")
LANGUAGE_CODE_SUFFIX = re.compile(r"\[(?:ar|en)\]")
LATIN_LANGUAGE_NAME = re.compile(r"\b(?:English|Arabic)\b")
ASCII_COMMA_BETWEEN_ARABIC = re.compile(r"[\u0600-\u06ff]\s*,\s*[\u0600-\u06ff]")
ATTRIBUTES = ("title", "placeholder", "aria-label")
ROLES = [AUTHORS, TRANSLATORS, EDITORS, ADMINISTRATORS, "superuser"]

CATALOGUES = [
    Path(settings.BASE_DIR) / "locale/ar/LC_MESSAGES/django.po",
    *(
        Path(django.__file__).parent / f"contrib/{app}/locale/ar/LC_MESSAGES/django.po"
        for app in ("admin", "auth", "contenttypes")
    ),
]


def english_msgids():
    """Lower-cased English msgids whose Arabic differs: shown as they are, they are untranslated."""
    found = set()
    for path in CATALOGUES:
        with path.open("rb") as file:
            for message in read_po(file):
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for msgid in ids:
                    if msgid and len(msgid) >= 3 and any(s and s != msgid for s in strings):
                        found.add(msgid.strip().lower())
    return found


def content_strings():
    """What editors wrote (titles, names, texts): content, not interface."""
    found = set()
    for app in ("articles", "news"):
        for model in apps.get_app_config(app).get_models():
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, (models.CharField, models.TextField))
            ]
            for row in model.objects.values_list(*fields):
                for value in row:
                    if value:
                        found.add(str(value).strip().lower())
                        found.update(line.strip().lower() for line in str(value).splitlines())
    found.update(str(user).lower() for user in get_user_model().objects.all())
    return found


def visible_texts(page):
    """The interface text of a page: text nodes and the attributes a reader meets, without
    scripts, styles or anything marked as written in another language."""
    for tag in page(["script", "style", "template", "textarea"]):
        tag.decompose()
    for tag in page.find_all(attrs={"lang": True}):
        if tag.name != "html" and not tag["lang"].startswith("ar"):
            tag.decompose()
    for tag in page.find_all(attrs={"dir": "ltr"}):
        tag.decompose()
    for node in page.find_all(string=True):
        if type(node) is NavigableString and node.strip():
            yield node.strip()
    for tag in page.find_all(True):
        for attribute in ATTRIBUTES:
            if tag.get(attribute):
                yield tag[attribute].strip()
        # An input button shows its value; a <button> shows its content, never its value.
        if (
            tag.get("value")
            and tag.name == "input"
            and tag.get("type") in ("submit", "button", "reset")
        ):
            yield tag["value"].strip()


def faults(texts, msgids, content):
    for text in texts:
        lowered = text.lower()
        if lowered in msgids and lowered not in content:
            yield f"untranslated: {text!r}"
        if LANGUAGE_CODE_SUFFIX.search(text):
            yield f"language code: {text!r}"
        if ARABIC.search(text) and LATIN_LANGUAGE_NAME.search(text) and lowered not in content:
            yield f"Latin language name: {text!r}"
        if ASCII_COMMA_BETWEEN_ARABIC.search(text) and lowered not in content:
            yield f"ASCII comma: {text!r}"


def admin_urls(objects, versions, deleted):
    """Every admin page of every registered model, in Arabic."""
    urls = []

    def add(name, *args, query=""):
        with contextlib.suppress(NoReverseMatch):  # a page the model's admin lacks
            urls.append(reverse(name, args=args) + query)

    with translation.override("ar"):
        add("admin:index")
        add("admin:articles_article_import")
        for model in admin.site._registry:
            opts = model._meta
            name = f"admin:{opts.app_label}_{opts.model_name}"
            add("admin:app_list", opts.app_label)
            add(f"{name}_changelist")
            add(f"{name}_add")
            add(f"{name}_recoverlist")
            for obj in objects.get(model, []):
                for view in ("change", "history", "delete"):
                    add(f"{name}_{view}", obj.pk)
                for version in versions.get(model, []):
                    add(f"{name}_revision", obj.pk, version.pk)
            for version in deleted.get(model, []):
                add(f"{name}_recover", version.pk)
        article = objects[Article][0]
        first, second = versions[Article][:2]
        add("admin:articles_article_compare", article.pk, query=f"?from={first.pk}&to={second.pk}")
        add("admin:articles_article_changelist", query="?q=سوريا")
        user = get_user_model().objects.order_by("pk").first()
        add("admin:auth_user_password_change", user.pk)
    return list(dict.fromkeys(urls))


@pytest.fixture
def site(demo, make_staff, login):
    """The demo content, an article with a history of two saves through the Arabic admin
    (submitted, then published), a news item and a deleted author to recover."""
    editor = login(make_staff(EDITORS))
    authors = [make_author(), make_author(), make_author()]
    article = make_article(
        sections=1,
        points=2,
        authors=authors,
        status=Status.DRAFT,
        title_ar="مقال له سجل",
        lead_ar="مقدمة المقال.",
    )
    changelist = "/ar/admin/articles/article/"
    for action in ("submit_selected", "publish_selected"):
        response = editor.post(
            changelist, {"action": action, "_selected_action": [article.pk]}, follow=True
        )
        assert response.status_code == 200
    news = make_news(headline_ar="خبر عن المركز", body_ar="نص الخبر.")
    gone = make_author()
    with reversion.create_revision():
        gone.save()
    gone.delete()
    return {"article": article, "news": news, "authors": authors}


def objects_and_versions(site):
    from accounts.models import AuditEvent
    from articles.models import Author, Topic
    from news.models import NewsItem

    article = site["article"]
    objects = {
        Article: [article],
        Author: [site["authors"][0]],
        Topic: list(Topic.objects.all()[:1]),
        NewsItem: [site["news"]],
        get_user_model(): list(get_user_model().objects.order_by("pk")[:1]),
        AuditEvent: list(AuditEvent.objects.all()[:1]),
    }
    from django.contrib.auth.models import Group

    objects[Group] = list(Group.objects.all()[:1])
    versions = {Article: list(Version.objects.get_for_object(article).order_by("pk"))}
    assert len(versions[Article]) >= 2
    deleted = {Author: list(Version.objects.get_deleted(Author))}
    return objects, versions, deleted


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_show_no_english_in_arabic(site, make_staff, login, role, admin_user):
    """Every admin page a role can open reads wholly in Arabic."""
    client = login(admin_user if role == "superuser" else make_staff(role))
    objects, versions, deleted = objects_and_versions(site)
    msgids, content = english_msgids(), content_strings()
    problems, opened = [], 0
    for url in admin_urls(objects, versions, deleted):
        response = client.get(url)
        if response.status_code != 200:
            continue
        opened += 1
        problems += [
            f"{url}: {fault}" for fault in faults(visible_texts(html(response)), msgids, content)
        ]
    assert opened >= 5
    assert not problems, "\n".join(sorted(set(problems)))


def public_urls(site, demo):
    from articles.models import Author, Topic

    author = Author.objects.exclude(slug="").filter(authorship__article=demo).first()
    topic = Topic.objects.first()
    english_only = make_article(languages=("en",))
    with translation.override("ar"):
        return [
            "/ar/",
            "/ar/articles/",
            demo.url_in("ar"),
            site["article"].url_in("ar"),
            reverse("articles:authors"),
            reverse("articles:author", args=[author.slug]),
            reverse("articles:topic", args=[topic.slug]),
            reverse("articles:year", args=[demo.published_at.year]),
            reverse("news:list"),
            site["news"].get_absolute_url(),
            "/ar/search/?q=سوريا",
            "/ar/search/",
            f"/ar/articles/{english_only.slug}/",
            "/ar/no/such/page/",
        ]


def test_public_pages_show_no_english_in_arabic(site, demo, client):
    """The public site in /ar/ reads wholly in Arabic."""
    msgids, content = english_msgids(), content_strings()
    problems = []
    for url in public_urls(site, demo):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        problems += [
            f"{url}: {fault}" for fault in faults(visible_texts(html(response)), msgids, content)
        ]
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize(
    ("count", "ar", "en"),
    [
        (1, "د. أحمد", "Dr. Ahmed"),
        (2, "د. أحمد ود. بشرى", "Dr. Ahmed and Dr. Bushra"),
        (3, "د. أحمد، د. بشرى ود. جمال", "Dr. Ahmed, Dr. Bushra and Dr. Jamal"),
    ],
)
def test_bylines_join_names_as_each_language_does(client, db, count, ar, en):
    """One, two and three authors on the page, in the feed and in the citation."""
    people = [("أحمد", "Ahmed"), ("بشرى", "Bushra"), ("جمال", "Jamal")][:count]
    authors = [make_author(name_ar=a, name_en=e) for a, e in people]
    article = make_article(authors=authors)
    for language, byline in (("ar", ar), ("en", en)):
        page = html(client.get(article.url_in(language)))
        assert byline in page.select_one(".article__byline").get_text()
        assert byline in client.get(f"/{language}/feeds/rss/").content.decode()
        # Citations name people without their honorifics.
        names = byline.replace("د. ", "").replace("Dr. ", "")
        assert names in page.select_one(".citation__text").get_text()
