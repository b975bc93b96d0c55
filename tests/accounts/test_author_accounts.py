"""Editors link an author to a staff account, without seeing the list of users."""

import pytest
from django.contrib.auth.models import User

from accounts.roles import AUTHORS, EDITORS
from tests.admin_forms import form_data
from tests.factories import make_author
from tests.helpers import html

LOOKUP = {"app_label": "articles", "model_name": "author", "field_name": "user"}


def lookup(client, language="en", **params):
    return client.get(f"/{language}/admin/autocomplete/", {**LOOKUP, **params})


@pytest.fixture
def accounts(make_staff, django_user_model):
    """Two staff accounts, and two that must never be offered: not staff, and closed."""
    return {
        "rahma": make_staff(AUTHORS, username="rahma", first_name="Rahma", last_name="Saeed"),
        "omar": make_staff(EDITORS, username="omar"),
        "visitor": django_user_model.objects.create_user("visitor", first_name="Rahma"),
        "closed": make_staff(AUTHORS, username="rahma-old", is_active=False),
    }


@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_editor_looks_up_staff_accounts_by_name_and_username(
    accounts, make_staff, login, language
):
    """The account lookup answers editors with staff accounts: name and username, no more."""
    editor = login(make_staff(EDITORS, username="editor"))
    response = lookup(editor, language, term="rahma")
    assert response.status_code == 200
    rahma = accounts["rahma"]
    assert response.json()["results"] == [{"id": str(rahma.pk), "text": "Rahma Saeed (rahma)"}]
    everyone = [result["text"] for result in lookup(editor, language).json()["results"]]
    assert "omar" in everyone and "Rahma Saeed (rahma)" in everyone
    assert not {"visitor", "Rahma (visitor)", "rahma-old"} & set(everyone)


def test_the_lookup_does_not_search_email_addresses(accounts, make_staff, login):
    """An address typed in the lookup finds nothing: it shows and searches names only."""
    accounts["omar"].email = "omar@private.example"
    accounts["omar"].save()
    editor = login(make_staff(EDITORS))
    assert lookup(editor, term="private.example").json()["results"] == []


def test_the_editor_still_cannot_see_the_users(accounts, make_staff, login):
    """The lookup opens nothing else: the list of users and their pages stay refused."""
    editor = login(make_staff(EDITORS))
    assert editor.get("/en/admin/auth/user/").status_code == 403
    assert editor.get(f"/en/admin/auth/user/{accounts['rahma'].pk}/change/").status_code == 403


@pytest.mark.parametrize(
    ("role", "params"),
    [
        # Authors may view authors but not change them.
        (AUTHORS, {}),
        # A field that links to accounts but is no autocomplete of its form.
        (EDITORS, {"model_name": "article", "field_name": "created_by"}),
    ],
)
def test_the_lookup_is_refused_to_those_who_may_not_edit_the_link(
    accounts, make_staff, login, role, params
):
    """Only someone who may add or change the author gets the accounts."""
    assert lookup(login(make_staff(role)), **params).status_code == 403


def test_an_editor_links_an_author_to_a_staff_account(accounts, make_staff, login):
    """Saving the author's page with an account chosen in the lookup keeps the link."""
    editor = login(make_staff(EDITORS))
    author = make_author()
    url = f"/en/admin/articles/author/{author.pk}/change/"
    page = editor.get(url)
    widget = html(page).find("select", attrs={"name": "user"})
    assert widget["data-ajax--url"] == "/en/admin/autocomplete/"  # the account lookup
    data = {**form_data(page, "author_form"), "user": str(accounts["rahma"].pk), "_save": "Save"}
    response = editor.post(url, data)
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.user == accounts["rahma"]
    assert User.objects.filter(pk=accounts["rahma"].pk, is_staff=True).exists()


@pytest.mark.parametrize("account", ["visitor", "closed"])
def test_a_forged_account_outside_the_lookup_is_refused(accounts, make_staff, login, account):
    """A posted id of an account the lookup never offers is an invalid choice."""
    editor = login(make_staff(EDITORS))
    author = make_author()
    url = f"/en/admin/articles/author/{author.pk}/change/"
    data = {**form_data(editor.get(url), "author_form"), "user": str(accounts[account].pk)}
    response = editor.post(url, {**data, "_save": "Save"})
    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    author.refresh_from_db()
    assert author.user is None
