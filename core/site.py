"""
The center's own name, short name and logo, from settings (SITE_NAME, SITE_SHORT_NAME,
SITE_LOGO; see thinktank/settings.py). Pages, feeds, citations, schema.org data and the
admin all ask here, so renaming the center is a change of settings, not of templates or
translations.

The full name is the center's identity: the home page, the header and footer,
og:site_name, feed titles, the publisher of a citation. The short name is for where
space is short and the context already says which center: after a page's own title in
the browser's title bar, and the admin's header.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language


def _in_language(names, language):
    """The entry of a {"ar": …, "en": …} setting for `language` (default: the active one),
    else the site's default language's, else any: a page always has a name."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, settings.LANGUAGE_CODE):
        if names.get(code):
            return names[code]
    return next((name for name in names.values() if name), "")


def site_name(language=None):
    """The center's full name in `language` (default: the active language)."""
    return _in_language(settings.SITE_NAME, language)


def site_short_name(language=None):
    """The center's short name in `language`; its full name when no short one is set."""
    return _in_language(settings.SITE_SHORT_NAME, language) or site_name(language)


def site_logo_url():
    """The logo's address, or "" when there is none. SITE_LOGO is a path among the static
    files ("img/logo.svg"): served by this site, which is all the Content-Security-Policy
    lets a page show."""
    return static(settings.SITE_LOGO) if settings.SITE_LOGO else ""


def site(language=None):
    """Everything a template shows of the center, in one language."""
    return {
        "name": site_name(language),
        "short_name": site_short_name(language),
        "logo": site_logo_url(),
    }
