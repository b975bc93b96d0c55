"""The server side of the admin's autosave: a person's unsaved form, kept apart from the
object, for them alone."""

import json

import pytest
from django.test import Client

from autosave.models import FormDraft
from tests.admin_forms import change_url, form_data, save
from tests.factories import make_article
from tests.helpers import html

KEY = "admin:articles_article_change/1"


def keep(client, key, fields, language="en"):
    return client.post(
        f"/{language}/admin/autosave/keep/",
        json.dumps({"key": key, "fields": fields}),
        content_type="application/json",
    )


def fetch(client, key, language="en"):
    return client.get(f"/{language}/admin/autosave/", {"key": key})


@pytest.mark.django_db
def test_a_kept_form_comes_back_to_its_owner_in_either_language(client, make_staff):
    """What one person typed is offered back to them, with its time, in the desk's language."""
    editor = make_staff("Editors")
    client.force_login(editor)
    assert (
        keep(client, KEY, [["title_en", "Half a title"], ["lead_en", "A lead"]]).status_code == 200
    )

    answer = fetch(client, KEY, "ar").json()
    assert answer["found"] is True
    assert answer["fields"] == [["title_en", "Half a title"], ["lead_en", "A lead"]]
    assert answer["offer"].startswith("نصٌّ لم يُحفظ منذ")
    assert fetch(client, KEY, "en").json()["offer"].startswith("Unsaved text from")


@pytest.mark.django_db
def test_nobody_else_sees_or_discards_anothers_kept_form(client, make_staff):
    """Keys are per person: another editor fetching or discarding the same page gets nothing."""
    owner, other = make_staff("Editors"), make_staff("Editors")
    client.force_login(owner)
    keep(client, KEY, [["title_en", "Mine"]])

    intruder = Client()
    intruder.force_login(other)
    assert fetch(intruder, KEY).json() == {"found": False}
    intruder.post(
        "/en/admin/autosave/discard/", json.dumps({"key": KEY}), content_type="application/json"
    )
    assert FormDraft.objects.get(user=owner).fields == [["title_en", "Mine"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps(["a list"]),
        json.dumps({"key": "", "fields": []}),
        json.dumps({"key": "k" * 201, "fields": []}),
        json.dumps({"key": KEY, "fields": "text"}),
        json.dumps({"key": KEY, "fields": [["name"]]}),
        json.dumps({"key": KEY, "fields": [["name", 3]]}),
        json.dumps({"key": KEY, "fields": [["n", "v"]] * 5001}),
    ],
)
def test_a_malformed_post_is_refused_and_keeps_nothing(client, make_staff, body):
    """Whatever is posted, only a list of [name, text] pairs under a page key is kept."""
    client.force_login(make_staff("Editors"))
    response = client.post("/en/admin/autosave/keep/", body, content_type="application/json")
    assert response.status_code == 400
    assert not FormDraft.objects.exists()


@pytest.mark.django_db
def test_the_autosave_is_for_signed_in_staff_with_the_csrf_token(make_staff):
    """A reader is sent to sign in; a post without the CSRF token is refused."""
    reader = Client()
    assert fetch(reader, KEY).status_code == 302
    assert keep(reader, KEY, [["a", "b"]]).status_code == 302

    checked = Client(enforce_csrf_checks=True)
    checked.force_login(make_staff("Editors"))
    assert keep(checked, KEY, [["a", "b"]]).status_code == 403
    assert not FormDraft.objects.exists()


@pytest.mark.django_db
def test_the_change_page_names_its_own_key_in_both_languages(client, make_staff):
    """The same article's page under /ar/ and /en/ keeps one copy: its key has no language."""
    editor = make_staff("Editors")
    client.force_login(editor)
    article = make_article(sections=1)
    keys = {
        html(client.get(change_url(article, language))).find(id="autosave")["data-key"]
        for language in ("ar", "en")
    }
    assert keys == {f"admin:articles_article_change/{article.pk}"}


@pytest.mark.django_db
def test_a_successful_save_drops_the_kept_copy_and_leaves_the_article_alone(client, make_staff):
    """Keeping a copy never writes the article; saving it for real forgets the copy."""
    editor = make_staff("Editors")
    client.force_login(editor)
    article = make_article(sections=1, title_en="Stored title")
    key = f"admin:articles_article_change/{article.pk}"
    keep(client, key, [["title_en", "Typed, not saved"]])
    article.refresh_from_db()
    assert article.title_en == "Stored title"

    response = save(client, article, {"title_en": "Saved title"})
    assert response.status_code == 302
    assert not FormDraft.objects.filter(key=key).exists()


@pytest.mark.django_db
def test_a_refused_save_keeps_the_copy(client, make_staff):
    """A save refused (here a stale one) is not a save: the kept copy stays."""
    editor = make_staff("Editors")
    client.force_login(editor)
    article = make_article(sections=1)
    key = f"admin:articles_article_change/{article.pk}"
    data = form_data(client.get(change_url(article)), "article_form")
    keep(client, key, [["title_en", "Typed, not saved"]])
    save(client, article, {"title_en": "Someone else's save first"})
    keep(client, key, [["title_en", "Typed, not saved"]])

    data.update({"title_en": "My stale save", "_save": "Save"})
    response = client.post(change_url(article), data)
    assert response.status_code == 200  # the form again, with the refusal
    assert FormDraft.objects.filter(key=key).exists()
