"""
The permission matrix of series and issues: for each role (and anonymous), each action on
an issue in each state, and on a series, checked through the admin's real views and
forms, not through has_perm. Editors do everything; translators view and change (the
other language's text); authors only view; staff without a role and administrators see
nothing of them.
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from modeltranslation.translator import translator

from accounts.roles import ADMINISTRATORS, AUTHORS, EDITORS, TRANSLATORS
from core.models import Status
from publications.models import Issue, IssueEntry, Series
from tests.admin_forms import form_data
from tests.factories import make_article
from tests.publications.factories import make_issue, make_series

ANONYMOUS, NO_ROLE = "anonymous", "no role"
ACTORS = [ANONYMOUS, NO_ROLE, AUTHORS, TRANSLATORS, EDITORS, ADMINISTRATORS]
SCHEDULED = "scheduled"
STATES = [Status.DRAFT, Status.REVIEW, Status.PUBLISHED, SCHEDULED, Status.UNPUBLISHED]


def allowed(actor, action):
    """The rules as the publications issue states them; the state of an issue changes
    nothing of them."""
    if actor == EDITORS:
        return True
    if actor == TRANSLATORS:
        return action in {"view", "change"}
    if actor == AUTHORS:
        return action == "view"
    return False


def admin_url(obj, view="change", language="en"):
    """The admin page of `obj` ("change", "history", "delete"), or of its model ("add",
    "changelist")."""
    opts = obj._meta
    base = f"/{language}/admin/{opts.app_label}/{opts.model_name}/"
    if view == "changelist":
        return base
    if view == "add":
        return f"{base}add/"
    return f"{base}{obj.pk}/{view}/"


def issue_in(state, series=None, **fields):
    """An issue of `series` in a workflow state, with two entries in its contents."""
    now = timezone.now()
    if state == SCHEDULED:
        fields.update(status=Status.PUBLISHED, published_at=now + datetime.timedelta(days=3))
    elif state == Status.PUBLISHED:
        fields.update(status=Status.PUBLISHED, published_at=now - datetime.timedelta(days=1))
    elif state == Status.UNPUBLISHED:
        fields.update(status=state, published_at=now - datetime.timedelta(days=9))
    else:
        fields.update(status=state, published_at=None, languages=())
    entries = [make_article(), (make_article(), "Lead file", 5, 12)]
    return make_issue(series, entries=entries, **fields)


def client_for(make_staff, actor):
    client = Client()
    if actor != ANONYMOUS:
        client.force_login(make_staff(None if actor == NO_ROLE else actor))
    return client


def searched(model):
    return model.searchable.columns if hasattr(model, "searchable") else ()


def snapshot(issue):
    """Everything stored of an issue and its contents."""

    def rows(queryset):
        # The per-language columns, not the fields they stand in for (which read the
        # active language's), nor the search columns (rebuilt from the text).
        model = queryset.model
        skipped = {*translator.get_options_for_model(model).fields, *searched(model)}
        names = [f.attname for f in model._meta.concrete_fields if f.name not in skipped]
        return list(queryset.order_by("pk").values_list(*names))

    return rows(Issue.objects.filter(pk=issue.pk)), rows(IssueEntry.objects.filter(issue=issue))


@pytest.fixture
def scene(db, make_staff):
    """An issue in a state, a client acting as a role, and an editor's client."""

    def build(actor, state):
        issue = issue_in(state)
        editor = Client()
        editor.force_login(make_staff(EDITORS))
        return issue, client_for(make_staff, actor), editor

    return build


def post_as(client, editor, obj, changes, form_id="issue_form"):
    """Post the change form as an editor's page has it (every field there), with
    `changes`, as `client`."""
    data = form_data(editor.get(admin_url(obj)), form_id)
    if isinstance(obj, Series):
        # Every ticked box, as a browser posts them (form_data keeps one value a name).
        data["languages"] = list(obj.languages)
    data.update(changes, _save="Save")
    return client.post(admin_url(obj), data)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_viewing_an_issue(scene, actor, state):
    issue, client, _editor = scene(actor, state)
    response = client.get(admin_url(issue))
    assert (response.status_code == 200) is allowed(actor, "view")
    listed = client.get(admin_url(issue, "changelist"))
    assert (listed.status_code == 200) is allowed(actor, "view")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_changing_an_issues_text(scene, actor, state):
    """The English theme: the other language of an issue of a series in both."""
    issue, client, editor = scene(actor, state)
    post_as(client, editor, issue, {"theme_en": "Changed by the test"})
    issue.refresh_from_db()
    assert (issue.theme_en == "Changed by the test") is allowed(actor, "change")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_deleting_an_issue(scene, actor, state):
    issue, client, _editor = scene(actor, state)
    client.post(admin_url(issue, "delete"), {"post": "yes"})
    gone = not Issue.objects.filter(pk=issue.pk).exists()
    assert gone is allowed(actor, "delete")
    assert IssueEntry.objects.filter(issue_id=issue.pk).exists() is not gone


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_publishing_and_unpublishing_an_issue(scene, actor, state):
    """Setting the status to published (or, when published or scheduled, unpublished);
    whoever may not is refused and nothing of the issue changes."""
    issue, client, editor = scene(actor, state)
    target = Status.UNPUBLISHED if issue.status == Status.PUBLISHED else Status.PUBLISHED
    before = snapshot(issue)
    response = post_as(client, editor, issue, {"status": target})
    issue.refresh_from_db()
    assert (issue.status == target) is allowed(actor, "publish")
    if not allowed(actor, "publish"):
        assert snapshot(issue) == before
        if actor == TRANSLATORS:
            assert response.status_code == 200
            assert "errornote" in response.content.decode()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_publishing_with_the_save_bar(scene, actor, state):
    """The save bar's "Publish now" (or "Unpublish") button, posted whatever the page
    offered."""
    issue, client, editor = scene(actor, state)
    public = issue.is_public() or issue.is_scheduled
    step, target = ("unpublish", Status.UNPUBLISHED) if public else ("publish", Status.PUBLISHED)
    before = snapshot(issue)
    post_as(client, editor, issue, {"_workflow": step})
    issue.refresh_from_db()
    assert (issue.status == target) is allowed(actor, "publish")
    if not allowed(actor, "publish"):
        assert snapshot(issue) == before


@pytest.mark.parametrize("actor", ACTORS)
def test_adding_an_issue(db, make_staff, actor):
    """Only editors open the add page, and only their post adds an issue."""
    series = make_series()
    client = client_for(make_staff, actor)
    page = client.get("/en/admin/publications/issue/add/")
    assert (page.status_code == 200) is allowed(actor, "add")
    client.post(
        "/en/admin/publications/issue/add/",
        {
            "series": series.pk,
            "number": "7",
            "date": "2026-04-01",
            "status": Status.DRAFT,
            "loaded_version": "0",
            "entries-TOTAL_FORMS": "0",
            "entries-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )
    assert Issue.objects.filter(series=series, number=7).exists() is allowed(actor, "add")


@pytest.mark.parametrize("actor", ACTORS)
def test_viewing_changing_adding_and_deleting_a_series(db, make_staff, actor):
    series, spare = make_series(), make_series()
    editor = client_for(make_staff, EDITORS)
    client = client_for(make_staff, actor)
    assert (client.get(admin_url(series)).status_code == 200) is allowed(actor, "view")
    assert (client.get(admin_url(series, "add")).status_code == 200) is allowed(actor, "add")

    post_as(client, editor, series, {"name_en": "Renamed by the test"}, "series_form")
    series.refresh_from_db()
    assert (series.name_en == "Renamed by the test") is allowed(actor, "change")

    client.post(
        admin_url(series, "add"),
        {"name_ar": "سلسلة جديدة", "slug": "new-series", "series_type": "periodical"}
        | {"languages": ["ar"], "position": "0", "_save": "Save"},
    )
    assert Series.objects.filter(slug="new-series").exists() is allowed(actor, "add")

    client.post(admin_url(spare, "delete"), {"post": "yes"})
    assert (not Series.objects.filter(pk=spare.pk).exists()) is allowed(actor, "delete")


def test_a_series_with_issues_cannot_be_deleted(db, make_staff, login):
    """Its issues keep it: the editor is told so, and nothing is deleted."""
    issue = issue_in(Status.PUBLISHED)
    editor = login(make_staff(EDITORS))
    page = editor.get(admin_url(issue.series, "delete"))
    assert page.status_code == 200
    assert str(issue) in page.content.decode()
    editor.post(admin_url(issue.series, "delete"), {"post": "yes"})
    assert Series.objects.filter(pk=issue.series_id).exists()
    assert Issue.objects.filter(pk=issue.pk).exists()


@pytest.mark.parametrize("actor", [AUTHORS, TRANSLATORS, EDITORS])
def test_the_bulk_actions_offered_follow_the_role(db, make_staff, actor):
    """Publishing, unpublishing and deleting in bulk are an editor's; the others are offered
    none, and a posted action changes nothing."""
    issue = issue_in(Status.DRAFT)
    client = client_for(make_staff, actor)
    page = client.get(admin_url(issue, "changelist"))
    action_form = page.context["action_form"]  # None: no action offered at all
    offered = set(dict(action_form.fields["action"].choices) if action_form else {}) - {""}
    if actor == EDITORS:
        assert offered == {"delete_selected", "publish_selected", "unpublish_selected"}
    else:
        assert offered == set()
    before = snapshot(issue)
    for action in ("publish_selected", "delete_selected"):
        client.post(
            admin_url(issue, "changelist"),
            {"action": action, "_selected_action": [issue.pk], "post": "yes"},
        )
        if actor != EDITORS:
            assert snapshot(issue) == before
    if actor == EDITORS:
        assert not Issue.objects.filter(pk=issue.pk).exists()


def test_staff_without_a_role_are_not_shown_the_periodicals(db, make_staff, login):
    """The admin's home page lists the periodicals to those who may see them."""
    for role, shown in [(None, False), (ADMINISTRATORS, False), (AUTHORS, True)]:
        page = login(make_staff(role)).get("/en/admin/")
        labels = [app["app_label"] for app in page.context["app_list"]]
        assert ("publications" in labels) is shown
