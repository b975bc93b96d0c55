from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from .site import site as site_in_language


def languages(request):
    """The current page in each of the site's languages, for the language switch and hreflang."""
    current = get_language()
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                # Inside a sentence ("Search in …"): the name in the page's language.
                "translated_name": str(get_language_info(code)["name_translated"]),
                "url": url,
                "absolute_url": absolute_uri(request, url),
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return {
        "language_alternates": alternates,
        "other_languages": [alt for alt in alternates if alt["code"] != current],
        # The page's address without its query string (page numbers aside).
        "canonical_url": absolute_uri(request, canonical_path(request)),
    }


def site(request):
    """The center's name, short name and logo in the page's language (core/site.py)."""
    return {"site": site_in_language()}


def absolute_uri(request, location):
    """
    `location` with the site's scheme and host, or as it is when the request's Host is
    not one of ALLOWED_HOSTS: the page being made is then the 400 page that refuses
    that Host, which must not raise DisallowedHost again while it is rendered.
    """
    try:
        return request.build_absolute_uri(location)
    except DisallowedHost:
        return location


def canonical_path(request):
    """The path, plus the page number when a listing is past its first page."""
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        return f"{request.path}?page={page}"
    return request.path
