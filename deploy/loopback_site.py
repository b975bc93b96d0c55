"""
The deployment of docs/deployment.md, stood up on this machine's loopback addresses for
multi_server_check.py and load_run.py: a database of its own on the PostgreSQL server
that DATABASE_URL names, the shared Redis under a key prefix of its own, one media folder
for every app server, two gunicorn app servers in production mode, and nginx running
deploy/nginx.conf itself with only its CHANGE values replaced (and a throwaway
certificate). Nothing listens beyond 127.0.0.1.

Everything it starts it stops, however the script ends; the database and the cache keys
it made it removes. It needs nginx and openssl (Debian packages nginx and openssl),
PostgreSQL and Redis running, and the project installed with its test extras.
"""

import http.cookies
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import redis
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
DEMO_ARTICLE = "why-aqim-is-interested-in-syria"
ADMIN = "/en/admin/"
EDITOR = "loopback-editor"
STOP_SECONDS = 10

SETUP = f"""
import os
from django.contrib.auth import get_user_model
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo", verbosity=0)
get_user_model().objects.create_superuser("{EDITOR}", password=os.environ["EDITOR_PASSWORD"])
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} within {seconds} s")


def _exit_on_sigterm(signum, frame):
    # A script stopped with SIGTERM still runs its `finally` blocks, so stops what it started.
    raise SystemExit(128 + signum)


class LoopbackSite:
    """`with LoopbackSite() as site:` two app servers and nginx, ready for requests."""

    def __init__(self, app_servers=2, workers=2):
        if app_servers != 2:
            raise ValueError("deploy/nginx.conf lists two app servers")
        self.workers = workers
        self.server_url = os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
        )
        self.redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
        self.name = f"thinktank_loopback_{os.getpid()}"
        self.cache_prefix = f"thinktank-loopback-{os.getpid()}"
        self.editor_password = secrets.token_urlsafe(18)
        # One key for every app server: each must read the sessions the others signed.
        self.secret_key = secrets.token_urlsafe(50)
        self.folder = None
        self.database_made = False
        self.app_servers = []  # (port, process)
        self.nginx = None
        self.https_port = self.http_port = None

    # Starting and stopping.

    def __enter__(self):
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise SystemExit("nginx is not installed: apt-get install -y nginx")
        self.folder = Path(tempfile.mkdtemp(prefix="thinktank-loopback-"))
        # nginx's workers run as an unprivileged user: they must reach the media folder.
        self.folder.chmod(0o755)
        (self.folder / "media").mkdir(mode=0o755)
        # nginx's page cache (deploy/nginx.conf), written by its workers.
        (self.folder / "nginx-cache").mkdir(mode=0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder / "nginx-cache", "nobody", "nogroup")
        self.administer(f'CREATE DATABASE "{self.name}"')
        self.database_made = True
        say(f"database {self.name}, media {self.folder / 'media'}")
        with ThreadPoolExecutor(max_workers=1) as background:
            collected = background.submit(self.manage, "collectstatic", "--no-input")
            self.manage("shell", "-c", SETUP)
            collected.result()
        for _number in range(2):
            port = free_port()
            self.app_servers.append((port, self.start_app_server(port)))
        for port, _process in self.app_servers:
            wait_until(lambda port=port: self.answers(f"http://127.0.0.1:{port}"), "gunicorn")
        self.start_nginx(nginx)
        wait_until(lambda: self.answers(self.url), "nginx")
        say(f"nginx on {self.url}, app servers on ports {[p for p, _ in self.app_servers]}")

    def stop(self):
        # Every step is tried, whatever the one before did: processes first.
        processes = [process for _port, process in self.app_servers]
        for process in [self.nginx, *processes]:
            end_group(process)
        if self.database_made:
            try:
                self.administer(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                self.database_made = False
            except psycopg2.Error as error:
                say(f"could not drop the database {self.name}: {error}")
        try:
            connection = redis.Redis.from_url(self.redis_url)
            keys = list(connection.scan_iter(match=f"{self.cache_prefix}:*", count=1000))
            if keys:
                connection.delete(*keys)
        except redis.RedisError as error:
            say(f"could not remove the cache keys {self.cache_prefix}:*: {error}")
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def kill_app_server(self, index):
        """Kill an app server and its workers at once, as a crash or a power cut would."""
        port, process = self.app_servers[index]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_SECONDS)
        return port

    def upstream_failures(self):
        """What nginx logged about app servers that failed it (and it went past)."""
        log = self.folder / "nginx-error.log"
        return [line for line in log.read_text().splitlines() if "upstream" in line]

    # The parts.

    @property
    def url(self):
        return f"https://localhost:{self.https_port}"

    def app_server_url(self, index):
        return f"http://127.0.0.1:{self.app_servers[index][0]}"

    @property
    def database_url(self):
        parts = urllib.parse.urlsplit(self.server_url)
        return parts._replace(path=f"/{self.name}").geturl()

    def administer(self, statement):
        connection = psycopg2.connect(self.server_url)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def environment(self):
        own = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX")
        environment = {k: v for k, v in os.environ.items() if not k.startswith(own)}
        environment.update(
            DJANGO_SETTINGS_MODULE="thinktank.settings",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=self.secret_key,
            DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            CACHE_KEY_PREFIX=self.cache_prefix,
            DJANGO_MEDIA_ROOT=str(self.folder / "media"),
            DJANGO_STATIC_ROOT=str(self.folder / "static"),
            EDITOR_PASSWORD=self.editor_password,
        )
        return environment

    def manage(self, *arguments):
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment(),
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=300,
        )

    def start_app_server(self, port):
        """The gunicorn command of docs/deployment.md, on a loopback port."""
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "thinktank.wsgi"),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(self.workers)),
                *("--timeout", "30", "--graceful-timeout", str(STOP_SECONDS)),
                "--no-control-socket",
                *("--error-logfile", str(self.folder / f"gunicorn-{port}.log")),
            ],
            cwd=ROOT,
            env=self.environment(),
            # Its own process group, so that its workers are stopped with it.
            start_new_session=True,
        )

    def start_nginx(self, nginx):
        self.https_port, self.http_port = free_port(), free_port()
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
                *("-subj", "/CN=localhost", "-keyout", str(self.folder / "site.key")),
                *("-out", str(self.folder / "site.pem")),
            ],
            check=True,
            capture_output=True,
        )
        site = nginx_site(
            {
                "127.0.0.1:8001": f"127.0.0.1:{self.app_servers[0][0]}",
                "127.0.0.1:8002": f"127.0.0.1:{self.app_servers[1][0]}",
                "listen 80;": f"listen 127.0.0.1:{self.http_port};",
                "listen [::]:80;": "",
                "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https_port} ssl http2;",
                "listen [::]:443 ssl http2;": "",
                "example.org": "localhost",
                "/etc/ssl/certs/thinktank.pem": str(self.folder / "site.pem"),
                "/etc/ssl/private/thinktank.key": str(self.folder / "site.key"),
                "/srv/thinktank/media/": f"{self.folder / 'media'}/",
                "/var/cache/nginx/thinktank": str(self.folder / "nginx-cache"),
            }
        )
        (self.folder / "site.conf").write_text(site)
        temp = self.folder / "nginx-temp"
        temp.mkdir()
        (self.folder / "nginx.conf").write_text(
            f"""
            worker_processes 1;
            pid {self.folder}/nginx.pid;
            events {{ worker_connections 1024; }}
            http {{
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log off;
                error_log {self.folder}/nginx-error.log warn;
                client_body_temp_path {temp}/body;
                proxy_temp_path {temp}/proxy;
                fastcgi_temp_path {temp}/fastcgi;
                uwsgi_temp_path {temp}/uwsgi;
                scgi_temp_path {temp}/scgi;
                include {self.folder}/site.conf;
            }}
            """
        )
        self.nginx = subprocess.Popen(
            [
                *(nginx, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")),
                *("-e", str(self.folder / "nginx-error.log"), "-g", "daemon off;"),
            ],
            start_new_session=True,
        )

    def answers(self, base_url):
        for process in [self.nginx, *(process for _port, process in self.app_servers)]:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"a server exited early; see the logs in {self.folder}")
        try:
            return Client(base_url).get("/healthz").status == 200
        except OSError:
            return False


def nginx_site(replacements):
    """deploy/nginx.conf with its CHANGE values replaced, each of which must be there."""
    text = NGINX_CONF.read_text()
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"deploy/nginx.conf no longer has {old!r}: update {__file__}")
        text = text.replace(old, new)
    return text


def end_group(process):
    """Stop a process and the children in its group: politely, then not."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_SECONDS)
    except ProcessLookupError:
        pass


def say(message):
    print(message, flush=True)


# A reader's or an editor's browser.


@dataclass
class Response:
    status: int
    headers: object
    text: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# The throwaway certificate is self-signed: only loopback addresses are ever asked.
_UNVERIFIED = ssl.create_default_context()
_UNVERIFIED.check_hostname = False
_UNVERIFIED.verify_mode = ssl.CERT_NONE


class Client:
    """
    Keeps its cookies, follows no redirects, and when it asks an app server directly
    (http://) sends the headers nginx would add.
    """

    def __init__(self, base_url):
        self.base_url = base_url
        self.direct = base_url.startswith("http://")
        self.cookies = {}
        self.opener = urllib.request.build_opener(
            _NoRedirects, urllib.request.HTTPSHandler(context=_UNVERIFIED)
        )

    def get(self, path, timeout=30, headers=None):
        return self.request(path, timeout=timeout, headers=headers)

    def post(self, path, data, timeout=30):
        return self.request(path, data, timeout=timeout)

    def request(self, path, data=None, timeout=30, headers=None):
        """`headers` (e.g. another Host than the address's) go with the request."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.direct:
            headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"})
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            origin = "https://" + urllib.parse.urlsplit(self.base_url).netloc
            headers.update({"Origin": origin, "Referer": origin + path})
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=timeout) as answer:
                response = Response(answer.status, answer.headers, answer.read().decode())
        except urllib.error.HTTPError as error:
            with error:
                response = Response(error.code, error.headers, error.read().decode())
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response


def form_data(html, form_id):
    """What a browser would submit for the form as rendered (empty inline forms left out)."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    if form is None:
        raise RuntimeError(f"no form #{form_id} on the page")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or "__prefix__" in name or field.get("type") in {"submit", "file"}:
            continue
        if field.name == "textarea":
            data[name] = field.get_text().removeprefix("\n")
        elif field.name == "select":
            chosen = [option["value"] for option in field.find_all("option", selected=True)]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


class Editor:
    """A member of staff at the admin, through `client`."""

    def __init__(self, client):
        self.client = client

    def sign_in(self, username, password):
        login = f"{ADMIN}login/"
        token = form_data(self.client.get(login).text, "login-form")["csrfmiddlewaretoken"]
        response = self.client.post(
            login,
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if response.status != 302:
            raise RuntimeError(f"sign-in refused ({response.status})")

    def article_id(self, slug):
        page = self.client.get(f"{ADMIN}articles/article/?q={slug}").text
        match = re.search(r"/articles/article/(\d+)/change/", page)
        if match is None:
            raise RuntimeError(f"no article {slug} in the admin")
        return int(match.group(1))

    def article_form(self, article_id):
        response = self.client.get(f"{ADMIN}articles/article/{article_id}/change/")
        if response.status != 200:
            raise RuntimeError(f"the change page answered {response.status}")
        return form_data(response.text, "article_form")

    def version(self, article_id):
        """The article's edit counter, which each save moves on by one."""
        return int(self.article_form(article_id)["loaded_version"])

    def rename(self, article_id, title):
        """Open the change page, set the English title, press Save."""
        data = self.article_form(article_id)
        data.update({"title_en": title, "_save": "Save"})
        response = self.client.post(f"{ADMIN}articles/article/{article_id}/change/", data)
        if response.status != 302:
            errors = BeautifulSoup(response.text, "html.parser").select(".errorlist")
            raise RuntimeError(f"save refused ({response.status}): {errors}")


def title_of(html):
    heading = BeautifulSoup(html, "html.parser").h1
    return heading.get_text(strip=True) if heading else None
