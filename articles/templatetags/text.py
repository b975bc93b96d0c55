"""
Body text as readers see it. Editors write plain paragraphs with a few marks for what
Word gave them: *emphasis*, **strong**, `code` and [links](https://…) (the importer
writes the same marks). The text is escaped first, so whatever an editor types shows as
typed; Markdown then reads only those inline marks (no headings, lists or quotes: a
paragraph stays a paragraph), and nh3 keeps only inline emphasis, code and http(s)/mailto
links.
"""

import threading

import markdown
import nh3
from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from markdown.util import AtomicString

register = template.Library()

ALLOWED_TAGS = {"em", "strong", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Markdown's readers of blocks and of the inline forms we do not offer.
BLOCK_READERS = [
    "empty",
    "indent",
    "code",
    "hashheader",
    "setextheader",
    "hr",
    "olist",
    "ulist",
    "quote",
    "reference",
]
INLINE_READERS = [
    "html",
    "autolink",
    "automail",
    "image_link",
    "image_reference",
    "short_image_ref",
    "linebreak",
]

_local = threading.local()


class EscapedBacktickProcessor(BacktickInlineProcessor):
    """
    `code` in text that is escaped already. Markdown escapes a code span's text again,
    so "AT&T", escaped to "AT&amp;T" before Markdown, reached readers as "AT&amp;T"
    shown literally. The span's text is taken back to what it was before Markdown's
    second escaping: Markdown escapes every "&" (and the text holds no "<" or ">",
    escaped as it is), so turning each "&amp;" back into "&" undoes exactly that.
    """

    def handleMatch(self, m, data):
        element, start, end = super().handleMatch(m, data)
        if element is not None and not isinstance(element, str):
            element.text = AtomicString(element.text.replace("&amp;", "&"))
        return element, start, end


def _reader():
    # Markdown objects keep state while converting: one per thread.
    if not hasattr(_local, "markdown"):
        reader = markdown.Markdown(output_format="html")
        for name in BLOCK_READERS:
            if name in reader.parser.blockprocessors:
                reader.parser.blockprocessors.deregister(name)
        for name in INLINE_READERS:
            if name in reader.inlinePatterns:
                reader.inlinePatterns.deregister(name)
        # Same name and priority: it replaces Markdown's own code span reader.
        reader.inlinePatterns.register(EscapedBacktickProcessor(BACKTICK_RE), "backtick", 190)
        _local.markdown = reader
    return _local.markdown


@register.filter
def inline_markup(paragraph):
    """One paragraph of body text, with its emphasis and links, safe to show."""
    reader = _reader()
    html = reader.reset().convert(escape(str(paragraph)))
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return mark_safe(cleaned.strip())
