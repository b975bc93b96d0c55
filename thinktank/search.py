"""
Site search over articles, authors and news, in the page's language.

Arabic readers type a word in many spellings: with or without hamza on the alef, with ة or
ه, ى or ي, with diacritics and tatweel, glued to the prefixes و / ال / ب / ل. PostgreSQL's
`arabic` stemmer folds some of these but not the prefixes (it stems `والمقالات` to
`والمقالا` and `مقالات` to `مقالا`), so the stored text and the query both go through
`normalise()` and `variants()` here, in Python, before PostgreSQL's `arabic` or `english`
configuration sees them: every stored Arabic word is followed by its prefix-stripped forms
(`والمقالات المقالات مقالات`), and each query word matches any of its own forms.

Each article keeps, per language:

- `search_text_<lang>`: its words as readers read them (summary, lead, sections and
  points), from which result snippets are cut;
- `search_document_<lang>`: its kicker, title, summary, authors' names, lead, sections
  and points, normalised, with the variants beside each word;
- `search_vector_<lang>`: on PostgreSQL, the tsvector of that document, weighted (title
  above summary and byline, both above the body) and GIN-indexed.

The vector is a stored column written from Python rather than a GeneratedField: it is
built from rows of other tables (sections, points, authors) and from Python-normalised
text, which a generated column cannot see, and a generated `to_tsvector()` would not even
migrate on SQLite. Signals keep the columns current (`connect_signals()`), rebuilding each
changed article once, when the transaction that changed it commits; code that writes with
`bulk_create()` or `update()`, which send none, calls `articles_changed()` or the
`rebuild_*()` functions itself.

News items and authors keep a document and a vector too (their snippets are cut from
their own text; authors, a few hundred rows, need no index). On SQLite the same
documents are matched with `contains` on a light stem of each query word, and snippets
are cut in Python.
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from asgiref.local import Local
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import F, Func, Index, Prefetch, Q, TextField, Value
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core import caching

CONFIGS = {"ar": "arabic", "en": "english"}

# A query is cut to this many characters and words: nobody searches with a paragraph, and
# a pasted page must not become a query of a thousand terms.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

# Diacritics (tashkeel, Quranic marks, superscript alef) and tatweel: all dropped.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_MARK = re.compile(f"[{_MARKS}]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        # Arabic-Indic and Persian digits, so that “٢٠١٨” finds “2018”.
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
_WORD = re.compile(r"[^\W_]+")
# A word of stored text as written, diacritics and tatweel included (for snippets).
_WRITTEN_WORD = re.compile(f"(?:[^\\W_]|[{_MARKS}])+")
_ARABIC = re.compile("[\u0600-\u06ff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Prefixes stripped from Arabic words, with the letters a word must keep after losing
# one, so that short words (ولد, بيت) are not cut into fragments that match everything.
_CONJUNCTION = ("و", 3)
_PREFIXES = (("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2), ("ب", 3), ("ل", 3))
# PostgreSQL cuts a headline from the text as written, where words keep their prefixes:
# the headline query also asks for these prefixed forms of each stripped word.
_WRITTEN_PREFIXES = ("و", "ال", "وال", "ب", "بال", "وب", "وبال", "ل", "لل", "ول", "ولل", "فال")

# Light suffix stripping for the SQLite fallback, which has no stemmer: “indications”
# must still find “indication”, and “مقالة” still find “مقالات”.
_ENGLISH_SUFFIXES = ("ies", "es", "s", "ing", "ed")
_ARABIC_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "ه", "ي")

# PostgreSQL marks highlighted words with these control characters, which stored text
# never holds (`_clean()` removes them), so that stored text cannot fake a highlight.
_START, _STOP = "\x02", "\x03"

# The per-language search columns of an article, deferred wherever they are not needed.
ARTICLE_SEARCH_FIELDS = [
    f"search_{kind}_{code}" for kind in ("text", "document", "vector") for code in CONFIGS
]
# Those of authors and news items (no readable text column: they show their own fields).
SEARCH_DOCUMENT_FIELDS = [
    f"search_{kind}_{code}" for kind in ("document", "vector") for code in CONFIGS
]


def normalise(text):
    """Fold the spellings of a word into one: hamza forms, ta marbuta, alef maqsura, marks."""
    text = unicodedata.normalize("NFKC", text or "")
    return _MARK.sub("", text).translate(_LETTERS).casefold()


# Cached: a language's everyday words recur in every article, and rebuilding the
# documents of a whole archive calls this for each of its words.
@functools.lru_cache(maxsize=200_000)
def variants(word):
    """A normalised word and its forms without prefixes: والمقالات → المقالات, مقالات."""
    if not _ARABIC.search(word):
        return (word,)
    forms = [word]
    prefix, keep = _CONJUNCTION
    if word.startswith(prefix) and len(word) - len(prefix) >= keep:
        word = word[len(prefix) :]
        forms.append(word)
    for prefix, keep in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= keep:
            forms.append(word[len(prefix) :])
            break
    return tuple(forms)


def indexable(*texts):
    """The normalised words of `texts`, each followed by its prefix-stripped forms."""
    return " ".join(
        form for text in texts for word in _WORD.findall(normalise(text)) for form in variants(word)
    )


def _clean(text):
    return _CONTROL.sub("", text or "")


def _light_stem(form):
    suffixes = _ARABIC_SUFFIXES if _ARABIC.search(form) else _ENGLISH_SUFFIXES
    for suffix in suffixes:
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            return form if form.endswith("ss") else form[: -len(suffix)]
    return form


def _on_postgresql():
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
        text = " ".join(_clean(raw).split())[:MAX_QUERY_LENGTH]
        terms = []
        for word in _WORD.findall(normalise(text)):
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
            if _ARABIC.search(term[-1]):
                forms.update(dict.fromkeys(prefix + term[-1] for prefix in _WRITTEN_PREFIXES))
        config = CONFIGS[language]
        return functools.reduce(operator.or_, (SearchQuery(form, config=config) for form in forms))

    @cached_property
    def stems(self):
        """Per word, the light stems of its forms: what the fallback looks for."""
        return [tuple(dict.fromkeys(_light_stem(form) for form in forms)) for forms in self.terms]

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
        words = list(_WRITTEN_WORD.finditer(text or ""))
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
    return mark_safe(marked.replace(_START, "<mark>").replace(_STOP, "</mark>"))


class SearchIndex(GinIndex):
    """
    A GIN index on PostgreSQL. Elsewhere (SQLite on a laptop, where search does not read
    the vector column) a plain index: SQLite rebuilds a table's indexes whenever a
    migration alters the table, and would refuse `USING gin`.

    Without `fastupdate`: new entries go straight into the index instead of a pending list
    that every search must also read until autovacuum merges it. Articles change a few
    times a day and are searched all day, so searches should not pay for writes.
    """

    def __init__(self, *expressions, fastupdate=False, **kwargs):
        super().__init__(*expressions, fastupdate=fastupdate, **kwargs)

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


# Searching

# Counting and ranking matches reads the vector of every one of them: a word found in
# tens of thousands of analyses would take seconds. Past this many matches a kind is
# counted no further and listed newest first, and the page says so.
MAX_RANKED = 1000


@dataclass
class Hit:
    """One result as the page shows it."""

    kind: str  # "author", "analysis" or "news"
    title: str
    url: str = ""
    date: datetime | None = None
    authors: list = field(default_factory=list)
    description: str = ""
    snippet: str = ""


@dataclass
class _Kind:
    """The matches of one kind of result, and how to order and show them."""

    matches: object  # a QuerySet, in `order`
    vector: object  # the expression matched against the query (PostgreSQL)
    source: str  # the field a snippet is cut from
    order: tuple
    hit: object  # object → Hit

    def fetch(self, query, language, low, high, *, ranked):
        queryset = self.queryset(query, language, ranked=ranked)
        return [self.hit(obj, query) for obj in queryset[low:high]]

    def queryset(self, query, language, *, ranked):
        """The matches with their snippets, best first when `ranked`, else in `order`."""
        queryset = self.matches
        if _on_postgresql():
            headline = SearchHeadline(
                F(self.source),
                query.headline_query(language),
                config=CONFIGS[language],
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
            queryset = queryset.annotate(search_headline=headline)
            if ranked:
                rank = SearchRank(self.vector, query.search_query(language))
                queryset = queryset.annotate(search_rank=rank).order_by("-search_rank", *self.order)
        return queryset


def _match(queryset, query, language):
    """Rows of `queryset` whose document holds every word of `query`."""
    return queryset.filter(matching(query, language))


def matching(query, language):
    """The condition of `_match`: the GIN-indexed vector on PostgreSQL, else the document."""
    if not _on_postgresql():
        return query.matches(f"search_document_{language}")
    return Q(**{f"search_vector_{language}": query.search_query(language)})


def matching_any_language(query):
    """Rows whose document holds every word of `query` in one of the languages (staff search)."""
    return functools.reduce(operator.or_, (matching(query, code) for code in CONFIGS))


def _snippet(obj, source, query):
    if _on_postgresql():
        return highlight(obj.search_headline)
    return query.snippet(getattr(obj, source))


class Results:
    """
    What one search found, as a sequence that a Paginator can count and slice: authors
    first (few, and a reader who types a name is looking for them), then analyses, then
    news, each best match first. A page costs one count per kind and one query per kind
    it shows, plus the analyses' bylines, however many results it holds.
    """

    def __init__(self, language, query):
        self.language = language
        self.query = query
        self.kinds = [self.authors(), self.articles(), self.news()]

    @cached_property
    def counts(self):
        def count():
            # One more than MAX_RANKED tells "more than MAX_RANKED" from "exactly";
            # unordered, so that PostgreSQL stops at the first matches the index gives it.
            return [kind.matches.order_by()[: MAX_RANKED + 1].count() for kind in self.kinds]

        # Every page of the results needs them: remembered, briefly, until content changes.
        return caching.remember(
            f"search-counts:{self.language}:{self.query.terms!r}",
            [caching.LISTINGS, caching.NEWS],
            count,
            timeout=300,
        )

    @property
    def capped(self):
        """Whether some kind has more matches than are counted and ranked."""
        return any(count > MAX_RANKED for count in self.counts)

    def count(self):
        return sum(min(count, MAX_RANKED) for count in self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("Results can only be sliced.")
        start, stop = index.start or 0, index.stop
        hits, offset = [], 0
        for kind, count in zip(self.kinds, self.counts, strict=True):
            shown = min(count, MAX_RANKED)
            low, high = max(start - offset, 0), min(stop - offset, shown)
            if low < high:
                ranked = _on_postgresql() and count <= MAX_RANKED
                hits += kind.fetch(self.query, self.language, low, high, ranked=ranked)
            offset += shown
        return hits

    def articles(self):
        from articles.models import Article, Author

        language = self.language
        text = f"search_text_{language}"
        # The snippet's text is read in Python only on SQLite; PostgreSQL cuts it itself.
        deferred = [name for name in ARTICLE_SEARCH_FIELDS if _on_postgresql() or name != text]
        order = ("-published_at", "-pk")
        matches = (
            _match(Article.objects.published_in(language), self.query, language)
            .defer(*deferred)
            .prefetch_related(
                Prefetch(
                    "authors", Author.objects.order_by("authorship__position", "authorship__pk")
                )
            )
            .order_by(*order)
        )
        return _Kind(matches, F(f"search_vector_{language}"), text, order, self.article_hit)

    def article_hit(self, article, query):
        return Hit(
            kind="analysis",
            title=getattr(article, f"title_{self.language}"),
            url=article.get_absolute_url(),
            date=article.published_at,
            authors=list(article.authors.all()),
            snippet=_snippet(article, f"search_text_{self.language}", query),
        )

    def authors(self):
        from articles.models import Author

        language = self.language
        # Authors readers of this language can meet: named in it, with work published in it.
        readable = Author.objects.with_work_published_in(language)
        order = (f"name_{language}", "pk")
        matches = (
            _match(readable, self.query, language)
            .defer(
                *(f"search_{kind}_{code}" for kind in ("document", "vector") for code in CONFIGS)
            )
            .order_by(*order)
        )
        return _Kind(
            matches, F(f"search_vector_{language}"), f"bio_{language}", order, self.author_hit
        )

    def author_hit(self, author, query):
        language = self.language
        names = (getattr(author, f"{name}_{language}") for name in ("honorific", "name"))
        return Hit(
            kind="author",
            title=" ".join(name for name in names if name),
            url=reverse("articles:author", kwargs={"slug": author.slug}),
            description=getattr(author, f"position_{language}"),
            snippet=_snippet(author, f"bio_{language}", query),
        )

    def news(self):
        from news.models import NewsItem

        language = self.language
        order = ("-published_at", "-pk")
        readable = NewsItem.objects.published().available_in(language)
        matches = (
            _match(readable, self.query, language)
            .defer(
                *(f"search_{kind}_{code}" for kind in ("document", "vector") for code in CONFIGS)
            )
            .order_by(*order)
        )
        return _Kind(
            matches, F(f"search_vector_{language}"), f"body_{language}", order, self.news_hit
        )

    def news_hit(self, item, query):
        return Hit(
            kind="news",
            title=getattr(item, f"headline_{self.language}"),
            url=item.get_absolute_url(),
            date=item.published_at,
            snippet=_snippet(item, f"body_{self.language}", query),
        )


# Keeping the documents current


def _chunks(values, size=500):
    values = list(values)
    return (values[start : start + size] for start in range(0, len(values), size))


def _document_vector(language, parts):
    """
    The tsvector of the stored document in `language`, whose lines are its `parts`,
    weighted A, B, C in that order. PostgreSQL computes it from the stored column, in one
    UPDATE for many rows: building it per row in the ORM costs more than the text itself.
    """
    config = CONFIGS[language]
    return functools.reduce(
        operator.add,
        (
            SearchVector(
                Func(
                    F(f"search_document_{language}"),
                    Value("\n"),
                    Value(line),
                    function="split_part",
                    output_field=TextField(),
                ),
                config=config,
                weight=weight,
            )
            for line, weight in zip(range(1, parts + 1), "ABCD", strict=False)
        ),
    )


def _write_vectors(queryset, parts):
    if _on_postgresql():
        queryset.update(
            **{f"search_vector_{code}": _document_vector(code, parts) for code in CONFIGS}
        )


_AUTHOR_TEXT = ("honorific", "name", "position", "bio")


def _article_texts(article, language):
    """(text for snippets, document) of an article in `language`."""

    def text(obj, name):
        return _clean(getattr(obj, f"{name}_{language}"))

    body = [text(article, "lead")]
    for section in article.sections.all():
        body += [text(section, "heading"), text(section, "body")]
        for point in section.indications.all():
            body += [text(point, "title"), text(point, "body")]
        body.append(text(section, "closing"))
    bylines = [
        f"{text(author, 'honorific')} {text(author, 'name')}" for author in article.authors.all()
    ]
    document = [
        indexable(text(article, "kicker"), text(article, "title")),
        indexable(text(article, "summary"), *bylines),
        indexable(*body),
    ]
    return "\n\n".join(filter(None, [text(article, "summary"), *body])), "\n".join(document)


def rebuild_articles(queryset):
    """Recompute the search text, document and vector of the articles in `queryset`."""
    # The models come from the queryset, so that a migration can pass historical ones.
    Article = queryset.model
    Author = Article._meta.get_field("authors").related_model
    texts = [f"search_{kind}_{code}" for kind in ("text", "document") for code in CONFIGS]
    pks = queryset.values_list("pk", flat=True)
    for chunk in _chunks(pks):
        articles = list(
            Article.objects.filter(pk__in=chunk)
            .defer(*ARTICLE_SEARCH_FIELDS)
            .prefetch_related(
                "sections__indications",
                Prefetch(
                    "authors", Author.objects.order_by("authorship__position", "authorship__pk")
                ),
            )
        )
        for article in articles:
            for code in CONFIGS:
                text, document = _article_texts(article, code)
                setattr(article, f"search_text_{code}", text)
                setattr(article, f"search_document_{code}", document)
        Article.objects.bulk_update(articles, texts, batch_size=100)
        _write_vectors(Article.objects.filter(pk__in=chunk), parts=3)
    # Bulk writes send no signals: say here that search results and listings changed.
    caching.bump(caching.LISTINGS)


def rebuild_authors(queryset):
    """Recompute the search documents and vectors of the authors in `queryset`."""
    authors = list(queryset.only(*(f"{name}_{code}" for name in _AUTHOR_TEXT for code in CONFIGS)))
    for author in authors:
        for code in CONFIGS:
            # The name (with its honorific) weighs more than the position and biography.
            name = indexable(*(getattr(author, f"{name}_{code}") for name in _AUTHOR_TEXT[:2]))
            rest = indexable(*(getattr(author, f"{name}_{code}") for name in _AUTHOR_TEXT[2:]))
            setattr(author, f"search_document_{code}", f"{name}\n{rest}")
    queryset.model.objects.bulk_update(
        authors, [f"search_document_{code}" for code in CONFIGS], batch_size=100
    )
    _write_vectors(queryset.model.objects.filter(pk__in=[a.pk for a in authors]), parts=2)


def rebuild_news(queryset):
    """Recompute the search documents and vectors of the news items in `queryset`."""
    names = ("headline", "body")
    items = list(queryset.only(*(f"{name}_{code}" for name in names for code in CONFIGS)))
    for item in items:
        for code in CONFIGS:
            lines = (indexable(getattr(item, f"{name}_{code}")) for name in names)
            setattr(item, f"search_document_{code}", "\n".join(lines))
    queryset.model.objects.bulk_update(
        items, [f"search_document_{code}" for code in CONFIGS], batch_size=100
    )
    _write_vectors(queryset.model.objects.filter(pk__in=[item.pk for item in items]), parts=2)


# What the transactions of this thread changed, by database: {alias: {"articles": {ids}, …}}.
_changed = Local()


def _note(using, **changed):
    """
    Rebuild the documents of `changed` (articles=, sections=, authors=, news= ids) once,
    when the transaction that changed them commits; outside a transaction, at once.

    An article's document is made from its own row and from rows written after it (the
    admin saves the article, then its sections and points in formsets; an import or a
    fixture writes points in bulk or in any order): rebuilt at each save, it would miss
    what was written after, and cost one rebuild per point. At commit everything is there.
    """
    waiting = getattr(_changed, using, None)
    if waiting is None:
        waiting = {"articles": set(), "sections": set(), "authors": set(), "news": set()}
        setattr(_changed, using, waiting)
    for kind, ids in changed.items():
        waiting[kind].update(ids)

    # A named function, not a partial: Django names a failed robust callback by its
    # __qualname__. One per change: the first to run rebuilds everything noted, the
    # others find nothing left; and a savepoint rolled back, which drops the callbacks
    # registered inside it, cannot drop the one a change before it needs.
    def rebuild_changed_documents():
        _rebuild_changed(using)

    # Robust: the content is committed by then, and a failed rebuild must not turn the
    # editor's saved work into an error page. It is logged (logger django.db.backends.base)
    # and the article's next save rebuilds it.
    transaction.on_commit(rebuild_changed_documents, using=using, robust=True)


def _rebuild_changed(using):
    from articles.models import Article, Author
    from news.models import NewsItem

    waiting = getattr(_changed, using, None)
    setattr(_changed, using, None)
    if not waiting or not any(waiting.values()):
        return
    articles = waiting["articles"]
    # One transaction: a document never goes without its vector. Rows deleted meanwhile
    # (or whose writing was rolled back) are simply not found.
    with transaction.atomic(using=using):
        if waiting["authors"]:
            rebuild_authors(Author.objects.filter(pk__in=waiting["authors"]))
            # Bylines are in the documents of the authors' articles.
            articles |= set(
                Article.authors.through.objects.filter(author__in=waiting["authors"]).values_list(
                    "article_id", flat=True
                )
            )
        if waiting["sections"]:
            # Points name their section; its article is looked up once for all of them.
            articles |= set(
                Article.objects.filter(sections__in=waiting["sections"]).values_list(
                    "pk", flat=True
                )
            )
        if articles:
            rebuild_articles(Article.objects.filter(pk__in=articles))
        if waiting["news"]:
            rebuild_news(NewsItem.objects.filter(pk__in=waiting["news"]))


def articles_changed(article_ids, *, using=DEFAULT_DB_ALIAS):
    """
    Rebuild these articles' documents when the transaction commits (at once outside
    one). For code that writes an article's parts with `bulk_create()` or `update()`,
    which send no signals; saving through the ORM needs no call.
    """
    _note(using, articles=article_ids)


def _article_changed(sender, instance, using, **kwargs):
    _note(using, articles=[instance.pk])


def _part_changed(sender, instance, using, **kwargs):
    # Sections and bylines hold their article's id; points hold their section's.
    if hasattr(instance, "article_id"):
        _note(using, articles=[instance.article_id])
    else:
        _note(using, sections=[instance.section_id])


def _byline_added(sender, instance, action, pk_set, using, **kwargs):
    # `article.authors.add()` creates bylines with bulk_create(), which sends no post_save.
    # Removing one deletes the Authorship row, which sends post_delete.
    if action == "post_add":
        _note(using, articles=pk_set if kwargs["reverse"] else [instance.pk])


def _author_changed(sender, instance, using, **kwargs):
    _note(using, authors=[instance.pk])


def _news_changed(sender, instance, using, **kwargs):
    _note(using, news=[instance.pk])


def connect_signals():
    """
    Rebuild documents whenever their words change, however they are written: the admin's
    forms and inlines, bulk actions, restoring a revision and `loaddata` (both save with
    raw=True), imports, `load_demo`. Signals rather than `save()` methods, so that every
    save of every part reaches its article; the rebuild itself waits for the commit
    (`_note()`). Code that writes with `bulk_create()` or `update()` calls
    `articles_changed()` or the `rebuild_*()` functions.
    """
    receivers = [
        (post_save, _article_changed, "articles.Article"),
        (post_save, _author_changed, "articles.Author"),
        (post_save, _news_changed, "news.NewsItem"),
        (m2m_changed, _byline_added, "articles.Authorship"),
    ]
    for part in ("articles.Section", "articles.Indication", "articles.Authorship"):
        receivers += [(post_save, _part_changed, part), (post_delete, _part_changed, part)]
    for signal, receiver, sender in receivers:
        signal.connect(receiver, sender=sender, dispatch_uid=f"search:{receiver.__name__}:{sender}")
