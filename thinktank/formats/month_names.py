"""
Month names, marked for translation so that `locale/ar` can spell them the site's way.

Django's own Arabic catalogue writes April as "إبريل"; the think-tank's pages (and the
reference page) write "أبريل". Translations in LOCALE_PATHS take precedence over
Django's, and marking the names here keeps them in `locale/ar/` when messages are
remade. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
