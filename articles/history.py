"""
Comparing two revisions of an article (kept by django-reversion): its own fields, its
sections and their numbered points, in both languages, word by word.
"""

from datetime import datetime
from difflib import SequenceMatcher

from django.conf import settings
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.text import join_names, localized_field_name

from .models import Article, Author, Authorship, Indication, Section, Status

ARTICLE_TEXT = ("kicker", "title", "summary", "lead")


def _label(model, field, code=None):
    name = str(model._meta.get_field(field).verbose_name)
    return localized_field_name(name, code) if code else name


def _when(value):
    """A stored date-time as the interface writes one ("4 أبريل 2018 8:00")."""
    if not value:
        return ""
    if isinstance(value, str):
        value = parse_datetime(value) or value
    if not isinstance(value, datetime):
        return str(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATETIME_FORMAT")


def snapshot(version):
    """The article as one revision holds it: a list of (label, text) rows, in page order."""
    data = version.field_dict
    rows = [
        (_label(Article, f, code), data.get(f"{f}_{code}") or "")
        for f in ARTICLE_TEXT
        for code, _name in settings.LANGUAGES
    ]
    rows.append((_label(Article, "status"), str(Status(data["status"]).label)))
    rows.append((_label(Article, "published_at"), _when(data.get("published_at"))))

    related = {Section: [], Indication: [], Authorship: []}
    for other in version.revision.version_set.all():
        model = other._model
        if model in related:
            related[model].append(other.field_dict)
    author_ids = [
        row["author_id"]
        for row in sorted(related[Authorship], key=lambda row: row["position"])
        if row["article_id"] == data["id"]
    ]
    authors = Author.objects.in_bulk(author_ids)
    rows.append(
        (
            _("authors"),
            join_names(authors[pk] for pk in author_ids if pk in authors),
        )
    )
    sections = sorted(
        (row for row in related[Section] if row["article_id"] == data["id"]),
        key=lambda row: (row["position"], row["id"]),
    )
    for number, section in enumerate(sections, start=1):
        for field in ("heading", "body", "closing"):
            for code, _name in settings.LANGUAGES:
                label = _("Section %(number)s: %(field)s") % {
                    "number": number,
                    "field": _label(Section, field, code),
                }
                rows.append((label, section.get(f"{field}_{code}") or ""))
        indications = sorted(
            (row for row in related[Indication] if row["section_id"] == section["id"]),
            key=lambda row: (row["position"], row["id"]),
        )
        for number_in_section, indication in enumerate(indications, start=1):
            for field in ("title", "body"):
                for code, _name in settings.LANGUAGES:
                    label = _("Section %(number)s, point %(point)s: %(field)s") % {
                        "number": number,
                        "point": number_in_section,
                        "field": _label(Indication, field, code),
                    }
                    rows.append((label, indication.get(f"{field}_{code}") or ""))
    return rows


def word_diff(old, new):
    """HTML of `new` against `old`, removed words in <del> and added ones in <ins>."""
    before, after = old.split(), new.split()
    parts = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(after[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))


def compare(older, newer):
    """The rows that differ between two revisions: (label, diff HTML)."""
    old_rows, new_rows = dict(snapshot(older)), snapshot(newer)
    changes = []
    seen = set()
    for label, text in new_rows:
        seen.add(label)
        before = old_rows.get(label, "")
        if before != text:
            changes.append((label, word_diff(before, text)))
    for label, text in old_rows.items():
        if label not in seen and text:
            changes.append((label, word_diff(text, "")))
    return changes
