"""
The history of series and issues: every save keeps a version of the issue with its
table of contents; restoring and recovering are edits by the same person, so an editor
brings back everything, a translator only the other language's text, and authors nothing.
"""

import pytest
from django.test import Client
from reversion.models import Version

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from core.models import Status
from publications.models import Issue, IssueEntry, Series
from tests.admin_forms import form_data
from tests.factories import make_article
from tests.helpers import html
from tests.publications.factories import make_issue, make_series
from tests.publications.test_admin_permissions import admin_url


@pytest.fixture
def people(db, make_staff):
    clients = {}
    for role in (EDITORS, TRANSLATORS, AUTHORS):
        clients[role] = Client()
        clients[role].force_login(make_staff(role))
    return clients


def save(client, obj, changes, form_id="issue_form"):
    data = form_data(client.get(admin_url(obj)), form_id)
    if isinstance(obj, Series):
        data["languages"] = list(obj.languages)
    data.update(changes, _save="Save")
    response = client.post(admin_url(obj), data)
    assert response.status_code == 302, html(response).select(".errorlist")
    return response


def two_versions(people):
    """A draft issue saved by an editor with one entry, then published with new text in
    both languages, a new number and a second entry."""
    editor = people[EDITORS]
    first_article, second_article = make_article(), make_article()
    issue = make_issue(
        status=Status.DRAFT,
        published_at=None,
        languages=(),
        number=3,
        theme_ar="الملف الأول",
        theme_en="First theme",
        entries=[(first_article, "ملف العدد", 1, 9)],
    )
    save(editor, issue, {})
    first = Version.objects.get_for_object(issue).get()
    save(
        editor,
        issue,
        {
            "_workflow": "publish",
            "number": "4",
            "theme_ar": "الملف الثاني",
            "theme_en": "Second theme",
            "entries-0-part_ar": "آراء",
            "entries-TOTAL_FORMS": "2",
            "entries-1-issue": str(issue.pk),
            "entries-1-article": str(second_article.pk),
            "entries-1-position": "1",
            "entries-1-part_en": "Added later",
        },
    )
    return Issue.objects.get(pk=issue.pk), first


def state(issue):
    issue = Issue.objects.get(pk=issue.pk)
    return {
        "status": issue.status,
        "published_at": issue.published_at,
        "released": (issue.language_published_ar, issue.language_published_en),
        "number": issue.number,
        "theme_ar": issue.theme_ar,
        "theme_en": issue.theme_en,
        "entries": list(issue.entries.values_list("pk", "article", "part_ar", "first_page")),
    }


def restore(client, obj, version, form_id="issue_form"):
    """Open a version's page as `client` and press Save on it as shown."""
    url = f"{admin_url(obj, 'history')}{version.pk}/"
    page = client.get(url)
    if page.status_code != 200:
        return page
    data = form_data(page, form_id)
    if isinstance(obj, Series):
        data["languages"] = list(obj.languages)
    return client.post(url, {**data, "_save": "Save"})


def test_each_save_keeps_a_version_with_the_contents(people):
    issue, first = two_versions(people)
    versions = Version.objects.get_for_object(issue)
    assert versions.count() == 2
    kept = {
        version.object_id
        for version in first.revision.version_set.all()
        if version._model is IssueEntry
    }
    first_entry = IssueEntry.objects.get(issue=issue, position=0)
    assert kept == {str(first_entry.pk)}
    history = html(people[EDITORS].get(admin_url(issue, "history")))
    text = " ".join(history.select_one("#change-history").get_text(" ").split())
    assert "Published." in text
    assert "theme [English]" in text
    assert "Added entry of the contents" in text


def test_an_editor_restores_the_whole_version(people):
    issue, first = two_versions(people)
    response = restore(people[EDITORS], issue, first)
    assert response.status_code == 302, html(response).select(".errorlist")
    after = state(issue)
    assert after["status"] == Status.DRAFT
    assert after["number"] == 3
    assert (after["theme_ar"], after["theme_en"]) == ("الملف الأول", "First theme")
    assert [part for _pk, _article, part, _page in after["entries"]] == ["ملف العدد"]


def test_a_translators_restore_changes_only_the_other_languages_text(people):
    """The English theme comes back; the Arabic text, the number, the status and the
    contents' rows stay as they are now."""
    issue, first = two_versions(people)
    before = state(issue)
    response = restore(people[TRANSLATORS], issue, first)
    assert response.status_code == 302, html(response).select(".errorlist")
    after = state(issue)
    assert after["theme_en"] == "First theme"
    assert {**after, "theme_en": before["theme_en"]} == before


def test_an_author_cannot_restore(people):
    issue, first = two_versions(people)
    before = state(issue)
    assert restore(people[AUTHORS], issue, first).status_code == 403
    assert state(issue) == before


def test_looking_at_a_version_changes_nothing(people):
    issue, first = two_versions(people)
    before = state(issue)
    page = people[EDITORS].get(f"{admin_url(issue, 'history')}{first.pk}/")
    assert page.status_code == 200
    assert page.context["adminform"].form["theme_en"].value() == "First theme"
    assert state(issue) == before


def test_a_version_of_another_issue_is_not_found(people):
    issue, _first = two_versions(people)
    other, other_first = two_versions(people)
    url = f"{admin_url(issue, 'history')}{other_first.pk}/"
    assert people[EDITORS].get(url).status_code == 404
    assert state(other)["theme_en"] == "Second theme"


def test_only_editors_recover_a_deleted_issue_with_its_contents(people):
    issue, _first = two_versions(people)
    before = state(issue)
    response = people[EDITORS].post(admin_url(issue, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not IssueEntry.objects.filter(issue_id=issue.pk).exists()
    recover = "/en/admin/publications/issue/recover/"
    for role in (TRANSLATORS, AUTHORS):
        assert people[role].get(recover).status_code == 403
    listed = people[EDITORS].get(recover).context["deleted"]
    version = next(v for v in listed if v.object_id == str(issue.pk))
    for role in (TRANSLATORS, AUTHORS):
        assert people[role].get(f"{recover}{version.pk}/").status_code == 403
    page = people[EDITORS].get(f"{recover}{version.pk}/")
    data = {**form_data(page, "issue_form"), "_save": "Save"}
    response = people[EDITORS].post(f"{recover}{version.pk}/", data)
    assert response.status_code == 302, html(response).select(".errorlist")
    after = state(issue)
    assert [row[1:] for row in after["entries"]] == [row[1:] for row in before["entries"]]
    assert after["theme_en"] == before["theme_en"]


def test_a_translators_restore_of_a_series_changes_only_its_other_name(people):
    series = make_series(name_ar="الاسم الأول", name_en="First name", issn="")
    save(people[EDITORS], series, {}, "series_form")
    first = Version.objects.get_for_object(series).get()
    save(
        people[EDITORS],
        series,
        {"name_ar": "الاسم الثاني", "name_en": "Second name", "issn": "1050-124X"},
        "series_form",
    )
    response = restore(people[TRANSLATORS], series, first, "series_form")
    assert response.status_code == 302, html(response).select(".errorlist")
    series = Series.objects.get(pk=series.pk)
    assert (series.name_ar, series.issn) == ("الاسم الثاني", "1050-124X")
    assert series.name_en == "First name"
