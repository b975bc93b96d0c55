"""
Faults of the services behind the site, made for real: a Redis server and a PostgreSQL
server are started for the test and stopped under the running site.
"""

import contextlib
import itertools
import json
import runpy
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.seed import REFERENCE_SLUG

from .services import (
    ROOT,
    AppServer,
    PostgresCluster,
    RedisServer,
    manage,
    postgres_bindir,
    production_environment,
)

# A fresh query string for each page asked for during an outage: a page that the reader
# cache kept from before would otherwise be served from there.
_fresh = itertools.count()


def uncached(path):
    return f"{path}?outage={next(_fresh)}"


@pytest.fixture
def redis_cache(settings, monkeypatch):
    """The cache production configures from REDIS_URL, on a Redis of the test's own."""
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server (Debian package redis-server)")
    server = RedisServer()
    server.start()
    try:
        monkeypatch.setenv("REDIS_URL", server.url)
        settings.CACHES = runpy.run_path(str(ROOT / "thinktank" / "settings.py"))["CACHES"]
        assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
        yield server
    finally:
        server.stop()


def reader_pages(article):
    return [
        reverse("home"),
        article.get_absolute_url(),
        reverse("search") + "?q=Syria",
    ]


def test_pages_are_served_uncached_while_redis_is_down(client, demo, redis_cache):
    """With the cache's Redis stopped, reader pages load in full, without an error."""
    translation.activate("en")
    pages = reader_pages(demo)
    for path in pages:
        assert client.get(path).status_code == 200
    redis_cache.stop()
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert demo.title_en in response.content.decode()


def test_health_check_reports_the_cache_without_failing(client, db, redis_cache):
    """/healthz says when the cache is down but still answers 200, and sees it come back."""
    assert client.get("/healthz").json() == {"database": "ok", "cache": "ok"}
    redis_cache.stop()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "down"}
    redis_cache.start()
    assert client.get("/healthz").json() == {"database": "ok", "cache": "ok"}


MIGRATE_AND_LOAD_DEMO = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo")
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """
    The site in production mode under gunicorn, on a PostgreSQL server of its own with
    the demo content, so that the database can be stopped under it.
    """
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("needs PostgreSQL's server programs (Debian package postgresql)")
    folder = tmp_path_factory.mktemp("site")
    cluster = PostgresCluster(bindir)
    server = None
    try:
        cluster.start()
        cluster.create_database("thinktank")
        environment = production_environment(
            DATABASE_URL=cluster.url("thinktank"),
            DJANGO_STATIC_ROOT=str(folder / "static"),
            DJANGO_MEDIA_ROOT=str(folder / "media"),
        )
        # Two interpreters at once: collecting static files needs no database.
        with ThreadPoolExecutor(max_workers=1) as background:
            collected = background.submit(
                manage, "collectstatic", "--no-input", environment=environment
            )
            manage("shell", "-c", MIGRATE_AND_LOAD_DEMO, environment=environment)
            collected.result()
        server = AppServer(environment, folder / "gunicorn.log")
        server.start()
        yield cluster, server
    finally:
        if server is not None:
            server.stop()
        cluster.remove()


@contextlib.contextmanager
def database_stopped(cluster):
    cluster.stop()
    try:
        yield
    finally:
        cluster.start()


ARTICLE = f"/en/articles/{REFERENCE_SLUG}/"


def test_readers_get_a_bilingual_503_page_while_the_database_is_down(site):
    """No stack trace: the outage page in Arabic (right to left) and English (left to right)."""
    cluster, server = site
    with database_stopped(cluster):
        for path in (uncached(ARTICLE), uncached("/ar/")):
            status, headers, body = server.get(path)
            assert status == 503, path
            assert headers["Retry-After"] == "30"
            page = BeautifulSoup(body, "html.parser")
            assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
            assert page.find(lang="en", dir="ltr").h1.get_text() == "Temporarily unavailable"
            assert "الموقع غير متاح مؤقتًا" in page.h1.get_text()
            for leak in ("Traceback", "OperationalError", "psycopg2", "5432"):
                assert leak not in body


def test_site_recovers_by_itself_when_the_database_returns(site):
    """Once PostgreSQL is back, the same worker serves pages again: nothing is restarted."""
    cluster, server = site
    assert server.get(ARTICLE)[0] == 200
    workers = server.worker_pids()
    with database_stopped(cluster):
        assert server.get(uncached(ARTICLE))[0] == 503
    status, _headers, body = server.get(uncached(ARTICLE))
    assert status == 200
    assert "Why AQIM is Interested in Syria" in body
    assert server.get(uncached("/ar/"))[0] == 200
    assert server.process.poll() is None
    assert server.worker_pids() == workers


def test_pages_in_the_reader_cache_are_still_served_while_the_database_is_down(site):
    """A page a reader asked for before the outage is served from the cache during it."""
    cluster, server = site
    page = uncached("/ar/")
    assert server.get(page)[0] == 200
    with database_stopped(cluster):
        status, _headers, body = server.get(page)
    assert status == 200
    assert "لماذا يهتم تنظيم" in body


def test_health_check_follows_the_database(site):
    """/healthz answers 503 while the database is down, for the load balancer, then 200."""
    cluster, server = site
    status, headers, body = server.get("/healthz")
    assert (status, json.loads(body)) == (200, {"database": "ok", "cache": "ok"})
    assert "no-cache" in headers["Cache-Control"]
    with database_stopped(cluster):
        status, _headers, body = server.get("/healthz")
        assert (status, json.loads(body)) == (503, {"database": "down", "cache": "ok"})
    assert server.get("/healthz")[0] == 200
