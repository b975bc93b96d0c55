"""
What readers get when the database is out of reach.

A PostgreSQL restart, failover or network cut turns every query into an OperationalError
or an InterfaceError. The project's 500 handler answers those with templates/503.html,
"come back in a moment" in Arabic and English, with Retry-After; any other error still
gets the 500 page. The 503 page is rendered without a request context, so no context
processor runs and nothing touches the database or the session.

A 500 handler rather than a middleware's process_exception: Django calls it after it has
logged the error and sent got_request_exception (articles/images.py removes the upload of
a save that failed on that signal), and for errors raised in middleware as well as in
views. With DEBUG on, Django shows its debugging page instead, as for any error.

Recovery needs nothing from here: with CONN_HEALTH_CHECKS on, Django drops a broken
connection at the start of the next request and opens a new one once the server answers.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.defaults import server_error

# Long enough for a PostgreSQL restart or failover; browsers and crawlers may retry then.
RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def server_error_or_unavailable(request, template_name="500.html"):
    """handler500: the 503 page when the database could not be reached, else the 500 page."""
    if database_unreachable(sys.exc_info()[1]):
        return database_unavailable(request)
    return server_error(request, template_name)


def database_unreachable(error):
    """Whether `error`, or an error it was raised while handling, is a lost database."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def database_unavailable(request):
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A proxy or CDN must not keep serving the outage once the database is back.
    add_never_cache_headers(response)
    return response
