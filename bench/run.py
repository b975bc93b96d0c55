"""
Our site beside Wagtail, Django's "hello world" and nginx, measured in one run on this
machine. It prints figures; it never passes or fails on them.

    .venv/bin/python bench/run.py                    # everything, at 100,000 articles
    .venv/bin/python bench/run.py --articles 5000 --duration 5    # a quicker look

What it does, all on 127.0.0.1:

1. Our database, `bench_thinktank` on PostgreSQL: migrated, with the demo content and
   `seed_bench --articles N`. Kept between runs and seeded again only when the
   migrations, seed_bench or N change (or with --reseed); seeding 100,000 takes a while.
2. Wagtail 7.4 in its own virtualenv (var/bench/wagtail-venv), a project made with
   `wagtail start` plus our small app from bench/wagtail_site/ (the reference article as
   a StreamField page, its author, topics and center news), database `bench_wagtail`.
3. Servers, each started here and stopped at the end: our site and Wagtail under
   gunicorn (2 sync workers, DEBUG off, the production settings), Django's "hello world"
   under the same gunicorn, and nginx serving our article page's bytes as a static file
   (plus, as an option to compare, nginx caching our pages for a second in front of
   gunicorn).
4. wrk against each page, for --duration seconds after a short warm-up, a new connection
   per request: requests/s, p50 and p99 latency, CPU per request of the gunicorn
   processes (from /proc/<pid>/stat) and SQL queries per request (bench/probe.py, the
   same request through Django's test client). Our pages twice: uncached (with a
   `sessionid` cookie, which the reader cache in core/caching.py never serves) and
   cached (no cookie, after a first request filled the cache).
5. Server time of each page type, one request at a time over many URLs (articles,
   listing pages, topics, authors, searches), and of the admin's article change list and
   change page and of the translation desk (unfiltered, filtered, a deep page, other
   kinds of document), signed in with a session made for the purpose.

It uses only the databases bench_thinktank and bench_wagtail and the Redis keys under
the prefix bench-thinktank, and writes only under var/bench/. Results are printed and
kept in var/bench/results-<time>.md.
"""

import argparse
import collections
import contextlib
import datetime
import hashlib
import http.client
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import redis

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VAR = ROOT / "var" / "bench"
WAGTAIL_VENV = VAR / "wagtail-venv"
WAGTAIL_PROJECT = VAR / "wagtail_project"
NGINX_DIR = VAR / "nginx"
HOST = "127.0.0.1"
OUR_DATABASE, WAGTAIL_DATABASE = "bench_thinktank", "bench_wagtail"
CACHE_PREFIX = "bench-thinktank"
REFERENCE = "why-aqim-is-interested-in-syria"
PORTS = {"ours": 8301, "wagtail": 8302, "hello": 8303, "static": 8304, "microcache": 8305}
# What the proxy in front of production app servers adds; without X-Forwarded-Proto the
# site would redirect every request to https.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": HOST}
# The reader cache never serves a request that carries a session cookie.
UNCACHED = {"sessionid": "bench-uncached"}
GOALS = {"uncached_ratio": 5, "max_queries": 8, "cached_share": 0.5, "p95_ms": 50, "admin_ms": 300}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles to seed")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per target")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (app servers)")
    parser.add_argument(
        "--static-connections", type=int, default=32, help="wrk connections (nginx)"
    )
    parser.add_argument("--samples", type=int, default=100, help="timed requests per page type")
    parser.add_argument(
        "--quiet-wait",
        type=int,
        default=600,
        help="seconds to wait at most for the machine to be idle (load average below 0.5) "
        "before measuring; other work on the machine makes every figure worse",
    )
    parser.add_argument("--reseed", action="store_true", help="seed our database afresh")
    parser.add_argument(
        "--server",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server (without a database name)",
    )
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/0")
    )
    return parser.parse_args()


def say(message):
    print(message, flush=True)


def run(command, *, env=None, cwd=ROOT, timeout=None, capture=False):
    """Run a command to its end (bounded by `timeout`), failing loudly."""
    result = subprocess.run(
        [str(part) for part in command],
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
        text=True,
        capture_output=capture,
    )
    if result.returncode:
        if capture:
            sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"Failed ({result.returncode}): {' '.join(map(str, command))}")
    return result.stdout if capture else None


def fingerprint(*paths, extra=""):
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


# Databases


class Postgres:
    def __init__(self, server):
        self.server = server.rstrip("/")

    def url(self, name):
        return f"{self.server}/{name}"

    def admin(self, sql, params=None):
        connection = psycopg2.connect(self.url("postgres"))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def exists(self, name):
        return bool(self.admin("SELECT 1 FROM pg_database WHERE datname = %s", [name]))

    def recreate(self, name):
        assert name.startswith("bench_"), name  # never anyone else's database
        self.admin(f'DROP DATABASE IF EXISTS "{name}"')
        self.admin(f'CREATE DATABASE "{name}"')


def stamp_matches(name, value):
    path = VAR / f"{name}.fingerprint"
    return path.exists() and path.read_text() == value


def write_stamp(name, value):
    (VAR / f"{name}.fingerprint").write_text(value)


# Our site


def our_environment(args, postgres, secret):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thinktank.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": postgres.url(OUR_DATABASE),
        "REDIS_URL": args.redis,
        "CACHE_KEY_PREFIX": CACHE_PREFIX,
        "DJANGO_STATIC_ROOT": str(VAR / "static"),
        "DJANGO_MEDIA_ROOT": str(VAR / "media"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def prepare_ours(args, postgres, env):
    manage = [sys.executable, "manage.py"]
    migrations = [path for path in ROOT.glob("*/migrations") if path.parent != BENCH]
    wanted = fingerprint(
        *migrations,
        ROOT / "bench" / "management" / "commands" / "seed_bench.py",
        # The translation states it writes (the desk reads them).
        ROOT / "translations" / "bulk.py",
        ROOT / "articles" / "demo" / "content.json",
        extra=str(args.articles),
    )
    seeding = None
    if args.reseed or not postgres.exists(OUR_DATABASE) or not stamp_matches(OUR_DATABASE, wanted):
        say(f"Our database {OUR_DATABASE}: creating, migrating, seeding {args.articles:,} articles")
        postgres.recreate(OUR_DATABASE)
        (VAR / f"{OUR_DATABASE}.fingerprint").unlink(missing_ok=True)
        run([*manage, "migrate", "--no-input", "-v0"], env=env)
        run([*manage, "load_demo"], env=env)
        started = time.perf_counter()
        run([*manage, "seed_bench", "--articles", args.articles], env=env)
        seeding = time.perf_counter() - started
        (VAR / "seeding.txt").write_text(
            f"{args.articles} articles seeded in {seeding:.0f} s on "
            f"{datetime.datetime.now().isoformat(timespec='minutes')}; load average at the "
            f"end: {Path('/proc/loadavg').read_text()}"
        )
        with contextlib.closing(psycopg2.connect(postgres.url(OUR_DATABASE))) as connection:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        write_stamp(OUR_DATABASE, wanted)
    else:
        say(f"Our database {OUR_DATABASE}: kept from an earlier run (--reseed to seed afresh)")
        run([*manage, "migrate", "--no-input", "-v0"], env=env)
        run([*manage, "load_demo"], env=env)
    run([*manage, "collectstatic", "--no-input", "-v0"], env=env)
    return seeding


# Wagtail


def wagtail_environment(postgres, secret):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": postgres.url(WAGTAIL_DATABASE),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def prepare_wagtail(postgres, env):
    requirements = BENCH / "wagtail_site" / "requirements.txt"
    python = WAGTAIL_VENV / "bin" / "python"
    wanted = fingerprint(requirements)
    if not python.exists() or not stamp_matches("wagtail-venv", wanted):
        say("Wagtail: building its virtualenv from PyPI")
        shutil.rmtree(WAGTAIL_VENV, ignore_errors=True)
        run(["python3", "-m", "venv", WAGTAIL_VENV], timeout=300)
        run([python, "-m", "pip", "install", "-q", "-r", requirements], timeout=900)
        write_stamp("wagtail-venv", wanted)
    # The project `wagtail start` makes, with our app and settings added; made afresh each
    # run (it takes a second), so that it always matches bench/wagtail_site/.
    shutil.rmtree(WAGTAIL_PROJECT, ignore_errors=True)
    WAGTAIL_PROJECT.mkdir(parents=True)
    run([WAGTAIL_VENV / "bin" / "wagtail", "start", "benchsite", WAGTAIL_PROJECT], capture=True)
    shutil.copytree(BENCH / "wagtail_site" / "analyses", WAGTAIL_PROJECT / "analyses")
    shutil.copy(BENCH / "wagtail_site" / "bench_settings.py", WAGTAIL_PROJECT)
    manage = [python, "manage.py"]
    run([*manage, "makemigrations", "analyses", "-v0"], env=env, cwd=WAGTAIL_PROJECT)
    wanted = fingerprint(BENCH / "wagtail_site")
    if not postgres.exists(WAGTAIL_DATABASE) or not stamp_matches(WAGTAIL_DATABASE, wanted):
        say(f"Wagtail database {WAGTAIL_DATABASE}: creating and migrating")
        postgres.recreate(WAGTAIL_DATABASE)
        run([*manage, "migrate", "--no-input", "-v0"], env=env, cwd=WAGTAIL_PROJECT)
        content = ROOT / "articles" / "demo" / "content.json"
        run([*manage, "load_reference", content], env=env, cwd=WAGTAIL_PROJECT)
        write_stamp(WAGTAIL_DATABASE, wanted)
    run([*manage, "collectstatic", "--no-input", "-v0"], env=env, cwd=WAGTAIL_PROJECT)


# Servers


class Servers:
    """Every process this run starts, each in its own process group, all stopped at exit."""

    def __init__(self):
        self.processes = {}

    def start(self, name, command, *, env=None, cwd=ROOT):
        port = PORTS[name]
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                raise SystemExit(f"Port {port} is taken: is another bench run going?")
        log = open(VAR / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [str(part) for part in command],
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = (process, log)
        return process

    def gunicorn(self, name, python, application, *, env, cwd=ROOT):
        return self.start(
            name,
            [
                python,
                "-m",
                "gunicorn",
                application,
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"{HOST}:{PORTS[name]}",
                # Several servers share this machine: no control socket in the home folder.
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=cwd,
        )

    def pids(self, name):
        """The server's processes: the master and its workers."""
        master = self.processes[name][0].pid
        children = Path(f"/proc/{master}/task/{master}/children")
        return [master, *map(int, children.read_text().split())]

    def stop(self):
        for name, (process, log) in self.processes.items():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=5)
            log.close()
            say(f"  stopped {name}")
        self.processes = {}


def request(port, path, *, cookies=None, timeout=30):
    """One GET as the load generator sends it: (status, headers, body, seconds)."""
    headers = {"Host": HOST, "Connection": "close", **PROXY_HEADERS}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return response.status, dict(response.getheaders()), body, time.perf_counter() - started


def wait_for(port, path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            status, _headers, _body, _seconds = request(port, path, timeout=10)
            if status == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"Nothing answered 200 on port {port} at {path} in {timeout} s.")


def nginx_config(root):
    ours = PORTS["ours"]
    return f"""
user nobody nogroup;
worker_processes auto;
pid {NGINX_DIR}/nginx.pid;
error_log {NGINX_DIR}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 0;
    client_body_temp_path {NGINX_DIR}/tmp/body;
    proxy_temp_path {NGINX_DIR}/tmp/proxy;
    fastcgi_temp_path {NGINX_DIR}/tmp/fastcgi;
    uwsgi_temp_path {NGINX_DIR}/tmp/uwsgi;
    scgi_temp_path {NGINX_DIR}/tmp/scgi;
    types {{ text/html html; }}

    # The ceiling: our article page's bytes as a file.
    server {{
        listen {HOST}:{PORTS["static"]};
        root {root};
        location / {{ try_files $uri =404; }}
    }}

    # The site's serving stack: nginx in front of gunicorn with the page cache of
    # deploy/nginx.conf, its very lines (readers' pages for the second the app allows).
    proxy_cache_path {NGINX_DIR}/cache keys_zone=thinktank_pages:10m max_size=100m
                     inactive=1m use_temp_path=off;
    server {{
        listen {HOST}:{PORTS["microcache"]};
        location / {{
            proxy_pass http://{HOST}:{ours};
            proxy_set_header Host {HOST};
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Forwarded-For $remote_addr;
{page_cache_directives()}
        }}
    }}
}}
"""


def page_cache_directives():
    """The page-cache lines of deploy/nginx.conf's `location /`, between its markers."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    match = re.search(r"# page cache: begin.*?\n(.*?)\n\s*# page cache: end", text, re.S)
    if match is None:
        raise SystemExit("deploy/nginx.conf has lost its '# page cache: begin/end' markers")
    return match[1]


# Measuring


def stat(pid):
    """The fields of /proc/<pid>/stat after the command name: [state, ppid, …]."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_ticks(pids):
    """{pid: user + system clock ticks so far} of the processes still there."""
    ticks = {}
    for pid in pids:
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            fields = stat(pid)
            ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks


def spent(before, after):
    """Ticks spent between two cpu_ticks(); a process that appeared in between counts whole."""
    return sum(value - before.get(pid, 0) for pid, value in after.items())


def machine_ticks():
    """(busy, all) clock ticks of the whole machine so far, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(fields) - fields[3] - fields[4], sum(fields)  # idle and iowait are not busy


class Backstage:
    """
    The processes that serve our requests besides the app server: PostgreSQL backends of
    the bench databases, and Redis. PostgreSQL's parallel workers live for one query, too
    briefly to be seen; their time is found in the postmaster's count of the time of its
    children that ended (so are other databases' short-lived connections, if any).
    """

    def __init__(self, postgres, cache):
        self.postgres = postgres
        self.redis_pid = int(cache.info()["process_id"])
        (backend,) = postgres.admin("SELECT pg_backend_pid()")[0]
        self.postmaster = None
        with contextlib.suppress(FileNotFoundError):
            self.postmaster = int(stat(backend)[1])  # the parent of every backend

    def ticks(self):
        rows = self.postgres.admin(
            "SELECT pid FROM pg_stat_activity WHERE datname IN (%s, %s)",
            [OUR_DATABASE, WAGTAIL_DATABASE],
        )
        ticks = cpu_ticks([self.redis_pid, *(pid for (pid,) in rows)])
        if self.postmaster:
            fields = stat(self.postmaster)
            ticks["ended children"] = int(fields[13]) + int(fields[14])  # cutime, cstime
        return ticks


def wrk(port, path, *, cookies=None, duration, connections, threads=2):
    """wrk for `duration` seconds, a new connection per request; its figures as a dict."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "5s",
        "--latency",
        "-H",
        "Connection: close",
    ]
    for name, value in PROXY_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if cookies:
        command += ["-H", "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items())]
    command.append(f"http://{HOST}:{port}{path}")
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 30, check=True
    ).stdout

    def milliseconds(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return None
        return float(match[1]) * {"us": 0.001, "ms": 1, "s": 1000}[match[2]]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
        "p50": milliseconds("50"),
        "p99": milliseconds("99"),
        "errors": int(errors[1]) if errors else 0,
        "socket_errors": socket_errors[1] if socket_errors else "",
    }


def load(servers, backstage, name, path, *, args, cookies=None, connections=None, app=None):
    """
    Warm up, then measure one target with wrk. Besides wrk's figures: the CPU per request
    of the app server (`app`: the names of the servers that answer) and of PostgreSQL and
    Redis, and the share of the machine's CPU that went to anything else meanwhile
    (other people's work on a shared machine makes every figure worse).
    """
    port = PORTS[name]
    connections = connections or args.connections
    wrk(port, path, cookies=cookies, duration=2, connections=connections)
    app_pids = [pid for server in (app or [name]) for pid in servers.pids(server)]
    app_before, back_before = cpu_ticks(app_pids), backstage.ticks()
    busy_before, all_before = machine_ticks()
    wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = wrk(port, path, cookies=cookies, duration=args.duration, connections=connections)
    wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy_after, all_after = machine_ticks()
    app_ticks = spent(app_before, cpu_ticks(app_pids))
    back_ticks = spent(back_before, backstage.ticks())
    hertz = os.sysconf("SC_CLK_TCK")
    wrk_ticks = (
        wrk_after.ru_utime + wrk_after.ru_stime - wrk_before.ru_utime - wrk_before.ru_stime
    ) * hertz
    requests = result["requests"]
    result["app_ms"] = app_ticks / hertz * 1000 / requests if requests else None
    result["backstage_ms"] = back_ticks / hertz * 1000 / requests if requests else None
    others = busy_after - busy_before - app_ticks - back_ticks - wrk_ticks
    result["others"] = max(others, 0) / max(all_after - all_before, 1)
    return result


def probe(python, cwd, env, *arguments, timeout=300):
    output = run(
        [python, BENCH / "probe.py", *arguments], env=env, cwd=cwd, capture=True, timeout=timeout
    )
    return json.loads(output.strip().splitlines()[-1])


def timings(port, paths, *, samples, cookies=None):
    """Server time seen by one client, one request at a time, cycling through `paths`."""
    for path in paths:  # warm each URL's code path once
        request(port, path, cookies=cookies)
    seconds, statuses = [], collections.Counter()
    for number in range(samples):
        status, _headers, _body, elapsed = request(
            port, paths[number % len(paths)], cookies=cookies
        )
        statuses[status] += 1
        seconds.append(elapsed * 1000)
    return {
        "urls": len(paths),
        "n": samples,
        "p50": statistics.median(seconds),
        "p95": statistics.quantiles(seconds, n=20)[18],
        "max": max(seconds),
        "statuses": dict(statuses),
    }


def desk_paths(postgres, sample):
    """The translation desk's pages to time (translations/desk_views.py): what a translator
    opens first, each filter on the archive's biggest groups, a deep page, other kinds."""

    def pk(cursor, table, slug, column="id"):
        cursor.execute(f"SELECT {column} FROM {table} WHERE slug = %s", [slug])
        return cursor.fetchone()[0]

    with (
        contextlib.closing(psycopg2.connect(postgres.url(OUR_DATABASE))) as connection,
        connection.cursor() as cursor,
    ):
        topic = pk(cursor, "articles_topic", sample["topics_en"][0][0])
        # The author filter takes part of a name.
        author = pk(cursor, "articles_author", sample["authors_en"][0][0], column="name_en")
        kind = pk(cursor, "articles_kind", "analyses")
    desk = "/en/admin/translations/"
    middle = max(1, sample["articles"] // 50 // 2)  # the desk shows 50 a page
    return [
        ("desk", desk),
        ("desk, Arabic admin", "/ar/admin/translations/"),
        ("desk, out of date", f"{desk}?state=out-of-date"),
        ("desk, English missing", f"{desk}?state=missing&language=en"),
        ("desk, complete in every language", f"{desk}?state=complete"),
        (f"desk, page {middle}", f"{desk}?p={middle}"),
        ("desk, the biggest topic", f"{desk}?topic={topic}"),
        ("desk, the biggest topic, out of date", f"{desk}?topic={topic}&state=out-of-date"),
        ("desk, the most prolific author", f"{desk}?author={quote(author)}"),
        ("desk, kind: analyses, missing", f"{desk}?kind={kind}&state=missing"),
        ("desk, news items", f"{desk}?document=news"),
        ("desk, authors", f"{desk}?document=authors"),
    ]


def wait_until_quiet(limit):
    deadline = time.monotonic() + limit
    while (load := float(Path("/proc/loadavg").read_text().split()[0])) >= 0.5:
        if time.monotonic() > deadline:
            say(f"The machine is still busy (load average {load}); measuring anyway.")
            return
        say(f"Waiting for the machine to be idle (load average {load})…")
        time.sleep(15)


def quote(text):
    from urllib.parse import quote as url_quote

    return url_quote(text)


def machine():
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{os.cpu_count()} CPUs ({model}), {memory:.0f} GiB"


# Report


def fmt(value, digits=0, suffix=""):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def main():
    args = parse_arguments()
    VAR.mkdir(parents=True, exist_ok=True)
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install -y wrk nginx")
    postgres = Postgres(args.server)
    secret = secrets.token_urlsafe(50)
    ours_env = our_environment(args, postgres, secret)
    wagtail_env = wagtail_environment(postgres, secret)
    cache = redis.Redis.from_url(args.redis)

    def forget_cached_pages():
        for key in cache.scan_iter(f"{CACHE_PREFIX}:*", count=1000):
            cache.delete(key)

    started = time.perf_counter()
    wait_until_quiet(args.quiet_wait)
    seeding = prepare_ours(args, postgres, ours_env)
    prepare_wagtail(postgres, wagtail_env)
    sample = probe(sys.executable, ROOT, ours_env, "sample")
    forget_cached_pages()

    backstage = Backstage(postgres, cache)
    wait_until_quiet(args.quiet_wait)
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    servers = Servers()
    # Stop the servers on Ctrl-C or a TERM as on a normal end.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    rows, timing_rows, admin_rows, desk_rows, notes = [], [], [], [], []
    rendering = None
    try:
        say("Starting the servers")
        servers.gunicorn("ours", sys.executable, "thinktank.wsgi:application", env=ours_env)
        servers.gunicorn(
            "wagtail",
            WAGTAIL_VENV / "bin" / "python",
            "benchsite.wsgi:application",
            env=wagtail_env,
            cwd=WAGTAIL_PROJECT,
        )
        hello_env = {**os.environ, "DJANGO_SECRET_KEY": secret}
        servers.gunicorn(
            "hello", sys.executable, "hello_world:application", env=hello_env, cwd=BENCH
        )
        article = f"/en/articles/{REFERENCE}/"
        wagtail_article = f"/articles/{REFERENCE}/"
        wait_for(PORTS["ours"], article)
        wait_for(PORTS["wagtail"], wagtail_article)
        wait_for(PORTS["hello"], "/")

        # The static file: the bytes of our cached article page.
        request(PORTS["ours"], article)
        _status, headers, body, _seconds = request(PORTS["ours"], article)
        if headers.get("X-Cache") != "hit":
            notes.append(
                f"our article page was not served from the cache (X-Cache: "
                f"{headers.get('X-Cache')!r})"
            )
        root = NGINX_DIR / "root"
        shutil.rmtree(NGINX_DIR, ignore_errors=True)
        for folder in ("root", "tmp", "cache"):
            (NGINX_DIR / folder).mkdir(parents=True)
            if os.geteuid() == 0:  # nginx's workers run as nobody and write here
                shutil.chown(NGINX_DIR / folder, "nobody", "nogroup")
        (root / "article.html").write_bytes(body)
        (NGINX_DIR / "nginx.conf").write_text(nginx_config(root))
        servers.start(
            "static",
            [
                "nginx",
                "-p",
                NGINX_DIR,
                "-c",
                NGINX_DIR / "nginx.conf",
                "-e",
                NGINX_DIR / "error.log",
                "-g",
                "daemon off;",
            ],
        )
        wait_for(PORTS["static"], "/article.html")
        wait_for(PORTS["microcache"], article)
        served = request(PORTS["static"], "/article.html")[2]
        if served != body:
            raise SystemExit("nginx does not serve the same bytes as our article page.")

        # The pages, as wrk will ask for them.
        topic, topic_count = sample["topics_en"][0]
        author, author_count = sample["authors_en"][0]
        search_words = "terrorist organizations"
        pages = [
            ("article", article, "the reference article"),
            ("home", "/en/", ""),
            ("list", "/en/articles/", f"{sample['published_en']:,} articles"),
            ("topic", f"/en/topics/{topic}/", f"{topic_count:,} articles"),
            ("author", f"/en/authors/{author}/", f"{author_count:,} articles"),
            ("news", "/en/news/", ""),
            ("search", f"/en/search/?q={quote(search_words)}", f"“{search_words}”"),
        ]

        say("Counting SQL queries")
        counted = probe(
            sys.executable,
            ROOT,
            ours_env,
            "queries",
            json.dumps(
                [{"path": path, "cookies": UNCACHED} for _kind, path, _what in pages]
                + [{"path": path} for _kind, path, _what in pages]
            ),
        )
        queries = {(item["path"], bool(n < len(pages))): item for n, item in enumerate(counted)}
        wagtail_counted = probe(
            WAGTAIL_VENV / "bin" / "python",
            WAGTAIL_PROJECT,
            wagtail_env,
            "queries",
            json.dumps([{"path": wagtail_article}]),
        )[0]
        (VAR / "queries.json").write_text(json.dumps([*counted, wagtail_counted], indent=1))

        say(f"Load: wrk, {args.duration} s per target after a 2 s warm-up")
        wagtail = load(servers, backstage, "wagtail", wagtail_article, args=args)
        wagtail["queries"], wagtail["bytes"] = wagtail_counted["queries"], wagtail_counted["bytes"]
        static = load(
            servers,
            backstage,
            "static",
            "/article.html",
            args=args,
            connections=args.static_connections,
        )
        static["bytes"] = len(body)
        hello = load(servers, backstage, "hello", "/", args=args)
        rows.append(("Wagtail 7.4: article page", wagtail, ""))
        rows.append(("nginx: article bytes as a static file", static, ""))
        rows.append(("Django hello world", hello, ""))
        for kind, path, what in pages:
            for cached in (False, True):
                result = load(
                    servers,
                    backstage,
                    "ours",
                    path,
                    args=args,
                    cookies=None if cached else UNCACHED,
                )
                counted = queries[(path, not cached)]
                result["queries"], result["bytes"] = counted["queries"], counted["bytes"]
                if cached and counted["x_cache"] != "hit":
                    notes.append(f"{kind}: the cached request was a cache {counted['x_cache']!r}")
                ratio = ""
                if kind == "article":
                    ratio = (
                        f"{result['rps'] / static['rps']:.0%} of nginx"
                        if cached
                        else f"{result['rps'] / wagtail['rps']:.1f}× Wagtail"
                    )
                label = f"ours: {kind}, {'cached' if cached else 'uncached'}"
                rows.append((label + (f" ({what})" if what else ""), result, ratio))
                say(f"  {label}: {result['rps']:,.0f} req/s")
        micro = load(
            servers,
            backstage,
            "microcache",
            article,
            args=args,
            connections=args.static_connections,
            app=["static", "ours"],
        )
        micro["bytes"] = len(body)
        rows.append(
            (
                "ours through nginx (deploy/nginx.conf's page cache): article",
                micro,
                f"{micro['rps'] / static['rps']:.0%} of nginx",
            )
        )
        if request(PORTS["microcache"], article)[1].get("X-Proxy-Cache") != "HIT":
            notes.append("through nginx, the article page was not a hit of its page cache")

        say("CPU per article request, with and without the values the site remembers")
        rendering = probe(
            sys.executable,
            ROOT,
            ours_env,
            "render",
            article,
            200,
            f"sessionid={UNCACHED['sessionid']}",
        )

        say(f"Server time, one request at a time, {args.samples} requests per page type")
        ar, en = sample["articles_ar"], sample["articles_en"]
        words = {code: sample[f"title_words_{code}"] for code in ("ar", "en")}
        searches = [
            f"/{code}/search/?q={quote(query)}"
            for code in ("ar", "en")
            for query in (
                *words[code][:6],
                " ".join(words[code][6:8]),
                " ".join(words[code][8:10]),
                *({"ar": ["سوريا", "الإرهاب"], "en": ["syria", "terrorist organizations"]}[code]),
            )
        ]
        url_sets = {
            "article": [f"/ar/articles/{quote(slug)}/" for slug in ar[:20]]
            + [f"/en/articles/{quote(slug)}/" for slug in en[:20]]
            + [article, f"/ar/articles/{REFERENCE}/"],
            "home": ["/ar/", "/en/"],
            "list": [
                f"/{code}/articles/?page={page}" for code in ("ar", "en") for page in range(1, 11)
            ],
            "topic": [
                f"/{code}/topics/{slug}/"
                for code in ("ar", "en")
                for slug, _n in sample[f"topics_{code}"]
            ],
            "author": [
                f"/{code}/authors/{slug}/"
                for code in ("ar", "en")
                for slug, _n in sample[f"authors_{code}"]
            ],
            "news": [f"/{code}/news/?page={page}" for code in ("ar", "en") for page in range(1, 6)],
            "search": searches,
        }
        # The SQL of the first URL of each kind, timed by the probe (idle servers).
        first_urls = [{"path": paths[0], "cookies": UNCACHED} for paths in url_sets.values()]
        sql = probe(sys.executable, ROOT, ours_env, "queries", json.dumps(first_urls))
        with open(VAR / "slow-queries.txt", "w") as out:
            for item in sql:
                out.write(f"{item['path']}: {item['queries']} queries, {item['sql_ms']:.0f} ms\n")
                for milliseconds, statement in item["sql"][:3]:
                    out.write(f"  {milliseconds:.1f} ms  {statement}\n")
        for (kind, paths), counted in zip(url_sets.items(), sql, strict=True):
            result = timings(PORTS["ours"], paths, samples=args.samples, cookies=UNCACHED)
            result["first"] = counted
            timing_rows.append((kind, result))
            say(f"  {kind}: p95 {result['p95']:.1f} ms")

        say("Admin, signed in")
        staff = {"sessionid": sample["admin_session"]}
        middle = max(1, sample["articles"] // 100 // 2)  # the admin shows 100 a page
        admin_paths = [
            ("change list", "/en/admin/articles/article/"),
            (f"change list, page {middle}", f"/en/admin/articles/article/?p={middle}"),
            ("change list, search", "/en/admin/articles/article/?q=syria"),
            (
                "change page (reference)",
                f"/en/admin/articles/article/{sample['reference_pk']}/change/",
            ),
            ("change page (seeded)", f"/en/admin/articles/article/{sample['bench_pk']}/change/"),
        ]
        for label, path in admin_paths:
            result = timings(
                PORTS["ours"], [path], samples=max(10, args.samples // 5), cookies=staff
            )
            admin_rows.append((label, result))
            say(f"  {label}: p95 {result['p95']:.0f} ms {result['statuses']}")

        say("The translation desk, signed in")
        for label, path in desk_paths(postgres, sample):
            result = timings(
                PORTS["ours"], [path], samples=max(10, args.samples // 5), cookies=staff
            )
            desk_rows.append((label, path, result))
            say(f"  {label}: p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms")
        counted = probe(
            sys.executable,
            ROOT,
            ours_env,
            "queries",
            json.dumps([{"path": path, "cookies": staff} for _label, path, _r in desk_rows]),
        )
        for (_label, _path, result), found in zip(desk_rows, counted, strict=True):
            result["queries"], result["sql_ms"] = found["queries"], found["sql_ms"]

        say("Profile of one uncached article request (cProfile, through the test client)")
        profiled = probe(
            sys.executable, ROOT, ours_env, "profile", article, f"sessionid={UNCACHED['sessionid']}"
        )
        (VAR / "profile-article.txt").write_text(profiled["report"])
    finally:
        say("Stopping the servers")
        servers.stop()
        forget_cached_pages()

    load_after = Path("/proc/loadavg").read_text().split()[:3]
    notes.append(
        f"load average (1, 5, 15 min) before the servers started: {', '.join(load_before)}; "
        f"at the end: {', '.join(load_after)}"
    )
    report = render(
        args, rows, timing_rows, admin_rows, notes, seeding, sample, profiled, rendering
    )
    report += render_desk(desk_rows)
    path = VAR / f"results-{datetime.datetime.now():%Y%m%d-%H%M}.md"
    path.write_text(report)
    say("")
    say(report)
    say(f"(kept in {path.relative_to(ROOT)}; whole run {time.perf_counter() - started:.0f} s)")


def render_desk(desk_rows):
    """The translation desk's figures (no goal is judged here: they are read against the
    issue's 300 ms)."""
    lines = [
        "",
        "The translation desk, signed in as a superuser (uncached, one request at a time; "
        "queries and SQL ms: one request through the test client):",
        "",
        "| page | p50 ms | p95 ms | max ms | queries | SQL ms | statuses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, _path, result in desk_rows:
        lines.append(
            f"| {label} | {result['p50']:.0f} | {result['p95']:.0f} | {result['max']:.0f} | "
            f"{fmt(result.get('queries'))} | {result.get('sql_ms', 0):.0f} | "
            f"{result['statuses']} |"
        )
    return "\n".join(lines) + "\n"


def render(args, rows, timing_rows, admin_rows, notes, seeding, sample, profiled, rendering):
    lines = [
        f"Run of {datetime.datetime.now():%Y-%m-%d %H:%M} on {machine()}; "
        f"{sample['articles']:,} articles in {OUR_DATABASE}.",
        f"wrk: {args.duration} s per target after 2 s of warm-up, 2 threads, "
        f"{args.connections} connections ({args.static_connections} for nginx), "
        "a new connection per request. CPU ms/req: user+system time of the server's "
        "processes (gunicorn master and workers, or nginx) per request served; DB+cache: "
        "the same for the PostgreSQL backends of the bench databases (with parallel workers) "
        "and Redis; others: "
        "the share of the machine's CPU used by anything else during the run.",
        "",
        "| target | req/s | p50 ms | p99 ms | CPU ms/req | DB+cache ms/req | queries | bytes "
        "| others | ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, result, ratio in rows:
        errors = result["errors"] + (1 if result["socket_errors"] else 0)
        lines.append(
            f"| {label} | {fmt(result['rps'])} | {fmt(result['p50'], 1)} | "
            f"{fmt(result['p99'], 1)} | {fmt(result['app_ms'], 2)} | "
            f"{fmt(result['backstage_ms'], 2)} | {fmt(result.get('queries'))} | "
            f"{fmt(result.get('bytes'))} | {result['others']:.0%} | {ratio}"
            + (f" ({result['errors']} non-2xx, {result['socket_errors']})" if errors else "")
            + " |"
        )
    lines += [
        "",
        f"Server time, uncached (session cookie), one request at a time, {args.samples} "
        "requests per page type cycling over its URLs (Arabic and English). The SQL time is of "
        "one request to the kind's first URL, through the test client (var/bench/"
        "slow-queries.txt has the slowest statements):",
        "",
        "| page | URLs | p50 ms | p95 ms | max ms | statuses | first URL: queries, SQL ms "
        "(slowest) |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for kind, result in timing_rows:
        first = result["first"]
        slowest = first["sql"][0][0] if first["sql"] else 0
        lines.append(
            f"| {kind} | {result['urls']} | {result['p50']:.1f} | {result['p95']:.1f} | "
            f"{result['max']:.1f} | {result['statuses']} | {first['queries']}, "
            f"{first['sql_ms']:.0f} ({slowest:.0f}) |"
        )
    lines += [
        "",
        "Admin, signed in as a superuser:",
        "",
        "| page | p50 ms | p95 ms | max ms | statuses |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for label, result in admin_rows:
        lines.append(
            f"| {label} | {result['p50']:.0f} | {result['p95']:.0f} | {result['max']:.0f} | "
            f"{result['statuses']} |"
        )
    by_label = {label.split(" (")[0]: result for label, result, _ratio in rows}
    wagtail = by_label["Wagtail 7.4: article page"]
    static = by_label["nginx: article bytes as a static file"]
    uncached = by_label["ours: article, uncached"]
    cached = by_label["ours: article, cached"]
    stack = by_label["ours through nginx"]
    p95 = {kind: result["p95"] for kind, result in timing_rows}
    admin = {label: result["p95"] for label, result in admin_rows}

    def verdict(met):
        return "met" if met else "NOT met"

    lines += [
        "",
        "Goals:",
        "",
        f"- uncached article ≥ {GOALS['uncached_ratio']}× Wagtail: "
        f"{uncached['rps'] / wagtail['rps']:.1f}× ({uncached['rps']:,.0f} vs "
        f"{wagtail['rps']:,.0f} req/s): "
        f"{verdict(uncached['rps'] >= GOALS['uncached_ratio'] * wagtail['rps'])}",
        f"- uncached article in ≤ {GOALS['max_queries']} queries: {uncached['queries']} "
        f"(with the session cookie; Wagtail {wagtail['queries']}): "
        f"{verdict(uncached['queries'] <= GOALS['max_queries'])}",
        f"- cached article ≥ {GOALS['cached_share']:.0%} of nginx static, through the "
        f"site's serving stack (nginx with deploy/nginx.conf's page cache, then gunicorn): "
        f"{stack['rps'] / static['rps']:.0%} ({stack['rps']:,.0f} vs {static['rps']:,.0f} "
        f"req/s): {verdict(stack['rps'] >= GOALS['cached_share'] * static['rps'])}; "
        f"gunicorn and the reader cache alone: {cached['rps'] / static['rps']:.0%} "
        f"({cached['rps']:,.0f} req/s)",
        f"- p95 under {GOALS['p95_ms']} ms at {sample['articles']:,} articles: "
        + ", ".join(f"{kind} {value:.0f}" for kind, value in p95.items())
        + f": {verdict(all(value < GOALS['p95_ms'] for value in p95.values()))}",
        f"- admin under {GOALS['admin_ms']} ms (p95): "
        + ", ".join(f"{label} {value:.0f}" for label, value in admin.items())
        + f": {verdict(all(value < GOALS['admin_ms'] for value in admin.values()))}",
    ]
    if seeding is not None:
        lines.append(f"- seeding {args.articles:,} articles took {seeding:.0f} s in this run")
    lines += [f"- note: {note}" for note in notes]
    lines += [
        "",
        f"CPU per uncached article request through the test client ({rendering['path']}, "
        f"200 requests): {rendering['remembered_ms']:.2f} ms as the site runs (its rendered "
        f"body, the center news and the counts remembered between changes of content), "
        f"{rendering['nothing_remembered_ms']:.2f} ms with nothing remembered (every request "
        "renders everything, as after each edit).",
    ]
    lines += [
        "",
        f"One uncached article request under cProfile: {profiled['queries']} queries, "
        f"{profiled['sql_ms']:.1f} ms in SQL (full report in var/bench/profile-article.txt).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
