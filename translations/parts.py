"""
What is translated in each kind of document, part by part, in reading order.

Each kind of document registers a `Document`: its model, the language its text is
translated from, how to fetch many of them with their parts in a fixed number of
queries, the parts of one, and the rows its parts live in (so that saving a section
refreshes its article's state). The translation desk, the side-by-side page, the XLIFF
export and `translation_status` all read the parts from here.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Part:
    """One translated field of one row of a document."""

    key: str
    row: object
    field: str
    label: str
    # Long text (paragraphs, marks) or a line: how the side-by-side page edits it.
    long: bool = False
    # The group it is shown under ("Section 2"), "" for the document's own fields.
    group: str = ""

    def text(self, language):
        return getattr(self.row, f"{self.field}_{language}") or ""

    @property
    def form_name(self):
        """A name for the part in a form: its key with only letters, digits and "-"."""
        return self.key.replace(":", "-")


@dataclass
class Document:
    """How one kind of document is split into parts (see the module's docstring)."""

    model: type
    parts: callable
    source_language: callable
    with_parts: callable = lambda queryset: queryset
    # {row model: (lookup from the document to the row, the row's attribute naming the
    # link)}: saving or deleting such a row makes its document stale.
    rows: dict = field(default_factory=dict)
    changed_at: callable = lambda document: None


_documents = {}


def register(document):
    _documents[document.model] = document


def documents():
    return list(_documents.values())


def document_for(model):
    return _documents.get(model)


def parts_of(obj):
    return list(_documents[type(obj)].parts(obj))


def first_language_with_text(obj, names):
    """The site's default language, unless the object has text only in another."""
    for code in [settings.LANGUAGE_CODE, *LANGUAGE_CODES]:
        if any(getattr(obj, f"{name}_{code}", "") for name in names):
            return code
    return settings.LANGUAGE_CODE


def simple_parts(labels, long=()):
    """Parts of a document made of its own fields: {field: label}."""

    def parts(obj):
        for name, label in labels.items():
            yield Part(name, obj, name, label, long=name in long)

    return parts


# Articles


def article_parts(article):
    yield Part("kicker", article, "kicker", _("kicker"))
    yield Part("title", article, "title", _("title"))
    yield Part("summary", article, "summary", _("summary"), long=True)
    yield Part("lead", article, "lead", _("lead"), long=True)
    yield Part("image_alt", article, "image_alt", _("image description (alt text)"))
    yield Part("image_caption", article, "image_caption", _("image caption"))
    for number, section in enumerate(article.sections.all(), start=1):
        group = _("Section %(number)s") % {"number": number}
        key = f"section:{section.pk}"
        yield Part(f"{key}:heading", section, "heading", _("heading"), group=group)
        yield Part(f"{key}:body", section, "body", _("text"), long=True, group=group)
        for point_number, point in enumerate(section.indications.all(), start=1):
            point_group = _("Section %(section)s, point %(point)s") % {
                "section": number,
                "point": point_number,
            }
            point_key = f"indication:{point.pk}"
            yield Part(f"{point_key}:title", point, "title", _("lead phrase"), group=point_group)
            yield Part(f"{point_key}:body", point, "body", _("text"), long=True, group=point_group)
        yield Part(f"{key}:closing", section, "closing", _("closing text"), long=True, group=group)
    for figure in article.figures.all():
        group = _("Figure “%(label)s”") % {"label": figure.label}
        key = f"figure:{figure.pk}"
        yield Part(f"{key}:caption", figure, "caption", _("caption"), group=group)
        yield Part(
            f"{key}:image_alt", figure, "image_alt", _("image description (alt text)"), group=group
        )
        yield Part(f"{key}:credit", figure, "credit", _("credit"), group=group)


def register_articles():
    from articles.models import Article, Author, Figure, Indication, Section, Topic

    register(
        Document(
            model=Article,
            parts=article_parts,
            source_language=lambda article: article.original_language,
            with_parts=lambda queryset: queryset.prefetch_related(
                Prefetch(
                    "sections",
                    Section.objects.order_by("position", "pk").prefetch_related(
                        Prefetch("indications", Indication.objects.order_by("position", "pk"))
                    ),
                ),
                Prefetch("figures", Figure.objects.order_by("position", "pk")),
            ),
            rows={
                Article: ("pk", "pk"),
                Section: ("pk", "article_id"),
                Figure: ("pk", "article_id"),
                Indication: ("sections", "section_id"),
            },
            changed_at=lambda article: article.updated_at,
        )
    )
    author_fields = ("name", "honorific", "position", "bio", "photo_alt")
    register(
        Document(
            model=Author,
            parts=simple_parts(
                {
                    "name": _("name"),
                    "honorific": _("honorific"),
                    "position": pgettext_lazy("author's title or job", "position"),
                    "bio": _("biography"),
                    "photo_alt": _("photo description (alt text)"),
                },
                long={"bio"},
            ),
            source_language=lambda author: first_language_with_text(author, author_fields),
            rows={Author: ("pk", "pk")},
        )
    )
    register(
        Document(
            model=Topic,
            parts=simple_parts({"name": _("name")}),
            source_language=lambda topic: first_language_with_text(topic, ["name"]),
            rows={Topic: ("pk", "pk")},
        )
    )


def register_news():
    from news.models import NewsItem

    fields = ("headline", "body", "image_alt")
    register(
        Document(
            model=NewsItem,
            parts=simple_parts(
                {
                    "headline": _("headline"),
                    "body": _("text"),
                    "image_alt": _("image description (alt text)"),
                },
                long={"body"},
            ),
            source_language=lambda item: first_language_with_text(item, fields),
            rows={NewsItem: ("pk", "pk")},
            changed_at=lambda item: item.published_at,
        )
    )


def issue_parts(issue):
    yield Part("theme", issue, "theme", _("theme"))
    yield Part("summary", issue, "summary", _("summary"), long=True)
    yield Part("cover_alt", issue, "cover_alt", _("cover description (alt text)"))
    for number, entry in enumerate(issue.entries.all(), start=1):
        group = _("Entry %(number)s of the contents") % {"number": number}
        yield Part(
            f"entry:{entry.pk}:part",
            entry,
            "part",
            pgettext_lazy("part of a magazine issue", "part"),
            group=group,
        )


def register_publications():
    from publications.models import Issue, IssueEntry, Series

    series_fields = ("name", "description", "cover_alt")
    register(
        Document(
            model=Series,
            parts=simple_parts(
                {
                    "name": _("name"),
                    "description": _("description"),
                    "cover_alt": _("cover description (alt text)"),
                },
                long={"description"},
            ),
            source_language=lambda series: first_language_with_text(series, series_fields),
            rows={Series: ("pk", "pk")},
        )
    )
    register(
        Document(
            model=Issue,
            parts=issue_parts,
            source_language=lambda issue: first_language_with_text(
                issue, ("theme", "summary", "cover_alt")
            ),
            with_parts=lambda queryset: queryset.prefetch_related(
                Prefetch("entries", IssueEntry.objects.order_by("position", "pk"))
            ),
            rows={Issue: ("pk", "pk"), IssueEntry: ("pk", "issue_id")},
            changed_at=lambda issue: issue.updated_at,
        )
    )
