import pytest
from django.contrib.auth.models import Group, User

from accounts.roles import ADMINISTRATORS, AUTHORS, EDITORS, TRANSLATORS
from tests.accounts.helpers import role_form
from tests.helpers import html


def test_the_roles_exist_after_migrating(db):
    """The data migration creates the four role groups with their permissions."""
    groups = {group.name: group for group in Group.objects.all()}
    assert {AUTHORS, TRANSLATORS, EDITORS, ADMINISTRATORS} <= set(groups)
    editors = {p.codename for p in groups[EDITORS].permissions.all()}
    assert {"publish_article", "publish_newsitem", "change_author", "add_newsitem"} <= editors
    assert "publish_article" not in {p.codename for p in groups[AUTHORS].permissions.all()}
    assert "change_user" in {p.codename for p in groups[ADMINISTRATORS].permissions.all()}


def test_administrator_gives_a_role_with_one_choice(db, make_staff, login):
    admin = login(make_staff(ADMINISTRATORS))
    newcomer = User.objects.create_user("newcomer", password="x" * 20)
    url, page, data = role_form(admin, newcomer)
    options = [o.get_text() for o in html(page).select("select[name=role] option")]
    assert len(options) == 5  # no role + the four roles
    editors = Group.objects.get(name=EDITORS)
    response = admin.post(url, {**data, "role": str(editors.pk)})
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert list(newcomer.groups.all()) == [editors]
    assert newcomer.is_staff

    url, page, data = role_form(admin, newcomer)
    assert html(page).select_one("select[name=role] option[selected]")["value"] == str(editors.pk)
    admin.post(url, {**data, "role": ""})
    newcomer.refresh_from_db()
    assert list(newcomer.groups.all()) == []
    assert not newcomer.is_staff


@pytest.mark.parametrize("language", ["ar", "en"])
def test_role_choice_is_offered_in_both_languages(db, make_staff, login, language):
    admin = login(make_staff(ADMINISTRATORS))
    user = make_staff(AUTHORS)
    _url, page, _data = role_form(admin, user, language)
    labels = [o.get_text() for o in html(page).select("select[name=role] option")]
    if language == "ar":
        assert any("محرر" in label for label in labels)
    else:
        assert any(label.startswith("Editor") for label in labels)


def test_administrator_cannot_take_over_a_superuser(db, make_staff, login, admin_user):
    admin = login(make_staff(ADMINISTRATORS))
    url = f"/en/admin/auth/user/{admin_user.pk}/change/"
    page = admin.get(url)
    assert "id_role" not in page.content.decode()  # view only
    response = admin.post(
        f"/en/admin/auth/user/{admin_user.pk}/password/",
        {
            "password1": "a new password 123",
            "password2": "a new password 123",
        },
    )
    assert response.status_code == 403


def test_the_newest_roles_migration_gives_what_roles_py_says():
    """Migrations are frozen: a change to the roles comes with a migration that agrees."""
    import importlib
    import pkgutil

    from accounts import migrations
    from accounts.roles import ROLE_PERMISSIONS

    frozen = [
        module
        for module in (
            importlib.import_module(f"accounts.migrations.{info.name}")
            for info in pkgutil.iter_modules(migrations.__path__)
        )
        if hasattr(module, "ROLE_PERMISSIONS")
    ]
    newest = max(frozen, key=lambda module: module.__name__)
    assert {name: sorted(perms) for name, perms in newest.ROLE_PERMISSIONS.items()} == {
        name: sorted(perms) for name, perms in ROLE_PERMISSIONS.items()
    }
