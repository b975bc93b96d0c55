"""What one search found: the matches of every searchable kind, as the page lists them."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import caching

from .documents import searchable_models
from .queries import START, STOP, highlight, matching, on_postgresql
from .text import CONFIGS

# Counting and ranking matches reads the vector of every one of them: a word found in
# tens of thousands of analyses would take seconds. Past this many matches a kind is
# counted no further and listed newest first, and the page says so.
MAX_RANKED = 1000

# The heading of each kind's group of results, in readers' words (the admin's names of
# the models are editors' words). A kind not named here is headed by its model's plural.
GROUP_TITLES = {
    "author": _("Authors"),
    "analysis": _("Analyses"),
    "news": _("News"),
    "series": _("Periodicals and series"),
    "issue": pgettext_lazy("of a periodical", "Issues"),
}


@dataclass
class Hit:
    """One result as the page shows it."""

    kind: str  # "author", "analysis", "news": the label its model declares
    title: str
    group: str = ""  # the heading of its kind's group: "Analyses"
    url: str = ""
    date: datetime | None = None
    authors: list = field(default_factory=list)
    description: str = ""
    snippet: str = ""


@dataclass
class Kind:
    """The matches of one kind of result, and how to order and show them."""

    name: str  # the declared kind: "analysis", …
    matches: object  # a QuerySet, in `order`
    vector: object  # the expression matched against the query (PostgreSQL)
    source: str  # the field a snippet is cut from
    order: tuple
    hit: object  # (row, query) → Hit

    def fetch(self, query, language, low, high, *, ranked):
        queryset = self.queryset(query, language, ranked=ranked)
        return [self.hit(obj, query) for obj in queryset[low:high]]

    def queryset(self, query, language, *, ranked):
        """The matches with their snippets, best first when `ranked`, else in `order`."""
        queryset = self.matches
        if on_postgresql():
            headline = SearchHeadline(
                F(self.source),
                query.headline_query(language),
                config=CONFIGS[language],
                start_sel=START,
                stop_sel=STOP,
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


def count_each(querysets):
    """
    The number of rows of each of `querysets` (sliced ones count up to their slice), in
    one query whatever their number: a page costs the same however many kinds of content
    declare themselves searchable.
    """
    if not querysets:
        return []
    counts, params = [], []
    for number, queryset in enumerate(querysets):
        try:
            sql, found_params = queryset.values("pk").query.get_compiler(queryset.db).as_sql()
        except EmptyResultSet:
            # A condition nothing can meet (no words in one language's terms): none.
            counts.append("0")
            continue
        counts.append(f"(SELECT COUNT(*) FROM ({sql}) AS matches_{number})")
        params.extend(found_params)
    with connections[querysets[0].db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(counts), params)
        return list(cursor.fetchone())


def _snippet(obj, source, query):
    if on_postgresql():
        return highlight(obj.search_headline)
    return query.snippet(getattr(obj, source))


class Results:
    """
    What one search found, as a sequence that a Paginator can count and slice: one kind
    after another in the order their models declare (authors first: few, and a reader who
    types a name is looking for them; then analyses, news, series and issues), each best
    match first. A page costs one query counting every kind and one query per kind it
    shows, plus what the hits of that kind fetch with them (the analyses' bylines),
    however many results it holds.
    """

    def __init__(self, language, query):
        self.language = language
        self.query = query
        self.kinds = [self.kind_of(model) for model in searchable_models()]

    def kind(self, name):
        """The matches of the kind labelled `name` ("analysis", …)."""
        return next(kind for kind in self.kinds if kind.name == name)

    def kind_of(self, model):
        """The matches of `model` that readers of the language may find."""
        declared = model.searchable
        language = self.language
        source = declared.snippet.format(language=language)
        # The snippet's text is read in Python only on SQLite; PostgreSQL cuts it itself.
        deferred = [name for name in declared.columns if on_postgresql() or name != source]
        order = tuple(name.format(language=language) for name in declared.order)
        condition = matching(
            self.query, language, document=declared.document, vector=declared.vector
        )
        matches = (
            model.search_candidates(language).filter(condition).defer(*deferred).order_by(*order)
        )
        group = GROUP_TITLES.get(declared.kind) or capfirst(model._meta.verbose_name_plural)

        def hit(obj, query):
            return Hit(
                kind=declared.kind,
                group=group,
                snippet=_snippet(obj, source, query),
                **obj.search_hit(language),
            )

        vector = F(declared.vector.format(language=language))
        return Kind(declared.kind, matches, vector, source, order, hit)

    @cached_property
    def counts(self):
        def count():
            # One more than MAX_RANKED tells "more than MAX_RANKED" from "exactly";
            # unordered, so that PostgreSQL stops at the first matches the index gives it.
            return count_each([kind.matches.order_by()[: MAX_RANKED + 1] for kind in self.kinds])

        # Every page of the results needs them: remembered, briefly, until content changes.
        return caching.remember(
            f"search-counts:{self.language}:{self.query.terms!r}",
            [caching.LISTINGS],
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
                ranked = on_postgresql() and count <= MAX_RANKED
                hits += kind.fetch(self.query, self.language, low, high, ranked=ranked)
            offset += shown
        return hits
