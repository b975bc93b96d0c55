"""
The translation desk: every document of one kind (articles by default; news items,
authors, topics, series and issues at a switch) with its translation state in each
language, newest first, each cell a link to the work. And the admin home page's panel of
translations out of date, which opens it.

The page reads `TranslationState` (one indexed row per document and language, kept by
translations/state.py) and never the documents' parts: a page costs the same handful of
queries however large the archive. Only translators and editors use it.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import NoReverseMatch, path, reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.text import language_name

from .forms import summary_of
from .models import TranslationState
from .parts import LANGUAGE_CODES

State = TranslationState.State
PER_PAGE = 50
# Counting through the articles' own tables (a topic, a kind, an author) or through every
# language (complete in all) reads every row that matches: past this many, the desk says
# "more than" and lists the newest, as the article list's search does.
COUNT_LIMIT = 1000
# Entries of the home page's panel.
SHOWN = 5


def may_use_desk(user):
    """Translators and editors: the people whose work the desk lists."""
    return user.is_active and (
        user.has_perm("articles.translate_article") or user.has_perm("articles.publish_article")
    )


# The kinds of document


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document the desk lists: how to fetch a page of them and name each."""

    key: str
    model_label: str
    # The translated field that names a document ("title"), or a function of the
    # document and a language that does.
    title_field: str = ""
    title: callable = None
    select_related: tuple = ()
    # Articles can be narrowed by topic, kind of publication and author.
    narrowed: bool = False

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_label)

    @property
    def label(self):
        return capfirst(self.model._meta.verbose_name_plural)

    def title_in(self, obj, language):
        if self.title is not None:
            return self.title(obj, language)
        return getattr(obj, f"{self.title_field}_{language}") or ""

    def fetch(self, ids):
        """The documents `ids`, by pk, with only what naming them needs."""
        queryset = self.model._default_manager.filter(pk__in=ids).order_by()
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        elif self.title_field:
            queryset = queryset.only(
                "pk", *(f"{self.title_field}_{code}" for code in LANGUAGE_CODES)
            )
        return {obj.pk: obj for obj in queryset}


def issue_title(issue, language):
    from publications.labels import issue_label

    return issue_label(issue, language)


KINDS = [
    DocumentKind("articles", "articles.Article", "title", narrowed=True),
    DocumentKind("news", "news.NewsItem", "headline"),
    DocumentKind("authors", "articles.Author", "name"),
    DocumentKind("topics", "articles.Topic", "name"),
    DocumentKind("series", "publications.Series", "name"),
    DocumentKind("issues", "publications.Issue", title=issue_title, select_related=("series",)),
]


def kinds_for(user):
    """The kinds of document this person may see the list of."""
    return [
        kind
        for kind in KINDS
        if user.has_perm(f"{kind.model._meta.app_label}.view_{kind.model._meta.model_name}")
    ]


# What is listed


def whole_number(value):
    return int(value) if value and value.isdigit() and len(value) < 19 else None


@dataclass
class Filters:
    """What the desk is narrowed to, read from its address (anything unknown is ignored)."""

    state: str = ""
    language: str = ""
    topic: int = None
    kind: int = None
    # Part of an author's name, in either language.
    author: str = ""

    @classmethod
    def read(cls, query, document_kind):
        state = query.get("state", "")
        language = query.get("language", "")
        found = cls(
            state=state if state in State.values else "",
            language=language if language in LANGUAGE_CODES else "",
        )
        if document_kind.narrowed:
            found.topic = whole_number(query.get("topic"))
            found.kind = whole_number(query.get("kind"))
            found.author = " ".join(query.get("author", "").split())[:100]
        return found

    def as_query(self, document_kind):
        """The filters as query parameters, the document kind first."""
        query = {"document": document_kind.key}
        for name in ("state", "language", "topic", "kind", "author"):
            value = getattr(self, name)
            if value:
                query[name] = value
        return query

    @property
    def narrowed(self):
        return any((self.state, self.language, self.topic, self.kind, self.author))


def newest_first(queryset):
    return queryset.order_by(F("document_changed_at").desc(nulls_last=True), "-document_id")


class Listing:
    """
    The ids of the documents the desk lists, newest first, for a Paginator: `count()` and
    slices.

    The rows wanted are those of some languages in some states. Each (language, state) is
    one range of the desk's index (document type, language, state, last change), already
    in order, so a page reads each range's first rows and merges them, instead of sorting
    every row of the archive. A document found in two ranges (missing in both languages)
    has the same last change in both: UNION lists it once. Deep in a long list, where the
    ranges' first rows are most of them, one sort of them all costs less.
    """

    # Past this many rows of each range, a page sorts them all at once.
    MERGED_UP_TO = 5000

    def __init__(self, rows, languages, states, capped=False):
        self.rows, self.languages, self.states, self.capped = rows, languages, states, capped
        self.matching = rows.filter(language__in=languages, state__in=states)

    @cached_property
    def matched(self):
        counted = self.matching
        if len(self.languages) > 1:
            counted = counted.values("document_id").distinct()
        if self.capped:
            return counted[: COUNT_LIMIT + 1].count()
        return counted.count()

    @property
    def more(self):
        """Whether more match than are counted and listed."""
        return self.capped and self.matched > COUNT_LIMIT

    def count(self):
        return min(self.matched, COUNT_LIMIT) if self.capped else self.matched

    def __getitem__(self, page):
        if page.start == page.stop:
            return []  # an empty desk (Django makes a query sliced [0:0] an empty one)
        ranges = [
            newest_first(self.rows.filter(language=language, state=state))
            for language in self.languages
            for state in self.states
        ]
        found = [range_.values_list("document_id", "document_changed_at") for range_ in ranges]
        if len(found) == 1:
            ordered = found[0]
        elif page.stop <= self.MERGED_UP_TO:
            first, *others = (rows[: page.stop] for rows in found)
            ordered = newest_first(first.union(*others))
        else:
            every = self.matching.values_list("document_id", "document_changed_at")
            ordered = newest_first(every.distinct() if len(self.languages) > 1 else every)
        return [pk for pk, _changed in ordered[page]]


def listed(document_kind, content_type, filters):
    """
    What the desk lists (a Listing).

    A language narrows the state to that language's. Without one, "missing" and "out of
    date" find the documents with such a language, and "complete" those complete in every
    language. Without a state every document is listed once, through the rows of one
    language (each document has one row per language).
    """
    every = TranslationState.objects.filter(document_type=content_type)
    rows = narrow_articles(every, filters) if document_kind.narrowed else every
    states = [filters.state] if filters.state else State.values
    if filters.language:
        languages = [filters.language]
    elif filters.state and filters.state != State.COMPLETE:
        languages = LANGUAGE_CODES
    else:
        languages = LANGUAGE_CODES[:1]
    every_language = filters.state == State.COMPLETE and not filters.language
    if every_language:
        # NOT EXISTS, which PostgreSQL answers as an anti-join (NOT IN cannot be one).
        unfinished = every.filter(
            document_id=OuterRef("document_id"), state__in=[State.MISSING, State.OUT_OF_DATE]
        )
        rows = rows.filter(~Exists(unfinished))
    capped = every_language or any((filters.topic, filters.kind, filters.author))
    return Listing(rows, languages, states, capped)


def narrow_articles(rows, filters):
    from articles.models import Article, Author, Authorship

    if filters.topic:
        tagged = Article.topics.through.objects.filter(topic_id=filters.topic)
        rows = rows.filter(document_id__in=tagged.values("article_id"))
    if filters.kind:
        of_kind = Article.objects.filter(kind_id=filters.kind)
        rows = rows.filter(document_id__in=of_kind.values("pk"))
    if filters.author:
        named = Q()
        for code in LANGUAGE_CODES:
            named |= Q(**{f"name_{code}__icontains": filters.author})
        # The authors first, by id: PostgreSQL cannot tell how many bylines a name's LIKE
        # reaches, guessed a few, and walked 20,000 of them (a quarter of a second).
        authors = list(Author.objects.filter(named).values_list("pk", flat=True))
        bylines = Authorship.objects.filter(author_id__in=authors)
        rows = rows.filter(document_id__in=bylines.values("article_id"))
    return rows


# The page


@dataclass
class Cell:
    """One document in one language: its state, its counts and the link to the work."""

    language: str
    state: str
    missing: int
    out_of_date: int
    is_source: bool
    url: str = ""
    icon: str = ""

    @property
    def label(self):
        return State(self.state).label

    @property
    def counts(self):
        """ "2 parts missing, 1 part out of date": what the state is about."""
        return summary_of(self.missing, self.out_of_date)


@dataclass
class Row:
    """One document: its title, its original language, its last change, its cells."""

    pk: int
    title: str
    # The language the title is shown in, when it is not the admin's (a fallback).
    title_language: str
    source_language: str
    changed_at: object
    cells: list = field(default_factory=list)

    @property
    def title_is_fallback(self):
        return self.title_language != get_language()

    @property
    def title_direction(self):
        return "rtl" if self.title_language in settings.LANGUAGES_BIDI else "ltr"

    @property
    def source_language_name(self):
        return language_name(self.source_language)


class Links:
    """The addresses of the work on a document: its change page (the source language)
    and its translation page (any other)."""

    def __init__(self, model):
        opts = model._meta
        self.app_label, self.model_name = opts.app_label, opts.model_name
        self.change_name = f"admin:{opts.app_label}_{opts.model_name}_change"

    def change(self, pk):
        try:
            return reverse(self.change_name, args=[pk])
        except NoReverseMatch:  # a kind whose admin is not installed
            return ""

    def translate(self, pk, language):
        try:
            return reverse(
                "admin:translations_translate",
                args=[self.app_label, self.model_name, pk, language],
            )
        except NoReverseMatch:  # without the side-by-side page, the change page
            return self.change(pk)

    def work(self, pk, language, source_language):
        if language == source_language:
            return self.change(pk)
        return self.translate(pk, language)


def rows_of(document_kind, content_type, ids):
    """The desk's rows for the documents `ids`, in that order: two queries."""
    states = {}
    for found in TranslationState.objects.filter(
        document_type=content_type, document_id__in=ids
    ).only(
        "document_id",
        "language",
        "source_language",
        "state",
        "missing",
        "out_of_date",
        "document_changed_at",
    ):
        states.setdefault(found.document_id, {})[found.language] = found
    documents = document_kind.fetch(ids)
    links = Links(document_kind.model)
    # Django's own icons, looked up once (each lookup reads the static files' manifest).
    icons = {
        State.COMPLETE: static("admin/img/icon-yes.svg"),
        State.MISSING: static("admin/img/icon-no.svg"),
        State.OUT_OF_DATE: static("admin/img/icon-alert.svg"),
    }
    active = get_language()
    others = [code for code in LANGUAGE_CODES if code != active]
    rows = []
    for pk in ids:
        obj, by_language = documents.get(pk), states.get(pk, {})
        if obj is None or not by_language:
            continue  # deleted between the two queries
        title, title_language = "", active
        for code in [active, *others]:
            title = document_kind.title_in(obj, code)
            if title:
                title_language = code
                break
        first = next(iter(by_language.values()))
        changed = first.document_changed_at
        row = Row(
            pk=pk,
            title=title or str(obj),
            title_language=title_language,
            source_language=first.source_language,
            # Whole seconds: a <time datetime> takes at most three digits of a fraction.
            changed_at=changed.replace(microsecond=0) if changed else None,
        )
        for code in LANGUAGE_CODES:
            found = by_language.get(code)
            if found is None:
                continue
            row.cells.append(
                Cell(
                    language=code,
                    state=found.state,
                    missing=found.missing,
                    out_of_date=found.out_of_date,
                    is_source=code == found.source_language,
                    url=links.work(pk, code, found.source_language),
                    icon=icons[found.state],
                )
            )
        rows.append(row)
    return rows


def choices_for(document_kind):
    """The topics and kinds of publication an article list is narrowed by."""
    if not document_kind.narrowed:
        return {}
    from articles.models import Kind, Topic

    return {
        "topic": sorted(
            Topic.objects.only("pk", "name_ar", "name_en"),
            key=lambda topic: str(topic).casefold(),
        ),
        "kind": list(Kind.objects.only("pk", "position", "slug", "name_ar", "name_en")),
    }


def total_of(listing):
    if listing.more:
        limit = formats.number_format(COUNT_LIMIT, force_grouping=True)
        return _("more than %(count)s") % {"count": limit}
    return formats.number_format(listing.count(), force_grouping=True)


def desk(request, site):
    if not may_use_desk(request.user):
        raise PermissionDenied
    kinds = kinds_for(request.user)
    if not kinds:
        raise PermissionDenied
    wanted = request.GET.get("document", KINDS[0].key)
    document_kind = next((kind for kind in kinds if kind.key == wanted), None)
    if document_kind is None:
        if any(kind.key == wanted for kind in KINDS):
            raise PermissionDenied
        document_kind = kinds[0]
    filters = Filters.read(request.GET, document_kind)
    content_type = ContentType.objects.get_for_model(document_kind.model)
    listing = listed(document_kind, content_type, filters)
    paginator = Paginator(listing, PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    rows = rows_of(document_kind, content_type, list(page.object_list))
    languages = [filters.language] if filters.language else LANGUAGE_CODES
    query = filters.as_query(document_kind)
    switch = [
        {
            "label": kind.label,
            "url": "?"
            + urlencode(
                {"document": kind.key, **{k: query[k] for k in ("state", "language") if k in query}}
            ),
            "current": kind == document_kind,
        }
        for kind in kinds
    ]
    for row in rows:
        row.cells = [cell for cell in row.cells if cell.language in languages]
    context = {
        **site.each_context(request),
        "title": _("Translation desk"),
        "document_kind": document_kind,
        "switch": switch,
        "filters": filters,
        "choices": choices_for(document_kind),
        "states": State.choices,
        "all_languages": [(code, language_name(code)) for code in LANGUAGE_CODES],
        "languages": [(code, language_name(code)) for code in languages],
        "rows": rows,
        "page": page,
        "paginator": paginator,
        "total": total_of(listing),
        "more": listing.more,
        "limit": formats.number_format(COUNT_LIMIT, force_grouping=True),
        "page_range": list(paginator.get_elided_page_range(page.number, on_each_side=2)),
        "page_query": urlencode(query),
        "clear_url": "?" + urlencode({"document": document_kind.key}),
    }
    return TemplateResponse(request, "admin/translations/desk.html", context)


def urls(site):
    def view(request):
        return desk(request, site)

    return [path("translations/", site.admin_view(view), name="translations_desk")]


# The admin home page's panel


class Entry:
    """A document listed in the home page's panel (templates/admin/index.html)."""

    def __init__(self, title, url, moment):
        self.title, self.desk_url = title, url
        self.desk_date = moment.replace(microsecond=0) if moment else None

    def __str__(self):
        return self.title


def panels(request):
    """The articles whose translation is out of date, newest first: for translators and
    editors, with the desk filtered on them."""
    from articles.desk import Panel
    from articles.models import Article

    if not may_use_desk(request.user) or not request.user.has_perm("articles.view_article"):
        return []
    content_type = ContentType.objects.get_for_model(Article)
    # Every language named, so that the desk's index (type, language, state) finds them.
    out_of_date = TranslationState.objects.filter(
        document_type=content_type, language__in=LANGUAGE_CODES, state=State.OUT_OF_DATE
    )
    count = out_of_date.values("document_id").distinct().count()
    # A document out of date in two languages has two rows: enough rows for SHOWN articles.
    newest = list(
        newest_first(out_of_date).values_list("document_id", "language", "document_changed_at")[
            : SHOWN * len(LANGUAGE_CODES)
        ]
    )
    first = {}
    for document_id, language, changed_at in newest:
        first.setdefault(document_id, (language, changed_at))
    ids = list(first)[:SHOWN]
    titles = KINDS[0].fetch(ids)
    links = Links(Article)
    entries = [
        Entry(str(titles[pk]), links.translate(pk, first[pk][0]), first[pk][1])
        for pk in ids
        if pk in titles
    ]
    desk_url = reverse("admin:translations_desk")
    filtered = f"{desk_url}?{urlencode({'state': State.OUT_OF_DATE})}"
    return [
        Panel(
            key="out-of-date",
            # The heading opens the desk, however few are listed: the way in from home.
            title=format_html(
                '<a href="{}" class="section">{}</a>', filtered, _("Translations out of date")
            ),
            empty=_("No translation is out of date."),
            count=count,
            articles=entries,
            more_url=filtered,
        )
    ]


# The admin's list of apps and its sidebar


def admin_links(request):
    """The desk as an entry of the admin's list of apps (home page and sidebar), in the
    shape of Django's model entries, for those who may use it."""
    if not may_use_desk(request.user):
        return []
    return [
        {
            "name": _("Translation desk"),
            "object_name": "TranslationDesk",
            "admin_url": reverse("admin:translations_desk"),
            "add_url": None,
            "view_only": True,
            "perms": {"view": True},
        }
    ]
