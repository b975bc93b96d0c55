"""
deploy/nginx.conf, run by a real nginx in front of two real gunicorn app servers
(deploy/loopback_site.py): nginx answers readers' pages itself for the second the app
allows (X-Accel-Expires), never keeps a page for anyone signed in or any admin page, and
an edit reaches readers within that second.
"""

import os
import time

import pytest
from bs4 import BeautifulSoup
from loopback_site import (
    ADMIN,
    DEMO_ARTICLE,
    EDITOR,
    Client,
    Editor,
    LoopbackSite,
    title_of,
)

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the loopback deployment makes a PostgreSQL database of its own (CI runs it)",
)

ARTICLE = f"/en/articles/{DEMO_ARTICLE}/"


@pytest.fixture(scope="module")
def site():
    with LoopbackSite() as running:
        yield running


def cache_states(client, path, times=4, headers=None):
    return [client.get(path, headers=headers).headers.get("X-Proxy-Cache") for _ in range(times)]


def test_readers_pages_are_answered_by_nginx(site):
    reader = Client(site.url)
    first = reader.get(ARTICLE)
    assert first.status == 200
    assert "HIT" in cache_states(reader, ARTICLE)
    # The instruction is for nginx alone: browsers and CDNs never see it.
    assert first.headers.get("X-Accel-Expires") is None
    assert "max-age=0" in first.headers["Cache-Control"]


def test_signed_in_staff_and_the_admin_are_never_answered_from_nginx(site):
    editor = Editor(Client(site.url))
    editor.sign_in(EDITOR, site.editor_password)
    Client(site.url).get(ARTICLE)  # a reader's copy is there
    assert set(cache_states(editor.client, ARTICLE)) == {"BYPASS"}
    assert "HIT" not in cache_states(editor.client, f"{ADMIN}articles/article/")
    assert "HIT" not in cache_states(Client(site.url), f"{ADMIN}login/")
    # A page that is not there is not kept either.
    assert "HIT" not in cache_states(Client(site.url), "/en/articles/no-such-article/")


def test_an_edit_reaches_readers_through_nginx_within_the_second(site):
    reader = Client(site.url)
    for _ in range(3):
        reader.get(ARTICLE)
    editor = Editor(Client(site.url))
    editor.sign_in(EDITOR, site.editor_password)
    editor.rename(editor.article_id(DEMO_ARTICLE), "Renamed behind nginx")
    saved = time.monotonic()
    while title_of(reader.get(ARTICLE).text) != "Renamed behind nginx":
        # One second of nginx's copy, plus the refresh that follows it.
        assert time.monotonic() - saved < 3, "readers still see the old title"
        time.sleep(0.05)


def test_each_host_name_is_answered_with_its_own_addresses(site):
    """nginx keeps a page per Host as the browser sent it: a page made for one is never
    answered to another, whose addresses (canonical, og:url) would then be wrong."""
    reader = Client(site.url)
    with_port = f"localhost:{site.https_port}"
    # A fresh copy at nginx for the Host with the port, then at once the others.
    assert "HIT" in cache_states(reader, ARTICLE, headers={"Host": with_port})
    for host in ("localhost", "127.0.0.1", with_port):
        page = reader.get(ARTICLE, headers={"Host": host}).text
        assert canonical_of(page) == f"https://{host}{ARTICLE}", host


def canonical_of(page):
    return BeautifulSoup(page, "html.parser").find("link", rel="canonical")["href"]
