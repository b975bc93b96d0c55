"""
Real services that the operations tests start and stop: a Redis server, a PostgreSQL
cluster of their own, and the site under gunicorn in production mode.

Each listens on a free loopback port, starts and stops within a bounded time, and is
ended however the test ends. The shared PostgreSQL and Redis are never stopped: other
people's tests use them.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

# The loopback deployment's process helpers (deploy/ is on the tests' path): one copy.
from loopback_site import free_port
from loopback_site import wait_until as loopback_wait_until

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 30
COMMAND_SECONDS = 180


def wait_until(condition, what, seconds=STARTUP_SECONDS):
    return loopback_wait_until(condition, what, seconds)


def database_url():
    """The test database as a DATABASE_URL, for servers a test starts in other processes."""
    from django.db import connection

    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


def end(process, seconds=10):
    """Stop a process we started: politely, then not."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(seconds)


def site_environment(**variables):
    """This machine's environment without the site's own settings, plus `variables`."""
    own = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX", "PG")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    environment["DJANGO_SETTINGS_MODULE"] = "thinktank.settings"
    environment.update(variables)
    return environment


def production_environment(**variables):
    """What a production server is given (DJANGO_DEBUG=0), plus `variables`."""
    return site_environment(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # AppServer runs one gunicorn worker: its own memory may be the cache.
        DJANGO_SINGLE_PROCESS="1",
        **variables,
    )


def manage(*arguments, environment, check=True):
    """Run `manage.py ARGUMENTS` as an operator would, in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(arguments)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


class RedisServer:
    """A Redis of the test's own, keeping nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--bind", "127.0.0.1", "--port", str(self.port)),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, f"Redis did not answer on port {self.port}")

    def stop(self):
        end(self.process)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False


def postgres_bindir():
    """Where initdb and pg_ctl are (Debian keeps them out of PATH), or None."""
    candidates = []
    if shutil.which("pg_config"):
        result = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(Path(result.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    return next((path for path in candidates if (path / "initdb").exists()), None)


class PostgresCluster:
    """
    A PostgreSQL server of the test's own, in a temporary folder, that can be stopped
    and started again without disturbing the shared one.
    """

    def __init__(self, bindir):
        self.bindir = bindir
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="thinktank-pg-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root: as root, run it as the postgres account.
        self.as_owner = {}
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_owner = {"user": "postgres", "group": "postgres", "extra_groups": []}
        self.run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync")

    def run(self, program, *arguments):
        subprocess.run(
            [self.bindir / program, *map(str, arguments)],
            cwd=self.folder,
            check=True,
            capture_output=True,
            timeout=COMMAND_SECONDS,
            **self.as_owner,
        )

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        log = self.folder / "log"
        self.run("pg_ctl", "-D", self.data, "-o", options, "-l", log, "-w", "-t", 30, "start")

    def stop(self):
        # "fast": open connections are cut, as in a restart or a failover.
        self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def create_database(self, name):
        self.run("createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name)

    def remove(self):
        subprocess.run(
            [self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
            capture_output=True,
            timeout=COMMAND_SECONDS,
            **self.as_owner,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


class AppServer:
    """The site under gunicorn with one worker, so that every request meets the same process."""

    def __init__(self, environment, log):
        self.environment = environment
        self.port = free_port()
        self.log = log
        self.process = None

    def start(self):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "thinktank.wsgi"),
                    *("--bind", f"127.0.0.1:{self.port}", "--workers", "1"),
                    *("--timeout", "30", "--no-control-socket"),
                ],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=log,
            )
        wait_until(self.answers, f"gunicorn did not answer on port {self.port}")

    def stop(self):
        end(self.process)

    def answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {self.log}")
        try:
            self.get("/healthz")
        except OSError:
            return False
        return True

    def get(self, path):
        """GET `path` as the proxy in front would pass it on: (status, headers, body)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"},
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.headers, error.read().decode()

    def worker_pids(self):
        """The processes gunicorn forked to serve requests."""
        pids = set()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            # pid (name) state ppid …; the name may itself hold spaces and parentheses.
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                pids.add(int(entry.name))
        return pids
