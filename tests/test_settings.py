import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "example.org",
}
# Named, never connected to: loading the settings opens no connection.
REDIS = {"REDIS_URL": "redis://cache.internal:6379/0"}


def site_environment(**variables):
    """This machine's environment without the site's own settings, plus `variables`."""
    own = ("DJANGO_", "REDIS_URL", "CACHE_KEY_PREFIX")
    env = {key: value for key, value in os.environ.items() if not key.startswith(own)}
    env.update(DJANGO_SETTINGS_MODULE="thinktank.settings", **variables)
    return env


def start(**variables):
    """Load the settings in a fresh interpreter, as a server would at start-up."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print('started', settings.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env=site_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )


def check_deploy(**variables):
    """`manage.py check --deploy` in a fresh interpreter: (exit status, all it printed)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=site_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "example.org", **REDIS}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "x" * 50, **REDIS}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(environment, missing):
    result = start(DJANGO_DEBUG="0", **environment)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_starts_with_a_secret_key_and_hosts():
    result = start(**PRODUCTION, **REDIS)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_production_refuses_to_start_with_a_cache_in_each_process():
    """Without REDIS_URL, production will not keep pages in each process's own memory."""
    result = start(**PRODUCTION)
    assert result.returncode != 0
    assert "ImproperlyConfigured: REDIS_URL must be set" in result.stderr
    assert "DJANGO_SINGLE_PROCESS=1" in result.stderr


@pytest.mark.parametrize(
    ("variables", "backend"),
    [
        (REDIS, "django_redis.cache.RedisCache"),
        # Shared by the processes of one machine (docs/deployment.md).
        ({"DJANGO_CACHE_DIR": "/srv/thinktank/cache"}, "filebased.FileBasedCache"),
        # One process: its own memory is everyone's cache.
        ({"DJANGO_SINGLE_PROCESS": "1"}, "locmem.LocMemCache"),
    ],
)
def test_production_starts_with_a_cache_its_processes_share(variables, backend):
    """Redis, a cache folder, or a declared single process are each enough to start."""
    result = start(**PRODUCTION, **variables)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("started") and result.stdout.strip().endswith(backend)


def test_check_deploy_reports_a_cache_in_each_process():
    """`check --deploy` fails on the in-memory cache, unless one process is declared."""
    status, printed = check_deploy(DJANGO_DEBUG="1")
    assert status != 0
    assert "operations.E001" in printed
    status, printed = check_deploy(DJANGO_DEBUG="1", DJANGO_SINGLE_PROCESS="1")
    assert status == 0, printed
    assert "operations.E001" not in printed
