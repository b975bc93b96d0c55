"""
The series and issue admin in both languages: every page (list, add, change, history, a
version, the recover list and a deleted issue, delete) opens in /ar/admin/ and
/en/admin/ with the page's language and direction, and the Arabic pages show none of the
interface's English: no string of the publications app or the catalogue left
untranslated, and no English sentence that is not what an editor wrote.
"""

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from reversion.models import Version

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from core.models import Status
from publications.models import Issue
from tests.admin_forms import form_data
from tests.factories import make_article
from tests.helpers import html
from tests.i18n.test_arabic_interface import english_msgids, faults, visible_texts
from tests.publications.factories import make_cover, make_issue, make_pdf, make_series
from tests.publications.test_admin_permissions import admin_url

ROOT = Path(settings.BASE_DIR)
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
}
TEMPLATE_STRING = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
# Two Latin words in a row: an English phrase, where nothing English is expected.
ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}[\s’']+[A-Za-z]{2,}")
ARABIC = re.compile(r"[\u0600-\u06ff]")


def publications_msgids():
    """The English of every interface string the publications app and its admin templates
    mark for translation, lower-cased."""
    found = set()
    for path in sorted((ROOT / "publications").glob("*.py")):
        for _line, message, _comments, _context in extract_from_file(
            "python", path, keywords=KEYWORDS
        ):
            for msgid in message if isinstance(message, tuple) else (message,):
                if msgid:
                    found.add(msgid.strip().lower())
    for path in (ROOT / "templates/admin/publications").rglob("*.html"):
        found |= {m.group(2).lower() for m in TEMPLATE_STRING.finditer(path.read_text())}
    return found


def content():
    """What editors wrote and people are called: content, whatever its language."""
    found = set()
    for app in ("articles", "news", "publications"):
        for model in apps.get_app_config(app).get_models():
            names = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, (models.CharField, models.TextField, models.FileField))
            ]
            for row in model.objects.values_list(*names):
                for value in row:
                    if value:
                        found.add(str(value).strip().lower())
                        found |= {line.strip().lower() for line in str(value).splitlines()}
                        found.add(Path(str(value)).name.lower())
    for user in get_user_model().objects.all():
        found |= {str(user).lower(), user.get_full_name().lower()}
    return found


@pytest.fixture
def site(db, make_staff, media_root):
    """A series with a cover, an issue with a cover, a PDF and contents saved twice through
    the Arabic admin, and a deleted issue; signed-in clients for the three roles."""
    clients = {}
    for role in (EDITORS, TRANSLATORS, AUTHORS):
        clients[role] = Client()
        clients[role].force_login(make_staff(role, first_name="سارة", last_name="سالم"))
    series = make_series(
        name_ar="اتجاهات آسيوية",
        name_en="Asian Trends",
        issn="1050-124X",
        cover=make_cover(),
        cover_alt_ar="غلاف المجلة",
        cover_alt_en="The magazine's cover",
    )
    issue = make_issue(
        series,
        number=3,
        status=Status.DRAFT,
        published_at=None,
        languages=(),
        cover=make_cover(),
        pdf=make_pdf(),
        entries=[(make_article(), "ملف العدد", 1, 9), make_article()],
    )
    editor = clients[EDITORS]
    for changes in ({}, {"_workflow": "publish", "theme_ar": "آسيا بعد الحرب"}):
        data = form_data(editor.get(admin_url(issue, language="ar")), "issue_form")
        data.update(changes, _save="Save")
        assert editor.post(admin_url(issue, language="ar"), data).status_code == 302
    gone = make_issue(series, number=2, entries=[make_article()])
    data = form_data(editor.get(admin_url(gone, language="ar")), "issue_form")
    editor.post(admin_url(gone, language="ar"), {**data, "_save": "Save"})
    editor.post(admin_url(gone, "delete", "ar"), {"post": "yes"})
    return {"series": series, "issue": Issue.objects.get(pk=issue.pk), "clients": clients}


def pages(site, language):
    series, issue = site["series"], site["issue"]
    version = Version.objects.get_for_object(issue).order_by("pk").first()
    deleted = Version.objects.get_deleted(Issue).first()
    base = f"/{language}/admin/publications"
    return {
        EDITORS: [
            f"{base}/",
            f"{base}/series/",
            f"{base}/series/add/",
            admin_url(series, language=language),
            admin_url(series, "history", language),
            admin_url(series, "delete", language),
            f"{base}/issue/",
            f"{base}/issue/?state=draft&q=3",
            f"{base}/issue/add/",
            admin_url(issue, language=language),
            admin_url(issue, "history", language),
            f"{admin_url(issue, 'history', language)}{version.pk}/",
            admin_url(issue, "delete", language),
            f"{base}/issue/recover/",
            f"{base}/issue/recover/{deleted.pk}/",
        ],
        TRANSLATORS: [admin_url(series, language=language), admin_url(issue, language=language)],
        AUTHORS: [admin_url(series, language=language), admin_url(issue, language=language)],
    }


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_page_opens_in_its_language(site, language):
    direction = {"ar": "rtl", "en": "ltr"}[language]
    for role, urls in pages(site, language).items():
        for url in urls:
            response = site["clients"][role].get(url)
            assert response.status_code == 200, (role, url)
            page = html(response)
            assert (page.html["lang"], page.html["dir"]) == (language, direction), url


def untranslated(texts, msgids, mine, written):
    for text in texts:
        lowered = " ".join(text.lower().split())
        if lowered in written:
            continue
        if lowered in mine:
            yield f"untranslated string of the app: {text!r}"
        elif not ARABIC.search(text) and ENGLISH_PHRASE.search(text):
            yield f"English: {text!r}"
    yield from faults(texts, msgids, written)


def test_the_arabic_pages_show_no_english(site):
    msgids, mine, written = english_msgids(), publications_msgids(), content()
    problems = []
    for role, urls in pages(site, "ar").items():
        for url in urls:
            texts = list(visible_texts(html(site["clients"][role].get(url))))
            faults_of_page = untranslated(texts, msgids, mine, written)
            problems += [f"{role} {url}: {fault}" for fault in faults_of_page]
    assert not problems, "\n".join(sorted(set(problems)))
