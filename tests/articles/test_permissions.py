"""
The permission matrix: for each role (and anonymous), each action on an article in each
status, checked through the admin's real views and forms, not through has_perm.
"""

import pytest
from django.test import Client

from accounts.roles import ADMINISTRATORS, AUTHORS, EDITORS, TRANSLATORS
from articles.admin import author_record_for
from articles.models import Article, Status
from tests.admin_forms import change_url, form_data
from tests.factories import make_article

ANONYMOUS, NO_ROLE, OWN_AUTHOR, OTHER_AUTHOR = "anonymous", "no role", "own author", "other author"
ACTORS = [ANONYMOUS, NO_ROLE, OWN_AUTHOR, OTHER_AUTHOR, TRANSLATORS, EDITORS, ADMINISTRATORS]
STATUSES = [Status.DRAFT, Status.REVIEW, Status.PUBLISHED, Status.UNPUBLISHED]
AUTHOR_EDITABLE = {Status.DRAFT, Status.REVIEW}


def allowed(actor, action, status):
    """The rules as the workflow issue states them."""
    if actor == EDITORS:
        return True
    if actor == OWN_AUTHOR:
        return {
            "view": True,
            "change": status in AUTHOR_EDITABLE,
            "delete": status in AUTHOR_EDITABLE,
            "publish": False,
        }[action]
    if actor == TRANSLATORS:
        return action in {"view", "change"}
    return False


@pytest.fixture
def scene(db, make_staff):
    """An article in a given status, a client acting as a given role, and an editor."""

    def build(actor, status):
        editor = make_staff(EDITORS)
        writer = make_staff(AUTHORS)
        user = None
        if actor == OWN_AUTHOR:
            user = writer
        elif actor == OTHER_AUTHOR:
            user = make_staff(AUTHORS)
        elif actor == NO_ROLE:
            user = make_staff(None)
        elif actor != ANONYMOUS:
            user = make_staff(actor)
        article = make_article(status=status, authors=[author_record_for(writer)])
        client = Client()
        if user is not None:
            client.force_login(user)
        editor_client = Client()
        editor_client.force_login(editor)
        return article, client, editor_client

    return build


def submit(client, editor_client, article, changes):
    """Post the change form (as an editor sees it, so every field is there) as `client`."""
    data = form_data(editor_client.get(change_url(article)), "article_form")
    data.update(changes, _save="Save")
    return client.post(change_url(article), data)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("actor", ACTORS)
def test_viewing_the_change_page(scene, actor, status):
    article, client, _editor = scene(actor, status)
    response = client.get(change_url(article))
    assert (response.status_code == 200) is allowed(actor, "view", status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("actor", ACTORS)
def test_changing_the_text(scene, actor, status):
    article, client, editor_client = scene(actor, status)
    submit(client, editor_client, article, {"title_en": "Changed by the test"})
    article.refresh_from_db()
    assert (article.title_en == "Changed by the test") is allowed(actor, "change", status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("actor", ACTORS)
def test_deleting(scene, actor, status):
    article, client, _editor = scene(actor, status)
    client.post(f"/en/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert (not Article.objects.filter(pk=article.pk).exists()) is allowed(actor, "delete", status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("actor", ACTORS)
def test_publishing_and_unpublishing(scene, actor, status):
    """Setting the status to published (or, when published, to unpublished)."""
    article, client, editor_client = scene(actor, status)
    target = Status.UNPUBLISHED if status == Status.PUBLISHED else Status.PUBLISHED
    submit(client, editor_client, article, {"status": target})
    article.refresh_from_db()
    assert (article.status == target) is allowed(actor, "publish", status)


@pytest.mark.parametrize(
    ("actor", "can_add"),
    [
        (ANONYMOUS, False),
        (NO_ROLE, False),
        (AUTHORS, True),
        (TRANSLATORS, False),
        (EDITORS, True),
        (ADMINISTRATORS, False),
    ],
)
def test_adding_an_article(db, make_staff, actor, can_add):
    client = Client()
    if actor != ANONYMOUS:
        client.force_login(make_staff(None if actor == NO_ROLE else actor))
    response = client.get("/en/admin/articles/article/add/")
    assert (response.status_code == 200) is can_add


@pytest.mark.parametrize(
    ("actor", "manages_users"),
    [
        (ANONYMOUS, False),
        (NO_ROLE, False),
        (AUTHORS, False),
        (TRANSLATORS, False),
        (EDITORS, False),
        (ADMINISTRATORS, True),
    ],
)
def test_only_administrators_manage_users_and_see_roles(db, make_staff, actor, manages_users):
    client = Client()
    if actor != ANONYMOUS:
        client.force_login(make_staff(None if actor == NO_ROLE else actor))
    assert (client.get("/en/admin/auth/user/").status_code == 200) is manages_users
    assert (client.get("/en/admin/auth/group/").status_code == 200) is manages_users
    assert (client.get("/en/admin/auth/user/add/").status_code == 200) is manages_users


def test_author_sees_only_their_own_articles_in_the_list(db, make_staff, login):
    writer = make_staff(AUTHORS)
    mine = make_article(status=Status.DRAFT, authors=[author_record_for(writer)])
    make_article(status=Status.DRAFT)
    page = login(writer).get("/en/admin/articles/article/")
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [mine]


def test_author_cannot_publish_even_by_posting_the_status(db, make_staff, login):
    """The refusal is enforced: a posted "published" is an invalid choice, not just hidden."""
    writer = make_staff(AUTHORS)
    article = make_article(status=Status.DRAFT, authors=[author_record_for(writer)])
    client = login(writer)
    page = client.get(change_url(article))
    offered = [value for value, _label in page.context["adminform"].form.fields["status"].choices]
    assert offered == ["draft", "review"]
    data = form_data(page, "article_form")
    data.update(status="published", _save="Save")
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_translator_edits_only_the_other_language(db, make_staff, login):
    """A translator's change to the original language's text is ignored; the other is saved."""
    translator = make_staff(TRANSLATORS)
    article = make_article(sections=1, points=1, original_language="ar")
    client = login(translator)
    data = form_data(client.get(change_url(article)), "article_form")
    assert "title_ar" not in data
    assert "sections-0-heading_ar" not in data
    data.update(
        {
            "title_ar": "Not allowed",
            "title_en": "Translated title",
            "sections-0-heading_en": "Translated heading",
            "sections-0-indications-0-body_en": "Translated point.",
            "_save": "Save",
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    section = article.sections.get()
    assert article.title_ar != "Not allowed"
    assert article.title_en == "Translated title"
    assert section.heading_en == "Translated heading"
    assert section.indications.get().body_en == "Translated point."


def test_staff_without_a_role_sees_nothing_to_use(db, make_staff, login):
    page = login(make_staff(None)).get("/en/admin/")
    assert page.status_code == 200
    assert page.context["app_list"] == []
