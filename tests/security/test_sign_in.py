"""Signing in: strong passwords, throttled guessing, short sessions and an audit trail."""

from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group, User

from accounts.models import AuditEvent
from accounts.roles import ADMINISTRATORS, EDITORS
from tests.helpers import html

PASSWORD = "a long enough passphrase"


def attempt(client, username, password="wrong password", language="en", address="10.0.0.1"):
    return client.post(
        f"/{language}/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_USER_AGENT="Tests/1.0",
    )


@pytest.fixture
def editor(make_staff):
    return make_staff(EDITORS, username="editor")


@pytest.mark.parametrize(
    "password",
    ["short pass", "password1234", "12345678901234567", "editor-rahma-2024"],
)
def test_weak_passwords_are_refused(db, password):
    """Short, common, all-digit and username-like passwords are refused for new accounts."""
    form = AdminUserCreationForm(
        {
            "username": "editor-rahma",
            "usable_password": "true",
            "password1": password,
            "password2": password,
        }
    )
    assert not form.is_valid()
    assert "password2" in form.errors


def test_a_long_unusual_password_is_accepted(db):
    """A passphrase of twelve characters or more that is nobody's name is accepted."""
    password = "mint kettle orbit 42"
    form = AdminUserCreationForm(
        {
            "username": "editor-rahma",
            "usable_password": "true",
            "password1": password,
            "password2": password,
        }
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_repeated_failures_block_the_user_name(client, editor, language, direction):
    """Five wrong passwords for one name, from anywhere, block it: even the right one is
    refused, with a page in the language of the address."""
    for number in range(4):
        response = attempt(client, "editor", language=language, address=f"10.0.1.{number}")
        assert response.status_code == 200
    assert attempt(client, "editor", language=language, address="10.0.1.9").status_code == 429
    response = attempt(client, "editor", PASSWORD, language=language, address="10.0.2.1")
    assert response.status_code == 429
    page = html(response)
    assert page.html["lang"] == language
    assert page.html["dir"] == direction
    assert page.select_one(".errornote")
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_says_what_to_do(client, editor):
    """The English page says why, for how long, and who can lift the block."""
    for _ in range(5):
        attempt(client, "editor")
    text = html(attempt(client, "editor", PASSWORD)).select_one(".errornote").get_text()
    assert "Too many failed sign-ins" in text
    assert "30 minutes" in text
    assert "administrator" in text


def test_repeated_failures_from_one_address_block_it(client, editor):
    """Five failures from one address, whatever the names, block that address only."""
    for number in range(5):
        attempt(client, f"guess-{number}", address="10.0.0.9")
    assert attempt(client, "editor", PASSWORD, address="10.0.0.9").status_code == 429
    assert attempt(client, "editor", PASSWORD, address="10.0.0.10").status_code == 302


def test_addresses_are_told_apart_behind_the_proxy(client, editor, settings):
    """Behind the production proxy, failures count against the reader's address (the one
    the proxy appends), not the proxy's, and a forged header changes nothing."""
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        client.post(
            "/en/admin/login/",
            {"username": f"guess-{number}", "password": "wrong"},
            REMOTE_ADDR="192.0.2.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, 198.51.100.7",
        )
    blocked = client.post(
        "/en/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert blocked.status_code == 429
    other = client.post(
        "/en/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.1",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert other.status_code == 302


def test_administrator_unblocks_a_user_name(client, editor, make_staff, login):
    """An administrator sees the blocked name in the admin and deleting it lifts the block."""
    for _ in range(5):
        attempt(client, "editor")
    administrator = login(make_staff(ADMINISTRATORS))
    listing = administrator.get("/en/admin/axes/accessattempt/?locked_out=yes")
    assert listing.status_code == 200
    assert "editor" in listing.content.decode()
    response = administrator.post(
        "/en/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": [a.pk for a in AccessAttempt.objects.all()],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert attempt(client, "editor", PASSWORD).status_code == 302


def test_a_success_clears_earlier_failures(client, editor):
    """Four mistakes and then the right password: the count starts again from nothing."""
    for _ in range(4):
        attempt(client, "editor")
    assert attempt(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "editor")
    assert attempt(client, "editor", PASSWORD).status_code == 302


def test_only_administrators_see_the_lockouts_and_the_trail(db, make_staff, login):
    """Administrators read the audit trail and django-axes' records; editors cannot."""
    administrator = login(make_staff(ADMINISTRATORS))
    editor = login(make_staff(EDITORS))
    for url in ["/en/admin/accounts/auditevent/", "/en/admin/axes/accessattempt/"]:
        assert administrator.get(url).status_code == 200
        assert editor.get(url).status_code == 403
    index = html(administrator.get("/ar/admin/")).get_text()
    assert "محاولات دخول" in index  # django-axes' own Arabic, for the Arabic admin


def test_migration_gives_administrators_the_unlock_and_audit_permissions(db):
    """The data migration gives the Administrators group what unblocking and reading need."""
    administrators = Group.objects.get(name=ADMINISTRATORS)
    codenames = set(administrators.permissions.values_list("codename", flat=True))
    assert {"view_auditevent", "view_accessattempt", "delete_accessattempt"} <= codenames
    assert "change_auditevent" not in codenames


def test_sign_ins_and_failures_are_recorded(client, editor):
    """Each sign-in and each failure is a line of the trail, with the address and browser."""
    attempt(client, "editor", address="10.0.0.5")
    attempt(client, "nobody", address="10.0.0.6")
    attempt(client, "editor", PASSWORD, address="10.0.0.7")
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.action, e.username, e.account, e.ip_address) for e in events] == [
        (AuditEvent.Action.LOGIN_FAILED, "editor", editor, "10.0.0.5"),
        (AuditEvent.Action.LOGIN_FAILED, "nobody", None, "10.0.0.6"),
        (AuditEvent.Action.LOGIN, "editor", editor, "10.0.0.7"),
    ]
    assert events[0].user_agent == "Tests/1.0"


def test_a_lockout_is_recorded(client, editor):
    """The failure that blocks a name is followed by a line saying it was blocked."""
    for _ in range(5):
        attempt(client, "editor")
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.LOCKED_OUT, username="editor"
    ).exists()


def test_role_changes_are_recorded(db, make_staff, login):
    """Who changed whose role, from what to what, is in the trail and in its admin list."""
    from tests.accounts.helpers import role_form

    chief = make_staff(ADMINISTRATORS)
    admin_client = login(chief)
    newcomer = User.objects.create_user("newcomer", password=PASSWORD)
    editors = Group.objects.get(name=EDITORS)
    url, _page, data = role_form(admin_client, newcomer)
    assert admin_client.post(url, {**data, "role": str(editors.pk)}).status_code == 302
    url, _page, data = role_form(admin_client, newcomer)
    admin_client.post(url, {**data, "role": ""})
    url, _page, data = role_form(admin_client, newcomer)
    admin_client.post(url, {**data, "role": ""})  # no change, no line

    changes = AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_CHANGED).order_by("pk")
    assert [(e.actor, e.account, e.role_before, e.role_after) for e in changes] == [
        (chief, newcomer, "", EDITORS),
        (chief, newcomer, EDITORS, ""),
    ]
    listing = html(admin_client.get("/en/admin/accounts/auditevent/")).get_text()
    assert "— → Editor" in " ".join(listing.split())


def test_audit_trail_cannot_be_changed_in_the_admin(client, editor, admin_user):
    """Not even a superuser adds, changes or deletes a line of the trail."""
    attempt(client, "editor", PASSWORD)
    event = AuditEvent.objects.get()
    client.force_login(admin_user)
    base = "/en/admin/accounts/auditevent/"
    assert client.get(f"{base}{event.pk}/change/").status_code == 200  # view only
    assert client.post(f"{base}{event.pk}/change/", {"username": "x"}).status_code == 403
    assert client.get(f"{base}add/").status_code == 403
    assert client.post(f"{base}{event.pk}/delete/", {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.username == "editor"


def test_staff_sessions_end_with_the_browser_and_within_eight_hours(client, editor):
    """The session cookie is a browser-session cookie, and the session lasts 8 hours."""
    attempt(client, "editor", PASSWORD)
    cookie = client.cookies["sessionid"]
    assert not cookie["expires"]
    assert not cookie["max-age"]
    assert cookie["httponly"]
    assert client.session.get_expiry_age() == 8 * 60 * 60


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example", "https://evil.example/en/admin/"]
)
def test_a_next_page_off_the_site_leads_to_the_admin_index(client, editor, language, unsafe):
    """Signing in with `next` on another site ends on the admin's index in the page's language."""
    response = client.post(
        f"/{language}/admin/login/?{urlencode({'next': unsafe})}",
        {"username": "editor", "password": PASSWORD, "next": unsafe},
        REMOTE_ADDR="10.0.0.1",
        HTTP_USER_AGENT="Tests/1.0",
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/admin/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert html(page).html["lang"] == language


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_next_page_on_the_site_is_kept(client, editor, language):
    """Signing in from a page of the admin leads back to that page."""
    wanted = f"/{language}/admin/articles/article/?status__exact=draft"
    response = client.post(
        f"/{language}/admin/login/",
        {"username": "editor", "password": PASSWORD, "next": wanted},
        REMOTE_ADDR="10.0.0.1",
        HTTP_USER_AGENT="Tests/1.0",
    )
    assert response["Location"] == wanted


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_user_name_longer_than_any_account_is_a_form_error(client, editor, language):
    """A 300-character user name is refused by the form, not a server error."""
    response = attempt(client, "a" * 300, language=language)
    assert response.status_code == 200
    assert html(response).select(".errorlist, .errornote")
    assert not AccessAttempt.objects.exists()
