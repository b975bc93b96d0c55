"""
Forged posts to the series and issue admin. A translator's page lets them write the
other language's text and nothing else; a post that changes anything else (the number,
the dates, the status or publication time, the PDF, the contents' rows, the original
language's text) is refused with a message, and nothing of it is saved, not even the
translation posted with it. An author's post of anything is refused outright.
"""

import datetime

import pytest
from django.test import Client

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from core.models import Status
from news.models import NewsItem
from publications.models import Series
from tests.admin_forms import form_data
from tests.factories import make_article
from tests.helpers import html
from tests.publications.factories import make_cover, make_issue, make_pdf, make_series
from tests.publications.test_admin_permissions import admin_url, issue_in, snapshot

TRANSLATION = {"theme_en": "A translation posted with the forgery"}
FUTURE = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()


def added_entry(scene):
    issue = scene["issue"]
    return {
        "entries-TOTAL_FORMS": "3",
        "entries-2-issue": str(issue.pk),
        "entries-2-article": str(scene["spare_article"].pk),
        "entries-2-part_en": "Added by a translator",
    }


def swapped_positions(scene):
    return {"entries-0-position": "1", "entries-1-position": "0"}


# What a translator's post forges: (the fields an editor's page has, or a function of the
# scene that gives them).
ISSUE_FORGERIES = {
    "number": {"number": "99"},
    "series": lambda scene: {"series": str(scene["other_series"].pk)},
    "date": {"date": "2019-01-01"},
    "end of the period": {"date_end": "2027-12-31"},
    "status": {"status": Status.PUBLISHED},
    "publication time": {"published_at_0": FUTURE, "published_at_1": "10:00:00"},
    "release in a language": {"language_published_ar": "on"},
    "the original language's theme": {"theme_ar": "عنوان مزوّر"},
    "the original language's cover text": {"cover_alt_ar": "نص مزوّر"},
    "editorial": lambda scene: {"editorial": str(scene["spare_article"].pk)},
    "new PDF": lambda scene: {"pdf": make_pdf(name="forged.pdf")},
    "PDF removed": {"pdf-clear": "on"},
    "new cover": lambda scene: {"cover": make_cover(name="forged.jpg")},
    "entry moved": swapped_positions,
    "entry's article": lambda scene: {"entries-0-article": str(scene["spare_article"].pk)},
    "entry's pages": {"entries-1-first_page": "40", "entries-1-last_page": "48"},
    "entry's part in the original language": {"entries-1-part_ar": "قسم مزوّر"},
    "entry added": added_entry,
    "entry deleted": {"entries-0-DELETE": "on"},
    "save bar: publish now": {"_workflow": "publish"},
    "save bar: schedule": {"_workflow": "schedule", "_schedule_at": f"{FUTURE}T10:00"},
    "save bar: unknown step": {"_workflow": "return"},
}


@pytest.fixture
def scene(db, make_staff, media_root):
    """A draft issue with a PDF, a cover and two entries; a translator, an author and an
    editor signed in; another series and an article that is in no issue."""
    issue = make_issue(
        status=Status.DRAFT,
        published_at=None,
        languages=(),
        pdf=make_pdf(),
        cover=make_cover(),
        entries=[make_article(), (make_article(), "ملف العدد", 5, 12)],
    )
    clients = {}
    for role in (TRANSLATORS, AUTHORS, EDITORS):
        clients[role] = Client()
        clients[role].force_login(make_staff(role))
    return {
        "issue": issue,
        "clients": clients,
        "other_series": make_series(),
        "spare_article": make_article(),
    }


def own_page_data(client, obj, form_id):
    """What the person's own change page posts, as a browser would."""
    page = client.get(admin_url(obj))
    assert page.status_code == 200
    data = form_data(page, form_id)
    if isinstance(obj, Series) and "languages" in data:
        data["languages"] = list(obj.languages)
    return data


def forgery(scene, forged):
    return forged(scene) if callable(forged) else dict(forged)


def test_a_translators_honest_post_is_saved(scene):
    """The control: from their own page a translator saves the theme and the parts'
    names in the other language."""
    client, issue = scene["clients"][TRANSLATORS], scene["issue"]
    data = own_page_data(client, issue, "issue_form")
    assert not {"number", "date", "status", "pdf", "theme_ar", "entries-0-article"} & set(data)
    data.update(TRANSLATION, **{"entries-1-part_en": "Lead file", "_save": "Save"})
    response = client.post(admin_url(issue), data)
    assert response.status_code == 302, html(response).select(".errorlist")
    issue.refresh_from_db()
    assert issue.theme_en == TRANSLATION["theme_en"]
    assert issue.entries.get(position=1).part_en == "Lead file"


@pytest.mark.parametrize("forged", list(ISSUE_FORGERIES))
def test_a_translators_forged_issue_post_is_refused(scene, forged):
    client, issue = scene["clients"][TRANSLATORS], scene["issue"]
    data = own_page_data(client, issue, "issue_form")
    data.update(TRANSLATION, _save="Save")
    data.update(forgery(scene, ISSUE_FORGERIES[forged]))
    before = snapshot(issue)
    response = client.post(admin_url(issue), data)
    assert response.status_code == 200, forged
    errors = html(response).select(".errornote, .errorlist")
    assert errors, forged
    assert snapshot(issue) == before, forged


@pytest.mark.parametrize(
    "forged",
    ["number", "status", "the original language's theme", "entry's pages", "entry added"],
)
def test_the_refusal_names_what_may_not_change(scene, forged):
    """The message says what was refused, so that the translator knows what to undo."""
    client, issue = scene["clients"][TRANSLATORS], scene["issue"]
    data = own_page_data(client, issue, "issue_form")
    data.update(forgery(scene, ISSUE_FORGERIES[forged]), _save="Save")
    text = html(client.post(admin_url(issue), data)).get_text(" ")
    expected = {
        "number": "You may not change Number",
        "status": "You may not change Status",
        "the original language's theme": "You may not change Theme [Arabic]",
        "entry's pages": "You may not change First page and Last page",
        "entry added": "You may not add entries to the contents",
    }[forged]
    assert expected in " ".join(text.split())


@pytest.mark.parametrize(
    "forged",
    [{}, TRANSLATION, ISSUE_FORGERIES["status"], ISSUE_FORGERIES["entry deleted"], added_entry],
    ids=["nothing", "translation", "status", "entry deleted", "entry added"],
)
def test_an_authors_post_to_an_issue_is_refused(scene, forged):
    """Authors read issues: whatever they post, as an editor's page would, is refused."""
    issue = scene["issue"]
    data = form_data(scene["clients"][EDITORS].get(admin_url(issue)), "issue_form")
    data.update(forgery(scene, forged), _save="Save")
    before = snapshot(issue)
    response = scene["clients"][AUTHORS].post(admin_url(issue), data)
    assert response.status_code == 403
    assert snapshot(issue) == before


SERIES_FORGERIES = {
    "slug": {"slug": "forged"},
    "type": {"series_type": Series.Type.NUMBERED},
    "frequency": {"frequency": Series.Frequency.MONTHLY},
    "ISSN": {"issn": "2049-3630"},
    "languages": {"languages": ["ar"]},
    "position": {"position": "9"},
    "the original language's name": {"name_ar": "اسم مزوّر"},
    "the original language's description": {"description_ar": "وصف مزوّر"},
    "new cover": lambda scene: {"cover": make_cover(name="forged.jpg")},
}


def series_state(series):
    return list(Series.objects.filter(pk=series.pk).values_list(*SERIES_COLUMNS))


SERIES_COLUMNS = [
    "slug",
    "series_type",
    "frequency",
    "issn",
    "languages",
    "position",
    "cover",
    "name_ar",
    "name_en",
    "description_ar",
    "description_en",
]


@pytest.mark.parametrize("forged", list(SERIES_FORGERIES))
def test_a_translators_forged_series_post_is_refused(scene, forged):
    client, series = scene["clients"][TRANSLATORS], scene["issue"].series
    data = own_page_data(client, series, "series_form")
    data.update({"name_en": "Translated name", "_save": "Save"})
    data.update(forgery(scene, SERIES_FORGERIES[forged]))
    before = series_state(series)
    response = client.post(admin_url(series), data)
    assert response.status_code == 200, forged
    assert html(response).select(".errornote, .errorlist"), forged
    assert series_state(series) == before, forged


def test_a_translator_renames_a_series_in_the_other_language(scene):
    client, series = scene["clients"][TRANSLATORS], scene["issue"].series
    data = own_page_data(client, series, "series_form")
    assert not {"slug", "issn", "languages", "name_ar"} & set(data)
    data.update({"name_en": "Translated name", "_save": "Save"})
    assert client.post(admin_url(series), data).status_code == 302
    series.refresh_from_db()
    assert series.name_en == "Translated name"


def test_an_authors_post_to_a_series_is_refused(scene):
    series = scene["issue"].series
    data = form_data(scene["clients"][EDITORS].get(admin_url(series)), "series_form")
    data.update({"name_en": "Renamed by an author", "languages": ["ar", "en"], "_save": "Save"})
    before = series_state(series)
    assert scene["clients"][AUTHORS].post(admin_url(series), data).status_code == 403
    assert series_state(series) == before


def test_a_translator_cannot_announce_an_issue(scene):
    """The announcement is an editor's: a posted "announce" from a translator's page
    announces nothing (the field is not in their form)."""
    client, issue = scene["clients"][TRANSLATORS], issue_in(Status.PUBLISHED)
    page = client.get(admin_url(issue))
    assert "announce" not in page.context["adminform"].form.fields
    data = {**form_data(page, "issue_form"), "announce": "on", "_save": "Save"}
    data["announcement_en"] = "Forged"
    assert client.post(admin_url(issue), data).status_code == 302
    assert not NewsItem.objects.exists()
