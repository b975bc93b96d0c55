"""
A request for a Host outside DJANGO_ALLOWED_HOSTS gets the 400 page, in production
settings, whether or not the reader cache holds the page asked for. Run in a fresh
interpreter with the environment production has (DJANGO_DEBUG=0), against the test's
own database and cache, with Django's test client standing in for gunicorn.
"""

import json
import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article
from tests.operations.services import database_url

ROOT = Path(__file__).resolve().parent.parent.parent
ALLOWED = "example.org"
FOREIGN = "attacker.example"
BAD_REQUEST = {"ar": "طلب غير صالح", "en": "Bad request"}
DIRECTION = {"ar": "rtl", "en": "ltr"}

# Asks for each (host, path, over HTTPS) in turn; prints what came back, as JSON.
ASK = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = []
for host, path, secure in json.loads(sys.argv[1]):
    response = client.get(path, HTTP_HOST=host, secure=secure)
    answers.append(
        {"status": response.status_code, "cache": response.get("X-Cache"),
         "body": response.content.decode()}
    )
print(json.dumps(answers))
"""


def production(tmp_path, **variables):
    """Production's environment: this test's database, a cache of its own, `variables`."""
    own = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    environment.update(
        DJANGO_SETTINGS_MODULE="thinktank.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=ALLOWED,
        DATABASE_URL=database_url(),
        **variables,
    )
    if os.environ.get("REDIS_URL"):
        environment.update(
            REDIS_URL=os.environ["REDIS_URL"], CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex}"
        )
    else:
        environment["DJANGO_CACHE_DIR"] = str(tmp_path / "cache")
    return environment


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """The collected static files with their manifest, as production serves them."""
    folder = tmp_path_factory.mktemp("static")
    environment = production(folder, DJANGO_STATIC_ROOT=str(folder))
    environment.pop("DATABASE_URL")  # collecting needs no database
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return folder


def ask(tmp_path, static_root, requests):
    result = subprocess.run(
        [sys.executable, "-c", ASK, json.dumps(requests)],
        cwd=ROOT,
        env=production(tmp_path, DJANGO_STATIC_ROOT=str(static_root)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def assert_bad_request_page(answer, language):
    assert answer["status"] == 400
    page = BeautifulSoup(answer["body"], "html.parser")
    assert (page.html["lang"], page.html["dir"]) == (language, DIRECTION[language])
    assert page.h1.get_text() == BAD_REQUEST[language]
    assert FOREIGN not in answer["body"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_foreign_host_is_a_bad_request_on_cached_and_uncached_pages(
    tmp_path, static_root, language
):
    """The article page, once in the reader cache, and the news list, never asked for:
    both are the 400 page in the path's language for a foreign Host, over HTTPS or plain
    HTTP, and the log has one line for each, with no traceback."""
    article_path = make_article().url_in(language)
    uncached = f"/{language}/news/"
    answers, log = ask(
        tmp_path,
        static_root,
        [
            [ALLOWED, article_path, True],
            [ALLOWED, article_path, True],
            [FOREIGN, article_path, True],
            [FOREIGN, uncached, True],
            [FOREIGN, uncached, False],
        ],
    )
    made, kept, *refused = answers
    assert (made["status"], made["cache"]) == (200, "miss")
    assert (kept["status"], kept["cache"]) == (200, "hit")
    for answer in refused:
        assert_bad_request_page(answer, language)
    assert log.count(f"Invalid HTTP_HOST header: '{FOREIGN}'") == len(refused)
    assert "Traceback" not in log
