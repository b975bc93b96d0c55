import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from articles.models import Article
from tests.seed import REFERENCE_SLUG


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the site's default language, whatever the last one left."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def demo(db):
    """The demo content, as `load_demo` loads it; returns the reference article."""
    call_command("load_demo", stdout=io.StringIO())
    return Article.objects.get(slug=REFERENCE_SLUG)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def pytest_report_header(config):
    """Say which database and cache the run used, so a CI log shows it tested PostgreSQL."""
    from django.conf import settings as django_settings

    database = django_settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache = django_settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"database: {database}, cache: {cache}"
