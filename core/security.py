"""Request checks: who is asking (behind the trusted proxies) and whether it can be read."""

import ipaddress

from django.conf import settings
from django.core.exceptions import BadRequest, DisallowedHost
from django.utils import translation


def client_ip(request):
    """
    The address of whoever sent the request.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the entry `TRUSTED_PROXY_COUNT` places from the right is the one
    the outermost proxy saw; anything to its left came from the client and can be forged.
    With no trusted proxy, or a header that is short or not an address (a request that
    bypassed the proxies), the connection's own address counts; None if that is not one.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if count > 0 and len(entries) >= count and (address := as_address(entries[-count])):
        return address
    return as_address(request.META.get("REMOTE_ADDR"))


def as_address(text):
    """`text` as an IP address, or None when it is not one (it is stored in an IP column)."""
    try:
        return str(ipaddress.ip_address(text or ""))
    except ValueError:
        return None


class RefuseNullCharactersMiddleware:
    """
    Answer "bad request" to an address with a NUL character in its path or query string.

    No page, slug, search or filter can hold one (PostgreSQL refuses NUL in text, as
    Django's form fields do), so such an address is malformed. Without this check, a view
    that looks the value up hands it to the database, whose error becomes a server error.
    Placed after LocaleMiddleware, so that the 400 page is in the language of the path.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the address.")
        return self.get_response(request)


class AllowedHostMiddleware:
    """
    Answer "bad request" to a request whose Host is not one of ALLOWED_HOSTS, before any
    other middleware sees it.

    Django checks the Host only when something asks for it (CommonMiddleware does), and
    the reader cache (core/caching.py) answers from its store before that: a page
    kept there was served to any Host. First in MIDDLEWARE, so that LocaleMiddleware has
    not run: the 400 page is put in the language of the path here, or the site's own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            language = translation.get_language_from_path(request.path_info)
            translation.activate(language or settings.LANGUAGE_CODE)
            # Django answers it with the 400 page and logs it (django.security).
            raise
        return self.get_response(request)
