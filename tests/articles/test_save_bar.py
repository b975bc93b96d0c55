"""The change page's save bar: each role is offered exactly the workflow steps it may
take from the article's state, each step says what it did, and a forged step is refused."""

import datetime

import pytest
import time_machine
from django.utils import formats, timezone

from accounts.roles import AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Article, Status
from tests.admin_forms import change_url, save
from tests.factories import make_article
from tests.helpers import html


def offered(client, article, language="en"):
    """The save bar's buttons: the save itself, then each step by name."""
    bar = html(client.get(change_url(article, language))).select_one(".save-bar")
    return ["save", *(button["value"] for button in bar.select("button[name=_workflow]"))]


def said(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def author(make_staff, login):
    user = make_staff(AUTHORS)
    return user, login(user)


def authors_article(user, **fields):
    return make_article(sections=1, authors=[author_record_for(user)], **fields)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "future", "expected"),
    [
        (Status.DRAFT, False, ["save", "publish", "schedule"]),
        (Status.REVIEW, False, ["save", "publish", "schedule", "return"]),
        (Status.PUBLISHED, False, ["save", "schedule", "unpublish"]),
        (Status.PUBLISHED, True, ["save", "publish", "schedule", "unpublish"]),
        (Status.UNPUBLISHED, False, ["save", "publish", "schedule"]),
    ],
)
def test_an_editor_is_offered_the_steps_of_the_articles_state(
    make_staff, login, status, future, expected
):
    """Publish now, Schedule, Unpublish and Return to the author, as the state allows."""
    when = timezone.now() + datetime.timedelta(days=2 if future else -2)
    article = make_article(sections=1, status=status, published_at=when)
    assert offered(login(make_staff(EDITORS)), article) == expected


@pytest.mark.django_db
def test_an_author_submits_a_draft_and_is_never_offered_publish(author):
    """An author's draft offers Save draft and Submit for review; in review, only Save."""
    user, client = author
    draft = authors_article(user, status=Status.DRAFT)
    assert offered(client, draft) == ["save", "submit"]
    bar = html(client.get(change_url(draft))).select_one(".save-bar")
    assert bar.select_one("input[name=_continue]")["value"] == "Save draft"
    assert offered(client, authors_article(user, status=Status.REVIEW)) == ["save"]
    page = html(client.get("/en/admin/articles/article/add/"))
    steps = [button["value"] for button in page.select(".save-bar button[name=_workflow]")]
    assert steps == ["submit"]


@pytest.mark.django_db
def test_a_translator_only_saves(make_staff, login):
    article = make_article(sections=1, status=Status.REVIEW)
    assert offered(login(make_staff(TRANSLATORS)), article) == ["save"]


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["publish", "schedule", "unpublish", "return", "nonsense"])
def test_a_forged_step_is_refused_and_changes_nothing(author, step):
    """An author posting a step the bar does not offer them gets a form error, no save."""
    user, client = author
    draft = authors_article(user, status=Status.DRAFT, title_en="Kept title")
    response = save(
        client,
        draft,
        {
            "_workflow": step,
            "title_en": "Changed title",
            "_schedule_at": "2099-01-01T10:00",
            "_return_note": "x",
        },
    )
    assert response.status_code == 200
    assert "You may not do this to the article in its present state." in response.text
    draft.refresh_from_db()
    assert (draft.status, draft.title_en, draft.edit_version) == (Status.DRAFT, "Kept title", 0)


@pytest.mark.django_db
def test_a_translator_cannot_forge_a_submission(make_staff, login):
    article = make_article(sections=1, status=Status.DRAFT)
    response = save(login(make_staff(TRANSLATORS)), article, {"_workflow": "submit"})
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "“{title}” was submitted for review."),
        ("ar", "أُرسل «{title}» للمراجعة."),
    ],
)
def test_submitting_says_so_in_the_desks_language(author, language, message):
    """The confirmation names the step, not Django's "was changed successfully"."""
    user, client = author
    draft = authors_article(user, status=Status.DRAFT)
    response = save(client, draft, {"_workflow": "submit"}, language)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    messages = said(client.get(response.url))
    assert messages == [message.format(title=draft)]


@pytest.mark.django_db
def test_publish_now_publishes_a_scheduled_article_at_once(make_staff, login):
    """Publish now on an article scheduled for later brings its time to now."""
    article = make_article(sections=1, published_at=timezone.now() + datetime.timedelta(days=3))
    editor = login(make_staff(EDITORS))
    response = save(editor, article, {"_workflow": "publish"})
    article.refresh_from_db()
    assert article.is_public()
    assert said(editor.get(response.url)) == [f"“{article}” was published."]


@pytest.mark.django_db
def test_schedule_sets_the_time_in_the_sites_time_zone_and_says_when(make_staff, login):
    """Scheduled for 10:00 in the site's zone (Dubai, UTC+4) means 06:00 UTC."""
    article = make_article(sections=1, status=Status.REVIEW)
    editor = login(make_staff(EDITORS))
    in_two_days = timezone.localtime() + datetime.timedelta(days=2)
    when = in_two_days.replace(hour=10, minute=0, second=0, microsecond=0)
    response = save(
        editor, article, {"_workflow": "schedule", "_schedule_at": when.strftime("%Y-%m-%dT%H:%M")}
    )
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at == when
    assert article.published_at.astimezone(datetime.UTC).hour == 6
    assert article.is_scheduled
    message = said(editor.get(response.url))[0]
    assert message.startswith(f"“{article}” is scheduled for ")
    assert formats.date_format(when, "DATETIME_FORMAT") in message


@pytest.mark.django_db
@pytest.mark.parametrize("when", ["", "yesterday", "2001-01-01T10:00"])
def test_scheduling_without_a_time_to_come_is_refused(make_staff, login, when):
    article = make_article(sections=1, status=Status.DRAFT)
    response = save(
        login(make_staff(EDITORS)), article, {"_workflow": "schedule", "_schedule_at": when}
    )
    assert response.status_code == 200
    assert "Choose a day and time to come" in response.text
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_returning_to_the_author_needs_a_note_and_keeps_it_in_the_history(make_staff, login):
    article = make_article(sections=1, status=Status.REVIEW)
    editor = login(make_staff(EDITORS))
    refused = save(editor, article, {"_workflow": "return", "_return_note": "  "})
    assert refused.status_code == 200
    assert Article.objects.get(pk=article.pk).status == Status.REVIEW

    response = save(
        editor, article, {"_workflow": "return", "_return_note": "Shorten the second section."}
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert said(editor.get(response.url)) == [
        f"“{article}” was returned to its authors with your note."
    ]
    history = html(editor.get(f"/en/admin/articles/article/{article.pk}/history/")).get_text()
    assert "Returned to the authors: Shorten the second section." in history


@pytest.mark.django_db
def test_unpublish_takes_the_article_off_the_site(client, make_staff, login):
    article = make_article(sections=1)
    assert client.get(article.url_in("en")).status_code == 200
    editor = login(make_staff(EDITORS))
    response = save(editor, article, {"_workflow": "unpublish"})
    assert said(editor.get(response.url)) == [f"“{article}” was unpublished."]
    assert client.get(article.url_in("en")).status_code == 404


@pytest.mark.django_db
def test_a_scheduled_article_reads_scheduled_until_its_time(make_staff, login):
    """The list, its filter, the desk and the change page say Scheduled; Published once the
    time is past."""
    noon = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=3)
    article = make_article(sections=1, published_at=noon)
    editor = login(make_staff(EDITORS))

    def state_in_list():
        page = html(editor.get("/en/admin/articles/article/"))
        return page.select_one("#result_list .field-state").get_text()

    def filtered(state):
        response = editor.get("/en/admin/articles/article/", {"state": state})
        return list(response.context["cl"].result_list)

    def on_desk():
        page = html(editor.get("/en/admin/"))
        return {
            key: [a.get_text() for a in page.select(f".desk__panel--{key} .desk__list a")]
            for key in ("scheduled", "published")
        }

    with time_machine.travel(noon - datetime.timedelta(hours=1), tick=False):
        assert on_desk() == {"scheduled": [str(article)], "published": []}
        assert state_in_list() == "Scheduled"
        assert filtered("scheduled") == [article] and filtered("published") == []
        bar = html(editor.get(change_url(article))).select_one(".save-bar__state").get_text()
        day = formats.date_format(timezone.localtime(noon), "DATE_FORMAT")
        assert f"Scheduled for {day}" in " ".join(bar.split())
    with time_machine.travel(noon + datetime.timedelta(hours=1), tick=False):
        assert on_desk() == {"scheduled": [], "published": [str(article)]}
        assert state_in_list() == "Published"
        assert filtered("scheduled") == [] and filtered("published") == [article]
