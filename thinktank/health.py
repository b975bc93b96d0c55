"""
/healthz: whether this app server can serve pages, for a load balancer.

200 when the database answers, 503 when it does not, so that the balancer sends readers
to another server. The cache is reported too, but a cache that is down still gives 200:
pages are then served uncached (django-redis's IGNORE_EXCEPTIONS), slower but correct.
"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    state = {"database": database_state(), "cache": cache_state()}
    return JsonResponse(state, status=200 if state["database"] == "ok" else 503)


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "down"
    return "ok"


def cache_state():
    # A cache that swallows its errors answers a lost connection with "no such key", so
    # only a value written and read back proves that it works. The key is this request's
    # own: several servers check the one shared cache at once.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        working = cache.get(key) == "ok"
        cache.delete(key)
    except Exception:  # a cache backend that raises when down is down, not a crash here
        working = False
    return "ok" if working else "down"
