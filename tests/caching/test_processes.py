"""
Two app servers share one cache: what is published through one is on the other's pages
at its next request. Run against real processes (Django's development server, no reload),
the test's own database and the shared cache CI uses (Redis when REDIS_URL is set; a
folder both processes read otherwise).
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from articles.models import Status
from tests.factories import make_article
from tests.operations.services import database_url, free_port

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def app_servers(count, cache_env):
    env = {
        **os.environ,
        **cache_env,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, url in servers:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{url}/robots.txt", timeout=2)
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"the app server at {url} did not start") from None
                    time.sleep(0.2)
        yield [url for _process, url in servers]
    finally:
        for process, _url in servers:
            process.terminate()
        for process, _url in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


class Browser:
    """
    Just enough of a browser: cookies, forms with their CSRF token. It asks for the site's
    one host name whichever server it reaches, as the proxy in front of them passes it on:
    pages are kept per host name, since they hold absolute addresses.
    """

    HOST = "127.0.0.1"

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"Host": self.HOST})
        with self.opener.open(request, timeout=30) as response:
            return response.headers.get("X-Cache"), response.read().decode()

    def post(self, path, data):
        _state, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        request = urllib.request.Request(
            self.base + path,
            data=body.encode(),
            headers={"Host": self.HOST, "Referer": self.base + path},
        )
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()


@pytest.fixture
def shared_cache(tmp_path):
    if os.environ.get("REDIS_URL"):
        return {"CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    return {"DJANGO_CACHE_DIR": str(tmp_path / "cache")}


def test_publishing_through_one_server_shows_on_the_other(
    transactional_db, django_user_model, shared_cache, settings
):
    # The servers check passwords with the real hasher, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    django_user_model.objects.create_superuser("chief", "chief@example.org", "a long passphrase")
    draft = make_article(status=Status.DRAFT, title_en="Published through server A")
    make_article(title_en="Already there")
    with app_servers(2, shared_cache) as (first, second):
        reader_a, reader_b = Browser(first), Browser(second)
        assert reader_a.get("/en/articles/")[0] == "miss"
        state, page = reader_b.get("/en/articles/")
        assert state == "hit"  # the page server A made, from the shared cache
        assert "Published through server A" not in page

        editor = Browser(first)
        editor.post(
            "/en/admin/login/?next=/en/admin/",
            {"username": "chief", "password": "a long passphrase", "next": "/en/admin/"},
        )
        result = editor.post(
            "/en/admin/articles/article/",
            {"action": "publish_selected", "_selected_action": [draft.pk], "index": "0"},
        )
        assert "Published 1 article." in result

        state, page = reader_b.get("/en/articles/")
        assert state == "miss"
        assert "Published through server A" in page
