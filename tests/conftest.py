import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from articles.models import Article
from tests.factories import committed
from tests.seed import REFERENCE_SLUG


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the site's default language, whatever the last one left."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no page made by another test is served."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Accounts are created by the dozen in tests; real hashing would make that slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db, media_root):
    """The demo content, as `load_demo` loads it (its uploads in the test's own media
    folder); returns the reference article."""
    with committed():
        call_command("load_demo", stdout=io.StringIO())
    return Article.objects.get(slug=REFERENCE_SLUG)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and renditions go to the test's own folder; the rendition store starts empty
    (sorl-thumbnail remembers renditions in the cache, which outlives each test's database)."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    cache.clear()
    yield settings.MEDIA_ROOT
    cache.clear()


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def make_staff(db, django_user_model):
    """make_staff("Editors") → a staff account holding that role (None: no role)."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from accounts.roles import sync_roles

    # The groups come from a data migration, which a transactional test's flush wipes.
    sync_roles(apps)
    counter = iter(range(1, 10_000))

    def make(role=None, **fields):
        number = next(counter)
        user = django_user_model.objects.create_user(
            username=fields.pop("username", f"{(role or 'staff').lower()}-{number}"),
            password="a long enough passphrase",
            is_staff=True,
            **fields,
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def login(client):
    """login(user) → a test client signed in as that user."""
    from django.test import Client

    def sign_in(user):
        new_client = Client()
        new_client.force_login(user)
        return new_client

    return sign_in


def pytest_report_header(config):
    """Say which database and cache the run used, so a CI log shows it tested PostgreSQL."""
    from django.conf import settings as django_settings

    database = django_settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache = django_settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"database: {database}, cache: {cache}"


@pytest.fixture(scope="session")
def browser():
    """Chromium (Debian's, tests/e2e/conftest.py), one for the whole run: Playwright's
    sync API runs one event loop per thread, so every folder's browser tests share it."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS

    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: install Debian's package "
            "(apt-get install -y chromium) or set CHROMIUM_PATH."
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
