"""
The stored search documents: what a model declares to be searched, and keeping it current.

A searchable model keeps, per language (`ar`, `en`):

- `search_document_<lang>`: its words, normalised, with the variants beside each word
  (`text.indexable()`), one line per weight: the first line (a title) weighs more than
  the second (a summary, a byline), which weighs more than the third (the body);
- `search_vector_<lang>`: on PostgreSQL, the tsvector of that document, weighted line by
  line, and GIN-indexed where the table is large (`indexes.SearchIndex`);
- optionally `search_text_<lang>`: its words as readers read them, from which result
  snippets are cut, when they come from rows of other tables (an article's sections).

The vector is a stored column written from Python rather than a GeneratedField: it may be
built from rows of other tables and from Python-normalised text, which a generated column
cannot see, and a generated `to_tsvector()` would not even migrate on SQLite. Signals
keep the columns current (`connect_signals()`, from the app's ready()), rebuilding each
changed row once, when the transaction that changed it commits; code that writes with
`bulk_create()` or `update()`, which send none, calls `documents_changed()` or
`rebuild()` itself.

A model declares itself searchable with a class attribute named `searchable`:

    class NewsItem(models.Model):
        ...
        searchable = Searchable(
            kind="news",
            position=2,
            fields=[["headline"], ["body"]],
            order=["-published_at", "-pk"],
            snippet="body_{language}",
        )

        @classmethod
        def search_candidates(cls, language): ...

        def search_hit(self, language): ...

`{language}` in a declared name stands for a language's code. The declaration says what is
searched, either translated `fields` by weight or, with `parts`, the model's method
`search_texts(language)`, which returns the readable text for `search_text_<lang>` (or
None) and the texts of each weighted part, heaviest first. `search_texts_queryset(queryset)`,
a classmethod, may add what that method reads (prefetches), so that a rebuild costs a fixed
number of queries per batch. `depends_on` lists lookups from the model to rows its words
come from (`"sections__indications"`): saving (or deleting) one of those rows makes the
rows it belongs to stale.

For the results page, `kind` labels the model's results (and their group), `position`
places the group among the others (lowest first), `order` lists matches when they are not
ranked, `snippet` names the field snippets are cut from, and the model provides
`search_candidates(language)` (a classmethod: the rows readers of `language` may find,
with what their hits show fetched) and `search_hit(language)` (the title, url and any of
date, authors and description of a `results.Hit`).
"""

import collections
import functools
import operator

from asgiref.local import Local
from django.apps import apps
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import F, Func, TextField, Value
from django.db.models.constants import LOOKUP_SEP
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import caching

from .queries import DOCUMENT, VECTOR, on_postgresql
from .text import CONFIGS, indexable

# PostgreSQL's four weights, heaviest first: a document has at most four parts.
WEIGHTS = "ABCD"


class Searchable:
    """What a model declares to be found by the site search (see the module's docstring)."""

    def __init__(
        self,
        *,
        kind,
        position,
        order,
        snippet,
        fields=None,
        parts=None,
        depends_on=(),
        text=None,
        document=DOCUMENT,
        vector=VECTOR,
    ):
        if (fields is None) == (parts is None):
            raise ImproperlyConfigured("Declare what is searched: either fields or parts.")
        if fields is not None and text is not None:
            raise ImproperlyConfigured("A readable search text comes from search_texts().")
        self.kind = kind
        self.position = position
        self.order = tuple(order)
        self.snippet = snippet
        self.fields = [tuple(group) for group in fields] if fields is not None else None
        self.parts = len(self.fields) if fields is not None else parts
        if not 1 <= self.parts <= len(WEIGHTS):
            raise ImproperlyConfigured(f"A search document has 1 to {len(WEIGHTS)} parts.")
        self.depends_on = tuple(depends_on)
        self.text = text
        self.document = document
        self.vector = vector

    def __repr__(self):
        return f"<Searchable {self.kind!r}>"

    @property
    def columns(self):
        """Every search column of every language: what pages that show no results defer."""
        names = [name for name in (self.text, self.document, self.vector) if name]
        return [name.format(language=code) for name in names for code in CONFIGS]

    def texts(self, row, language):
        """(readable text or None, document) of `row` in `language`."""
        if self.fields is not None:
            text = None
            parts = [
                [getattr(row, f"{name}_{language}") for name in group] for group in self.fields
            ]
        else:
            text, parts = row.search_texts(language)
            if len(parts) != self.parts:
                raise ImproperlyConfigured(f"search_texts() must give {self.parts} parts.")
        return text, "\n".join(indexable(*part) for part in parts)


def searchable_models():
    """The models that declare themselves searchable, in their results' order."""
    # The model's own declaration: a subclass (a proxy) does not inherit one.
    found = [
        model
        for model in apps.get_models()
        if isinstance(model.__dict__.get("searchable"), Searchable)
    ]
    return sorted(found, key=lambda model: model.searchable.position)


def _declaration(model):
    if not isinstance(model.__dict__.get("searchable"), Searchable):
        raise ImproperlyConfigured(f"{model._meta.label} declares nothing searchable.")
    return model.searchable


# Writing the documents


def _chunks(values, size=500):
    values = list(values)
    return (values[start : start + size] for start in range(0, len(values), size))


def _document_vector(language, declared):
    """
    The tsvector of the stored document in `language`, whose lines are its weighted
    parts, A, B, C in that order. PostgreSQL computes it from the stored column, in one
    UPDATE for many rows: building it per row in the ORM costs more than the text itself.
    """
    config = CONFIGS[language]
    return functools.reduce(
        operator.add,
        (
            SearchVector(
                Func(
                    F(declared.document.format(language=language)),
                    Value("\n"),
                    Value(line),
                    function="split_part",
                    output_field=TextField(),
                ),
                config=config,
                weight=weight,
            )
            for line, weight in zip(range(1, declared.parts + 1), WEIGHTS, strict=False)
        ),
    )


def rebuild(queryset):
    """Recompute the search texts, documents and vectors of the rows of `queryset`."""
    model = queryset.model
    declared = _declaration(model)
    written = [
        name.format(language=code)
        for name in (declared.text, declared.document)
        if name
        for code in CONFIGS
    ]
    for chunk in _chunks(queryset.values_list("pk", flat=True)):
        rows = model._default_manager.filter(pk__in=chunk)
        if declared.fields is not None:
            rows = rows.only(
                *(
                    f"{name}_{code}"
                    for group in declared.fields
                    for name in group
                    for code in CONFIGS
                )
            )
        else:
            rows = rows.defer(*declared.columns)
            if hasattr(model, "search_texts_queryset"):
                rows = model.search_texts_queryset(rows)
        rows = list(rows)
        for row in rows:
            for code in CONFIGS:
                text, document = declared.texts(row, code)
                if declared.text:
                    setattr(row, declared.text.format(language=code), text)
                setattr(row, declared.document.format(language=code), document)
        model._default_manager.bulk_update(rows, written, batch_size=100)
        if on_postgresql():
            model._default_manager.filter(pk__in=chunk).update(
                **{
                    declared.vector.format(language=code): _document_vector(code, declared)
                    for code in CONFIGS
                }
            )
    # Bulk writes send no signals: say here that search results and listings changed.
    caching.bump(caching.LISTINGS)


# Rebuilding what changed, at commit

# What the transactions of this thread changed, by database:
# {alias: {(searchable model, lookup path): {ids}}}, the ids being those of the rows at
# the end of the path (no path: the searchable rows themselves).
_changed = Local()


def _note(using, changes):
    """
    Rebuild the documents of the rows `changes` names once, when the transaction that
    changed them commits; outside a transaction, at once.

    A document may be made from its own row and from rows written after it (the admin
    saves an article, then its sections and points in formsets; an import or a fixture
    writes points in bulk or in any order): rebuilt at each save, it would miss what was
    written after, and cost one rebuild per point. At commit everything is there.
    """
    waiting = getattr(_changed, using, None)
    if waiting is None:
        waiting = collections.defaultdict(set)
        setattr(_changed, using, waiting)
    for key, ids in changes:
        waiting[key].update(ids)

    # A named function, not a partial: Django names a failed robust callback by its
    # __qualname__. One per change: the first to run rebuilds everything noted, the
    # others find nothing left; and a savepoint rolled back, which drops the callbacks
    # registered inside it, cannot drop the one a change before it needs.
    def rebuild_changed_documents():
        _rebuild_changed(using)

    # Robust: the content is committed by then, and a failed rebuild must not turn the
    # editor's saved work into an error page. It is logged (logger django.db.backends.base)
    # and the row's next save rebuilds it.
    transaction.on_commit(rebuild_changed_documents, using=using, robust=True)


def _stale(model, path, ids):
    """The ids of the `model` rows that `ids`, rows at the end of `path`, belong to."""
    if not path:
        return set(ids)
    if len(path) == 1:
        field = model._meta.get_field(path[0])
        if field.many_to_many and not field.auto_created:
            # A byline names its article: the relation's own table says which, no join.
            through = field.remote_field.through
            return set(
                through._default_manager.filter(
                    **{f"{field.m2m_reverse_field_name()}__in": ids}
                ).values_list(f"{field.m2m_field_name()}_id", flat=True)
            )
    lookup = f"{LOOKUP_SEP.join(path)}__in"
    return set(model._default_manager.filter(**{lookup: ids}).values_list("pk", flat=True))


def _rebuild_changed(using):
    waiting = getattr(_changed, using, None)
    setattr(_changed, using, None)
    if not waiting or not any(waiting.values()):
        return
    # One transaction: a document never goes without its vector. Rows deleted meanwhile
    # (or whose writing was rolled back) are simply not found.
    with transaction.atomic(using=using):
        for model in searchable_models():
            stale = set()
            for (target, path), ids in waiting.items():
                if target is model and ids:
                    stale |= _stale(model, path, ids)
            if stale:
                rebuild(model._default_manager.filter(pk__in=stale))


def documents_changed(model, ids, *, using=DEFAULT_DB_ALIAS):
    """
    Rebuild the documents of these `model` rows when the transaction commits (at once
    outside one). For code that writes a row's parts with `bulk_create()` or `update()`,
    which send no signals; saving through the ORM needs no call.
    """
    _declaration(model)
    _note(using, [((model, ()), ids)])


# The signals: for each model whose rows a document is made from, what its change makes
# stale. {sender: [(searchable model, path, link)]}: with a `link` (the sender's foreign
# key one step back along the path), the row's link is noted, which still says where it
# belonged once it is deleted; without, the row's own id, at the end of the path.
_watched = collections.defaultdict(list)
# {through model: [(searchable model, path to the relation's owner, owner defines it)]}
_relations = collections.defaultdict(list)


def _saved(sender, instance, using, **kwargs):
    _note(
        using,
        [
            ((model, path), [getattr(instance, link) if link else instance.pk])
            for model, path, link in _watched[sender]
        ],
    )


def _deleted(sender, instance, using, **kwargs):
    # A row deleted takes its words out of what it belonged to; a row that only holds the
    # words of others (an author's name) is simply no longer found.
    _note(
        using,
        [
            ((model, path), [getattr(instance, link)])
            for model, path, link in _watched[sender]
            if link
        ],
    )


def _related(sender, instance, action, pk_set, using, reverse, **kwargs):
    # `article.authors.add()` creates bylines with bulk_create(), which sends no post_save.
    # Removing one deletes the through row, which sends post_delete.
    if action != "post_add":
        return
    _note(
        using,
        [
            ((model, path), [instance.pk] if reverse != owner_defines else pk_set)
            for model, path, owner_defines in _relations[sender]
        ],
    )


def _watch(model, lookup):
    """Say which signals make `model` rows stale through `lookup` (a depends_on entry)."""
    path = tuple(lookup.split(LOOKUP_SEP))
    owner = model
    for name in path[:-1]:
        owner = owner._meta.get_field(name).related_model
    field = owner._meta.get_field(path[-1])
    sender = field.related_model
    if field.one_to_many:
        # The row holds the link to its owner (a section its article's id).
        _watched[sender].append((model, path[:-1], field.field.attname))
    else:
        _watched[sender].append((model, path, None))
    if field.many_to_many:
        owner_defines = not field.auto_created
        through = field.remote_field.through if owner_defines else field.through
        _relations[through].append((model, path[:-1], owner_defines))


def connect_signals():
    """
    Rebuild documents whenever their words change, however they are written: the admin's
    forms and inlines, bulk actions, restoring a revision and `loaddata` (both save with
    raw=True), imports, `load_demo`. Signals rather than `save()` methods, so that every
    save of every part reaches the rows it belongs to; the rebuild itself waits for the
    commit (`_note()`). Code that writes with `bulk_create()` or `update()` calls
    `documents_changed()` or `rebuild()`.
    """
    _watched.clear()
    _relations.clear()
    for model in searchable_models():
        _watched[model].append((model, (), None))
        for lookup in model.searchable.depends_on:
            _watch(model, lookup)
    for sender, entries in _watched.items():
        label = sender._meta.label
        post_save.connect(_saved, sender=sender, dispatch_uid=f"search:saved:{label}")
        if any(link for _model, _path, link in entries):
            post_delete.connect(_deleted, sender=sender, dispatch_uid=f"search:deleted:{label}")
    for through in _relations:
        label = through._meta.label
        m2m_changed.connect(_related, sender=through, dispatch_uid=f"search:related:{label}")
