"""
What a reader typed, as a search: the words it looks for, the condition a document must
meet, and how matches are highlighted. On PostgreSQL the condition reads the tsvector
(GIN-indexed); on SQLite the same documents are matched with `contains` on a light stem of
each query word, and snippets are cut in Python.
"""

import functools
import operator
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import ARABIC, CONFIGS, WORD, WRITTEN_WORD, clean, light_stem, normalise, variants

# A query is cut to this many characters and words: nobody searches with a paragraph, and
# a pasted page must not become a query of a thousand terms.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

# The columns a searchable model keeps per language, unless its declaration names others
# (documents.Searchable): the normalised document, and its tsvector.
DOCUMENT = "search_document_{language}"
VECTOR = "search_vector_{language}"

# PostgreSQL cuts a headline from the text as written, where words keep their prefixes:
# the headline query also asks for these prefixed forms of each stripped word.
_WRITTEN_PREFIXES = ("و", "ال", "وال", "ب", "بال", "وب", "وبال", "ل", "لل", "ول", "ولل", "فال")

# PostgreSQL marks highlighted words with these control characters, which stored text
# never holds (`text.clean()` removes them), so that stored text cannot fake a highlight.
START, STOP = "\x02", "\x03"


def on_postgresql():
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class Query:
    """What the reader typed (cleaned for display) and the words it searches for."""

    text: str
    # One tuple per word of the query: its normalised forms, any of which may match.
    terms: tuple = ()

    def __bool__(self):
        return bool(self.terms)

    @classmethod
    def parse(cls, raw):
        text = " ".join(clean(raw).split())[:MAX_QUERY_LENGTH]
        terms = []
        for word in WORD.findall(normalise(text)):
            forms = tuple(variants(word))
            # A letter typed alone (a conjunction, an initial) would match everything.
            if len(word) > 1 and forms not in terms:
                terms.append(forms)
        return cls(text=text, terms=tuple(terms[:MAX_TERMS]))

    def search_query(self, language):
        """Every word, each in any of its forms, as a tsquery in the language's configuration."""
        config = CONFIGS[language]
        return functools.reduce(
            operator.and_,
            (
                functools.reduce(operator.or_, (SearchQuery(form, config=config) for form in forms))
                for forms in self.terms
            ),
        )

    def headline_query(self, language):
        """Any word, in any form and as the text may write it (`والمقالات`), for highlighting."""
        forms = {}
        for term in self.terms:
            forms.update(dict.fromkeys(term))
            if ARABIC.search(term[-1]):
                forms.update(dict.fromkeys(prefix + term[-1] for prefix in _WRITTEN_PREFIXES))
        config = CONFIGS[language]
        return functools.reduce(operator.or_, (SearchQuery(form, config=config) for form in forms))

    @cached_property
    def stems(self):
        """Per word, the light stems of its forms: what the fallback looks for."""
        return [tuple(dict.fromkeys(light_stem(form) for form in forms)) for forms in self.terms]

    def matches(self, document_field):
        """The fallback's filter: each word has a form contained in the normalised document."""
        return functools.reduce(
            operator.and_,
            (
                functools.reduce(
                    operator.or_, (Q(**{f"{document_field}__contains": stem}) for stem in stems)
                )
                for stems in self.stems
            ),
        )

    def snippet(self, text, length=30):
        """The fallback's snippet: words around the first match, every match in <mark>."""
        stems = [stem for stems in self.stems for stem in stems]
        words = list(WRITTEN_WORD.finditer(text or ""))
        if not words:
            return SafeString("")
        hits = [
            any(stem in form for form in variants(normalise(word.group())) for stem in stems)
            for word in words
        ]
        first = hits.index(True) if True in hits else 0
        start = max(0, min(first - length // 3, len(words) - length))
        end = min(len(words), start + length)
        parts = ["… "] if start else []
        position = words[start].start()
        for word, hit in zip(words[start:end], hits[start:end], strict=True):
            parts.append(escape(text[position : word.start()]))
            parts.append(f"<mark>{escape(word.group())}</mark>" if hit else escape(word.group()))
            position = word.end()
        parts.append(" …" if end < len(words) else escape(text[position:]))
        # Every piece of stored text above went through escape().
        return mark_safe(" ".join("".join(parts).split()))


def highlight(headline):
    """A headline from PostgreSQL, escaped, with its highlighted words in <mark>."""
    marked = escape(" ".join((headline or "").split()))
    # The marks are control characters that escape() left alone and stored text never has.
    return mark_safe(marked.replace(START, "<mark>").replace(STOP, "</mark>"))


def matching(query, language, *, document=DOCUMENT, vector=VECTOR):
    """
    Rows whose document in `language` holds every word of `query`: the GIN-indexed vector
    on PostgreSQL, else the normalised document. `document` and `vector` name the columns,
    with `{language}` standing for the language's code.
    """
    if not on_postgresql():
        return query.matches(document.format(language=language))
    return Q(**{vector.format(language=language): query.search_query(language)})


def matching_any_language(query, *, document=DOCUMENT, vector=VECTOR):
    """Rows whose document holds every word of `query` in one of the languages (staff search)."""
    return functools.reduce(
        operator.or_,
        (matching(query, code, document=document, vector=vector) for code in CONFIGS),
    )
