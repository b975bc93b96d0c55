"""The site's security headers and production settings, on public pages and in the admin."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin

from tests.factories import make_article
from tests.helpers import html

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-secret-" + "k" * 40,
    "DJANGO_ALLOWED_HOSTS": "think.example.org",
    # Named, never connected to: no check opens the cache.
    "REDIS_URL": "redis://cache.internal:6379/0",
}


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def manage(*arguments, **environment):
    """Run manage.py in a fresh interpreter with only the given DJANGO_ settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("url", ["/en/articles/", "/ar/admin/login/", "/en/no-such-page/"])
def test_every_response_carries_the_security_headers(client, db, url):
    """Pages, the admin and error pages refuse framing, sniffing and foreign code."""
    response = client.get(url)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    for directive in ("default-src", "script-src", "style-src"):
        assert "'self'" in policy[directive]
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(policy[directive])


def admin_pages(article):
    pages = [
        "/en/admin/",
        f"/en/admin/articles/article/{article.pk}/change/",
        f"/ar/admin/articles/article/{article.pk}/change/",
        f"/en/admin/articles/article/{article.pk}/history/",
        "/en/admin/articles/article/import/",
    ]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        pages.append(f"/en/admin/{opts.app_label}/{opts.model_name}/")
        if model_admin.has_add_permission is not None:
            pages.append(f"/en/admin/{opts.app_label}/{opts.model_name}/add/")
    return pages


def test_pages_hold_no_inline_code_the_policy_blocks(client, admin_client):
    """No page, public or admin, carries an inline script, style or event handler."""
    article = make_article(sections=1, points=1)
    public = [
        "/ar/",
        "/en/articles/",
        article.url_in("ar"),
        article.url_in("en"),
        "/en/news/",
        "/en/search/?q=title",
    ]
    checked = 0
    for url in public + admin_pages(article):
        response = (client if url in public else admin_client).get(url)
        if response.status_code in {403, 404}:
            continue  # e.g. an admin with no add page
        assert response.status_code == 200, url
        for element in html(response).find_all(True):
            assert not [name for name in element.attrs if name.startswith("on")], (url, element)
            assert "style" not in element.attrs, (url, element)
            assert element.name != "style", (url, element)
            if element.name == "script" and not element.get("src"):
                assert element.get("type") in {"application/ld+json", "application/json"}, url
        checked += 1
    assert checked > 10


def test_check_deploy_is_silent_in_production():
    """`manage.py check --deploy` finds nothing to warn about in production settings."""
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    assert result.stderr == ""


def test_admin_moves_to_the_configured_path():
    """DJANGO_ADMIN_PATH moves the admin inside each language; the old path is gone."""
    script = (
        "import django; django.setup()\n"
        "from django.urls import resolve, reverse, Resolver404\n"
        "from django.utils import translation\n"
        "for code in ('ar', 'en'):\n"
        "    with translation.override(code):\n"
        "        print(reverse('admin:index'), reverse('admin:login'))\n"
        "try:\n"
        "    resolve('/en/admin/')\n"
        "except Resolver404:\n"
        "    print('gone')\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="thinktank.settings", DJANGO_ADMIN_PATH="/back-office/")
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n") == [
        "/ar/back-office/ /ar/back-office/login/",
        "/en/back-office/ /en/back-office/login/",
        "gone",
        "",
    ]
