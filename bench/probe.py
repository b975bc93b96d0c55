"""
What bench/run.py asks of a running Django project, from inside it: run with that
project's Python, in its folder, with its settings in the environment.

    python probe.py queries '[{"path": "/en/", "cookies": {"sessionid": "x"}}, …]'
    python probe.py profile /en/articles/why-aqim-is-interested-in-syria/ [cookie=value]
    python probe.py sample      # our site only: slugs, words and an admin session to use
    python probe.py render /en/articles/…/ 200 [cookie=value]   # our site only

`queries` makes each request three times through Django's test client, with the headers
the load generator sends, and reports the status, size, X-Cache and SQL queries (timed,
slowest first) of the last one: the first may fill per-process caches. `profile` runs
cProfile on one request after two warm-up ones. Everything is printed as JSON on the
last line of output. `render` times the CPU of N requests through the test client twice:
as the site runs (values it remembers between changes of content, such as an article's
rendered body, are kept) and with nothing remembered (every request renders everything).
"""

import cProfile
import io
import json
import os
import pstats
import random
import sys

sys.path.insert(0, os.getcwd())

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# What a proxy in front of the app servers would add (see bench/run.py).
HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


def client(cookies):
    made = Client(HTTP_HOST="127.0.0.1", headers=HEADERS)
    for name, value in (cookies or {}).items():
        made.cookies[name] = value
    return made


def queries(requests):
    results = []
    for request in requests:
        browser = client(request.get("cookies"))
        for _attempt in range(3):
            with CaptureQueriesContext(connection) as captured:
                response = browser.get(request["path"], secure=True)
            # A response may set or delete cookies; the load generator ignores them.
            browser.cookies.clear()
            for name, value in (request.get("cookies") or {}).items():
                browser.cookies[name] = value
        results.append(
            {
                "path": request["path"],
                "status": response.status_code,
                "queries": len(captured),
                "bytes": len(response.content),
                "x_cache": response.get("X-Cache", ""),
                "sql_ms": sum(float(query["time"]) for query in captured) * 1000,
                "sql": [
                    (float(query["time"]) * 1000, query["sql"])
                    for query in sorted(captured, key=lambda query: -float(query["time"]))
                ],
            }
        )
    return results


def profile(path, *cookies):
    browser = client(dict(cookie.split("=", 1) for cookie in cookies))
    for _attempt in range(2):
        browser.get(path, secure=True)
    profiler = cProfile.Profile()
    profiler.enable()
    with CaptureQueriesContext(connection) as captured:
        response = browser.get(path, secure=True)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    return {
        "path": path,
        "status": response.status_code,
        "queries": len(captured),
        "sql_ms": sum(float(query["time"]) for query in captured.captured_queries) * 1000,
        "report": out.getvalue(),
    }


def render(path, count, *cookies):
    """CPU ms per request, with the values the site remembers kept, then with none kept."""
    import time
    from unittest import mock

    from core import caching

    browser = client(dict(cookie.split("=", 1) for cookie in cookies))

    def cpu_ms_per_request():
        for _attempt in range(3):
            browser.get(path, secure=True)
        started = time.process_time()
        for _request in range(int(count)):
            response = browser.get(path, secure=True)
            assert response.status_code == 200, response.status_code
        return (time.process_time() - started) * 1000 / int(count)

    kept = cpu_ms_per_request()
    with mock.patch.object(caching, "remember", lambda name, tags, compute, **kw: compute()):
        none_kept = cpu_ms_per_request()
    return {"path": path, "remembered_ms": kept, "nothing_remembered_ms": none_kept}


def sample():
    """Slugs and words that make realistic requests on the seeded site, and a staff session."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from articles.models import Article, Author, Topic

    rng = random.Random(4)
    found = {}
    for code in ("ar", "en"):
        published = Article.objects.published_in(code)
        slugs = list(
            published.filter(slug__startswith="bench-").values_list("slug", flat=True)[:5000]
        )
        found[f"articles_{code}"] = rng.sample(slugs, min(40, len(slugs)))
        topics = (
            Topic.objects.filter(**{f"name_{code}__gt": ""}, articles__in=published)
            .annotate(count=Count("articles"))
            .order_by("-count")
        )
        found[f"topics_{code}"] = [(t.slug, t.count) for t in topics[:10]]
        authors = (
            Author.objects.filter(**{f"name_{code}__gt": ""}, articles__in=published)
            .annotate(count=Count("articles"))
            .order_by("-count")
        )
        authors = list(authors.values_list("slug", "count"))
        # The most prolific author, and others across the range.
        found[f"authors_{code}"] = authors[:1] + rng.sample(authors, min(19, len(authors)))
        titles = list(published.values_list(f"title_{code}", flat=True)[:2000])
        words = [
            word for title in rng.sample(titles, min(30, len(titles))) for word in title.split()
        ]
        found[f"title_words_{code}"] = [word.strip(".,،") for word in words if len(word) > 3]
    found["reference_pk"] = Article.objects.get(slug="why-aqim-is-interested-in-syria").pk
    found["bench_pk"] = Article.objects.filter(slug__in=found["articles_en"][:1]).get().pk
    found["articles"] = Article.objects.count()
    found["published_en"] = Article.objects.published_in("en").count()

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    found["admin_session"] = session.session_key
    return found


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "queries":
        result = queries(json.loads(arguments[0]))
    elif command == "profile":
        result = profile(*arguments)
    elif command == "render":
        result = render(*arguments)
    elif command == "sample":
        result = sample()
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result, ensure_ascii=False))
