"""
A bounded load run of the documented deployment on this machine's loopback addresses
(deploy/loopback_site.py: nginx with TLS in front of two gunicorn app servers, shared
PostgreSQL and Redis): wrk asks for the home, article and search pages, in both
languages, while an editor keeps renaming the article through the admin.

    .venv/bin/python deploy/load_run.py                  # 60 s at 32 connections
    .venv/bin/python deploy/load_run.py --duration 10    # a quick look

It prints requests per second, latency and errors, and checks that nothing was lost:
wrk saw only 2xx answers and no socket errors, every save the editor made moved the
article's version on by one, and the pages show the last title saved. Exits with 1 if
not. A benchmark, not a test: compare its figures, never fail a build on them.
"""

import argparse
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from loopback_site import DEMO_ARTICLE, EDITOR, Client, Editor, LoopbackSite, say, title_of

WRK_SCRIPT = Path(__file__).with_name("load_run.lua")
ARTICLE = f"/articles/{DEMO_ARTICLE}/"
PATHS = [
    "/en/",
    f"/en{ARTICLE}",
    "/en/search/?q=Syria",
    "/ar/",
    f"/ar{ARTICLE}",
    "/ar/search/?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7",  # سوريا
]
SAVE_EVERY_SECONDS = 1.0


class EditorAtWork(threading.Thread):
    """Renames the article through the admin, once a second, until told to stop."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.editor = Editor(Client(site.url))
        self.editor.sign_in(EDITOR, site.editor_password)
        self.article = self.editor.article_id(DEMO_ARTICLE)
        self.first_version = self.editor.version(self.article)
        self.saves = 0
        self.failures = []
        self.last_title = None
        self.finish = threading.Event()

    def run(self):
        while not self.finish.is_set():
            title = f"Why AQIM is Interested in Syria (save {self.saves + 1})"
            try:
                self.editor.rename(self.article, title)
            except (OSError, RuntimeError) as error:
                self.failures.append(str(error))
            else:
                self.saves += 1
                self.last_title = title
            self.finish.wait(SAVE_EVERY_SECONDS)


def run_wrk(site, duration, connections, threads):
    command = [
        *("wrk", "--threads", str(threads), "--connections", str(connections)),
        *("--duration", f"{duration}s", "--timeout", "10s", "--latency"),
        *("--script", str(WRK_SCRIPT), site.url, "--", *PATHS),
    ]
    say("$ " + " ".join(command))
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    say(output.rstrip())
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds (default 60)")
    parser.add_argument("--connections", type=int, default=32, help="default 32")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="per app server (default 2)")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")

    with LoopbackSite(workers=options.workers) as site:
        for path in PATHS:  # every page made once before the clock starts
            Client(site.url).get(path)
        editor = EditorAtWork(site)
        editor.start()
        try:
            result = run_wrk(site, options.duration, options.connections, options.threads)
        finally:
            editor.finish.set()
            editor.join(60)
        final_version = editor.editor.version(editor.article)
        shown = {
            title_of(Client(url).get(f"/en{ARTICLE}").text)
            for url in (site.url, site.app_server_url(0), site.app_server_url(1))
        }

    socket_errors = sum(
        result[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts")
    )
    latency = result["latency_ms"]
    say("")
    say(
        f"requests:      {result['requests']} in {result['seconds']:.1f} s, "
        f"{result['requests'] / result['seconds']:.1f} requests/s"
    )
    say(
        f"latency (ms):  mean {latency['mean']}, p50 {latency['p50']}, p90 {latency['p90']}, "
        f"p99 {latency['p99']}, max {latency['max']}"
    )
    say(f"errors:        {result['non_2xx']} answers not 2xx, {socket_errors} socket errors")
    say(
        f"editor:        {editor.saves} saves, {len(editor.failures)} refused; version "
        f"{editor.first_version} -> {final_version}; pages show {sorted(shown)!r}"
    )
    problems = []
    if result["non_2xx"] or socket_errors:
        problems.append("wrk saw errors")
    if editor.failures:
        problems.append(f"saves failed: {editor.failures[:3]}")
    if final_version - editor.first_version != editor.saves:
        problems.append("the article's version does not count every save")
    if shown != {editor.last_title}:
        problems.append("the pages do not show the last title saved")
    if problems:
        say("FAILED: " + "; ".join(problems))
        return 1
    say("OK: nothing lost")
    return 0


if __name__ == "__main__":
    sys.exit(main())
