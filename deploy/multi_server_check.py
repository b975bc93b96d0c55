"""
Two app servers behind nginx, as docs/deployment.md describes them, checked on this
machine's loopback addresses (deploy/loopback_site.py stands them up):

1. an editor signs in at app server A's admin and renames the demo article there;
2. app server B and nginx show the new title at once (one database, one cache), and B
   knows the editor's session (no server keeps anything of its own);
3. app server A is killed in the middle of a burst of reader requests through nginx:
   no request is lost, since nginx repeats on B what A did not answer.

    .venv/bin/python deploy/multi_server_check.py

It prints what it saw and exits with 1 if any of it failed. It takes about a minute,
and stops everything it started.
"""

import itertools
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from loopback_site import (
    ADMIN,
    DEMO_ARTICLE,
    EDITOR,
    Client,
    Editor,
    LoopbackSite,
    say,
    title_of,
)

BURST = 600
KILL_AFTER = 150
READERS = 8
READER_PAGES = ["/en/", f"/en/articles/{DEMO_ARTICLE}/", "/ar/", "/en/search/?q=Syria"]


def check_edit_is_seen_everywhere(site):
    failures = []
    editor = Editor(Client(site.app_server_url(0)))
    editor.sign_in(EDITOR, site.editor_password)
    article = editor.article_id(DEMO_ARTICLE)
    page = f"/en/articles/{DEMO_ARTICLE}/"
    through_b = Client(site.app_server_url(1))
    before = title_of(through_b.get(page).text)  # now in the shared reader cache too
    title = f"Why AQIM is Interested in Syria (edited at {time.strftime('%H:%M:%S')})"
    editor.rename(article, title)
    say(f"renamed through app server A: {before!r} -> {title!r}")

    seen_on_b = title_of(through_b.get(page).text)
    say(f"app server B shows: {seen_on_b!r}")
    if seen_on_b != title:
        failures.append("app server B does not show the edit made through A")
    seen_through_nginx = {title_of(Client(site.url).get(page).text) for _ in range(6)}
    say(f"nginx shows: {sorted(seen_through_nginx)!r}")
    if seen_through_nginx != {title}:
        failures.append("nginx does not show the edit made through A on every request")

    # The session cookie A gave the editor opens the admin on B.
    on_b = Client(site.app_server_url(1))
    on_b.cookies = dict(editor.client.cookies)
    status = on_b.get(ADMIN).status
    say(f"the editor's session from A, on B's admin: {status}")
    if status != 200:
        failures.append("app server B does not know the session made on A")
    return failures


def check_nothing_is_lost_when_a_server_dies(site):
    outcomes = []
    done = itertools.count(1)
    killed = threading.Event()
    lock = threading.Lock()

    def read(number):
        # A query string of its own: made afresh by an app server, not read from the
        # reader cache, so that requests are still running on A when it dies.
        page = READER_PAGES[number % len(READER_PAGES)]
        path = f"{page}{'&' if '?' in page else '?'}burst={number}"
        try:
            status = Client(site.url).get(path, timeout=30).status
        except OSError as error:
            status = f"{type(error).__name__}: {error}"
        with lock:
            outcomes.append(status)
        if next(done) == KILL_AFTER:
            port = site.kill_app_server(0)
            killed.set()
            say(f"killed app server A (port {port}) after {KILL_AFTER} requests")

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=READERS) as readers:
        list(readers.map(read, range(BURST)))
    seconds = time.monotonic() - started
    failed = [outcome for outcome in outcomes if outcome != 200]
    say(
        f"burst through nginx: {len(outcomes)} requests from {READERS} readers in "
        f"{seconds:.1f} s, {len(outcomes) - len(failed)} answered 200, {len(failed)} not"
    )
    for outcome in sorted(set(map(str, failed))):
        say(f"  {outcome}")
    retried = site.upstream_failures()
    say(f"nginx logged A failing ({len(retried)} lines) and passed those requests to B:")
    for line in retried[:3]:
        say(f"  {line.split(' while ')[0].split('] ')[-1]}")
    if not killed.is_set():
        return ["app server A was never killed"]
    return [f"{len(failed)} of {len(outcomes)} requests failed"] if failed else []


def main():
    with LoopbackSite() as site:
        failures = check_edit_is_seen_everywhere(site)
        failures += check_nothing_is_lost_when_a_server_dies(site)
    if failures:
        say("FAILED: " + "; ".join(failures))
        return 1
    say(
        "OK: an edit through one app server is seen through the other and through nginx; "
        "killing an app server lost no request"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
