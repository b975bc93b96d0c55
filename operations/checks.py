"""
System checks of what running the site on several processes needs, reported by
`manage.py check --deploy`.
"""

from django.conf import settings
from django.core import checks

# Cache back-ends whose contents live in one process's memory.
PROCESS_LOCAL_CACHES = {"django.core.cache.backends.locmem.LocMemCache"}


def check_cache_is_shared(app_configs, **kwargs):
    """
    Readers' pages, and the versions that tell when they are stale, are kept in the
    default cache (core/caching.py). In one process's memory, an edit handled by one
    app server or worker would not reach readers of the others for up to an hour, unless
    one process serves the whole site (DJANGO_SINGLE_PROCESS=1).
    """
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PROCESS_LOCAL_CACHES or getattr(settings, "SINGLE_PROCESS", False):
        return []
    return [
        checks.Error(
            "The cache is in each process's memory: readers served by one app server or "
            "worker see an edit made through another only up to an hour later.",
            hint=(
                "Set REDIS_URL (several app servers), or DJANGO_CACHE_DIR to a folder the "
                "processes of one machine share; or DJANGO_SINGLE_PROCESS=1 if one process "
                "serves the whole site."
            ),
            id="operations.E001",
        )
    ]
