"""
What changed in a document's source text since its translation was last saved, for the
side-by-side page: the word diff of the history compare (articles/history.py), with a
word before each change for screen readers, which say nothing of a strike-through.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from articles.history import body_diff, word_diff

# The marks history's diffs open (the text inside them is escaped: no typed "<del>" matches).
CHANGE = re.compile(r'<(del|ins)(?: class="block")?>')


def source_change(old, new, long):
    """HTML of source text `new` against `old` (what the translation was made from):
    paragraph by paragraph for long text, word by word for a line."""
    diff = body_diff(old, new) if long else word_diff(old, new)
    words = {"del": gettext("removed:"), "ins": gettext("added:")}
    # In the interface's language, inside text in the source's.
    language = get_language()

    def spoken(match):
        return format_html(
            '{}<span class="visually-hidden" lang="{}">{} </span>',
            mark_safe(match.group(0)),
            language,
            words[match.group(1)],
        )

    return mark_safe(CHANGE.sub(spoken, str(diff)))
