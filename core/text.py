"""
Joining words into a list the way each language writes one: "A, B and C" in English,
"أ، ب وج" in Arabic (an Arabic comma, and و attached to the last item). Bylines, citations,
feeds, the admin and the history all join through here, so a list reads the same on
every screen.
"""

from contextlib import nullcontext

from django.utils.translation import get_language_info, gettext, override, pgettext


def _in(language):
    return override(language) if language else nullcontext()


def join_list(items, language=None):
    """Items separated by the language's comma ("، " in Arabic); `language` defaults to the
    active one."""
    with _in(language):
        separator = gettext(", ")
    return separator.join(str(item) for item in items)


def join_names(names, language=None):
    """Names as a byline joins them: "A", "A and B", "A, B and C"; in Arabic "أ", "أ وب",
    "أ، ب وج"."""
    names = [str(name) for name in names]
    if len(names) < 2:
        return "".join(names)
    with _in(language):
        separator = gettext(", ")
        last = pgettext("between the last two names of a list", " and ")
    return separator.join(names[:-1]) + last + names[-1]


def language_name(code):
    """A language's name in the interface language ("الإنجليزية", "English"), for use
    inside a sentence; the language switch shows `name_local` instead."""
    return str(get_language_info(code)["name_translated"])


def localized_field_name(verbose_name, code):
    """The label of a field in one language: "العنوان [العربية]", "Title [English]".
    modeltranslation's language tabs strip the bracket, which the tab already says."""
    return f"{verbose_name} [{language_name(code)}]"
