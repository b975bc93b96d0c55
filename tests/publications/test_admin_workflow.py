"""
An issue's workflow in the admin, as an article's: the save bar offers an editor the
steps the issue's state allows (publish now, schedule, unpublish); publishing releases
the languages of the series unless some are ticked; a stale save is refused with the
editor's text kept; the bulk actions; announcing in the center news; previews.
"""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from core.models import Status
from news.models import NewsItem
from publications.models import Issue
from tests.admin_forms import form_data
from tests.factories import make_article
from tests.helpers import html
from tests.publications.factories import make_issue, make_series
from tests.publications.test_admin_permissions import SCHEDULED, admin_url, issue_in

LATER = timezone.localtime() + datetime.timedelta(days=5)


@pytest.fixture
def editor(db, make_staff, login):
    return login(make_staff(EDITORS))


def save(client, issue, changes, language="en"):
    data = form_data(client.get(admin_url(issue, language=language)), "issue_form")
    data.update(changes, _save="Save")
    return client.post(admin_url(issue, language=language), data)


def offered(client, issue):
    """The save bar's buttons: the save itself, then each step by name (None: no bar)."""
    bar = html(client.get(admin_url(issue))).select_one(".save-bar")
    if bar is None:
        return None
    return ["save", *(button["value"] for button in bar.select("button[name=_workflow]"))]


def said(response):
    return [str(message) for message in response.context["messages"]]


def unpublished_draft(series=None, **fields):
    return make_issue(series, status=Status.DRAFT, published_at=None, languages=(), **fields)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (Status.DRAFT, ["save", "publish", "schedule"]),
        (Status.REVIEW, ["save", "publish", "schedule"]),
        (Status.PUBLISHED, ["save", "schedule", "unpublish"]),
        (SCHEDULED, ["save", "publish", "schedule", "unpublish"]),
        (Status.UNPUBLISHED, ["save", "publish", "schedule"]),
    ],
)
def test_an_editor_is_offered_the_steps_of_the_issues_state(editor, state, expected):
    assert offered(editor, issue_in(state)) == expected


def test_a_translator_only_saves_and_an_author_has_no_save_bar(db, make_staff, login):
    issue = issue_in(Status.DRAFT)
    assert offered(login(make_staff(TRANSLATORS)), issue) == ["save"]
    assert offered(login(make_staff(AUTHORS)), issue) is None


def test_publish_now_releases_the_languages_of_the_series(editor):
    """Named in both, appearing in Arabic only: "Publish now" releases Arabic, says so, and
    the history notes it."""
    series = make_series(languages=["ar"])
    issue = unpublished_draft(series)
    response = save(editor, issue, {"_workflow": "publish"})
    assert response.status_code == 302
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.status == Status.PUBLISHED and issue.is_public()
    assert (issue.language_published_ar, issue.language_published_en) == (True, False)
    page = editor.get(admin_url(issue))
    assert f"“{issue}” was published." in said(page)
    history = html(editor.get(admin_url(issue, "history"))).select_one("#change-history")
    assert "Published." in history.get_text()


def test_publishing_releases_only_the_languages_ticked(editor):
    issue = unpublished_draft()
    changes = {"status": Status.PUBLISHED, "language_published_en": "on"}
    assert save(editor, issue, changes).status_code == 302
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.status == Status.PUBLISHED and issue.published_at <= timezone.now()
    assert (issue.language_published_ar, issue.language_published_en) == (False, True)


def test_a_language_the_series_is_not_named_in_is_not_released(editor):
    issue = unpublished_draft(make_series(name_en=""))
    assert save(editor, issue, {"status": Status.PUBLISHED}).status_code == 302
    issue = Issue.objects.get(pk=issue.pk)
    assert (issue.language_published_ar, issue.language_published_en) == (True, False)


def test_schedule_publishes_later_by_itself(editor):
    issue = unpublished_draft()
    when = LATER.strftime("%Y-%m-%dT%H:%M")
    response = save(editor, issue, {"_workflow": "schedule", "_schedule_at": when})
    assert response.status_code == 302
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.is_scheduled and not issue.is_public()
    assert timezone.localtime(issue.published_at).strftime("%Y-%m-%dT%H:%M") == when
    assert issue in Issue.objects.scheduled()
    assert "Scheduled" in html(editor.get(admin_url(issue, "changelist"))).get_text()


def test_a_schedule_in_the_past_is_refused(editor):
    issue = unpublished_draft()
    past = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = save(editor, issue, {"_workflow": "schedule", "_schedule_at": past})
    assert response.status_code == 200
    assert "Choose a day and time to come" in html(response).select_one(".errorlist").get_text()
    assert Issue.objects.get(pk=issue.pk).status == Status.DRAFT


def test_unpublish_takes_the_issue_off_the_site(editor):
    issue = issue_in(Status.PUBLISHED)
    assert save(editor, issue, {"_workflow": "unpublish"}).status_code == 302
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.status == Status.UNPUBLISHED and not issue.is_public()


def test_a_save_over_a_newer_version_is_refused_and_keeps_the_text(db, make_staff, login):
    """Two editors open the issue; the first saves; the second is told who and when,
    nothing of the first is overwritten, and the second's text is still in the form."""
    issue = make_issue(entries=[(make_article(), "Lead file", 1, 9)])
    first = login(make_staff(EDITORS, first_name="Nabil", last_name="Fahmy"))
    second = login(make_staff(EDITORS, first_name="Sara", last_name="Salem"))
    first_form = form_data(first.get(admin_url(issue)), "issue_form")
    second_form = form_data(second.get(admin_url(issue)), "issue_form")

    first_form.update(theme_en="The first editor's theme", _save="Save")
    assert first.post(admin_url(issue), first_form).status_code == 302

    second_form.update(
        {
            "theme_en": "The second editor's theme",
            "entries-0-part_en": "The second editor's part",
            "_save": "Save",
        }
    )
    response = second.post(admin_url(issue), second_form)
    assert response.status_code == 200
    page = html(response)
    message = page.select_one("ul.errorlist.nonfield").get_text()
    assert "Nabil Fahmy" in message and "after you opened it" in message
    assert page.find(attrs={"name": "theme_en"})["value"] == "The second editor's theme"
    assert page.find(attrs={"name": "entries-0-part_en"})["value"] == "The second editor's part"
    issue = Issue.objects.get(pk=issue.pk)
    assert issue.theme_en == "The first editor's theme"
    assert issue.entries.get().part_en == "Lead file"


def test_a_translators_stale_save_is_refused_too(db, make_staff, login):
    issue = make_issue()
    translator = login(make_staff(TRANSLATORS))
    stale = form_data(translator.get(admin_url(issue)), "issue_form")
    assert save(login(make_staff(EDITORS)), issue, {"theme_en": "Newer"}).status_code == 302
    stale.update(theme_en="Older", _save="Save")
    assert translator.post(admin_url(issue), stale).status_code == 200
    assert Issue.objects.get(pk=issue.pk).theme_en == "Newer"


def test_the_bulk_actions_publish_and_unpublish(editor):
    draft, published = unpublished_draft(), issue_in(Status.PUBLISHED)
    nameless = unpublished_draft(make_series(name_ar="", name_en=""))
    changelist = "/en/admin/publications/issue/"
    response = editor.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [draft.pk, published.pk, nameless.pk]},
        follow=True,
    )
    messages = said(response)
    assert "Published 1 issue." in messages
    assert any(message.startswith("Refused") for message in messages)
    draft = Issue.objects.get(pk=draft.pk)
    assert draft.is_public() and draft.language_published_ar and draft.language_published_en
    assert Issue.objects.get(pk=nameless.pk).status == Status.DRAFT

    editor.post(changelist, {"action": "unpublish_selected", "_selected_action": [published.pk]})
    assert Issue.objects.get(pk=published.pk).status == Status.UNPUBLISHED


def test_the_change_list_shows_series_number_period_and_state(editor):
    series = make_series(name_en="Asian Trends")
    make_issue(series, number=3, date=datetime.date(2026, 4, 1), date_end=datetime.date(2026, 6, 1))
    unpublished_draft(series, number=4, date=datetime.date(2026, 4, 1))
    make_issue(make_series(name_en="Future Studies"), number=12)
    page = html(editor.get(f"/en/admin/publications/issue/?series__id__exact={series.pk}"))
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td, th")][1:]
        for row in page.select("#result_list tbody tr")
    ]
    assert [row[:4] for row in rows] == [
        ["Asian Trends", "4", "April 2026", "Draft"],
        ["Asian Trends", "3", "April–June 2026", "Published"],
    ]
    found = html(editor.get("/en/admin/publications/issue/?q=12")).select("#result_list tbody tr")
    assert len(found) == 1 and "Future Studies" in found[0].get_text()
    drafts = html(editor.get("/en/admin/publications/issue/?state=draft"))
    assert len(drafts.select("#result_list tbody tr")) == 1


def test_announcing_a_published_issue_makes_the_center_news_item(editor):
    """Publishing with "Announce in the center news" ticked adds the item that leads to
    the issue; without it, nothing is announced."""
    quiet, announced = unpublished_draft(), unpublished_draft()
    assert save(editor, quiet, {"_workflow": "publish"}).status_code == 302
    assert not NewsItem.objects.exists()
    page = html(editor.get(admin_url(announced)))
    assert page.find("input", attrs={"name": "announce"})
    response = save(editor, announced, {"_workflow": "publish", "announce": "on"})
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.subject == Issue.objects.get(pk=announced.pk)
    assert item.status == Status.PUBLISHED and item.headline_en and item.headline_ar


def test_the_editor_may_reword_the_announcement(editor):
    issue = unpublished_draft()
    page = html(editor.get(admin_url(issue)))
    drafted = page.find("input", attrs={"name": "announcement_en"})["value"]
    assert str(issue.number) in drafted
    changes = {"_workflow": "publish", "announce": "on", "announcement_en": "Issue out now"}
    assert save(editor, issue, changes).status_code == 302
    assert NewsItem.objects.get().headline_en == "Issue out now"


def test_the_change_page_previews_the_public_page(db, make_staff, login, client):
    """ "Preview" links lead to the issue's page in each language, where staff see the
    draft and readers nothing."""
    draft = unpublished_draft()
    editor = login(make_staff(EDITORS))
    page = html(editor.get(admin_url(draft)))
    links = [a["href"] for a in page.select("a.previewlink")]
    assert links == [draft.url_in("ar"), draft.url_in("en")]
    view_on_site = editor.get(page.select_one("a.viewsitelink")["href"])
    assert view_on_site.status_code == 302
    assert view_on_site["Location"].endswith(draft.url_in("en"))
    for url in links:
        assert editor.get(url).status_code == 200
        assert client.get(url).status_code == 404
