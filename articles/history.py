"""
Comparing two revisions of an article (kept by django-reversion): its own fields, its
sections and their numbered points, in both languages.

Parts are matched between the revisions by their id, not by their place, so that a
section moved to the top is one "moved" row and its text is compared with its own old
text, not with whatever section stood there before. Body text is compared in the blocks
readers see (paragraphs, lists, quotations, notes: articles/templatetags/text.py), so a
list item added is one added line and an edited quotation is a word diff inside it.
Everything the editor typed is escaped: the diff shows the text as written.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher

from django.conf import settings
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from core.text import join_names, localized_field_name

from .models import Article, Author, Authorship, Figure, Indication, Section, Status
from .templatetags.text import blocks

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# A word (its letters, with the marks Arabic writes over or under them), a run of spaces,
# or one other character.
TOKEN = re.compile(r"\s+|(?:\w|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+|\S")
# Below this share of words in common, a changed paragraph (or list item) reads better as
# the old one removed and a new one added than as a word diff.
SIMILAR = 0.5


@dataclass(frozen=True)
class Field:
    """A field compared: one column per language when `translated` (title_ar, title_en)."""

    name: str
    translated: bool = True
    # In the body format (paragraphs, lists, quotations, notes): compared block by block.
    body: bool = False


# Compared by identity: a part keys dicts, and its sentences, lazy, would hash as the
# active language translates them.
@dataclass(frozen=True, eq=False)
class Part:
    """
    A kind of row an article is made of besides its own fields (sections, their points),
    as the compare view follows it: the foreign key to its parent, the fields compared,
    and the sentences that name it, whose placeholders are its number (`number`), its new
    position (`position`), its parent's number (`parent`) and, when it moved to another
    parent, that parent's number (`new_parent`).
    """

    model: type
    parent: str
    fields: tuple
    label: str  # a field of the part: "Section 2: heading [English]"
    added: str
    removed: str
    moved: str
    moved_across: str = ""  # to another parent, for parts nested in another part
    children: tuple = ()


ARTICLE_FIELDS = (
    Field("kicker"),
    Field("title"),
    Field("summary", body=True),
    Field("lead", body=True),
)

POINTS = Part(
    Indication,
    parent="section",
    fields=(Field("title"), Field("body", body=True)),
    label=gettext_lazy("Section %(parent)s, point %(number)s: %(field)s"),
    added=gettext_lazy("Point %(number)s of section %(parent)s added"),
    removed=gettext_lazy("Point %(number)s of section %(parent)s removed"),
    moved=gettext_lazy("Point %(number)s of section %(parent)s moved to position %(position)s"),
    moved_across=gettext_lazy(
        "Point %(number)s of section %(parent)s moved to section %(new_parent)s, "
        "position %(position)s"
    ),
)
SECTIONS = Part(
    Section,
    parent="article",
    fields=(Field("heading"), Field("body", body=True), Field("closing", body=True)),
    label=gettext_lazy("Section %(number)s: %(field)s"),
    added=gettext_lazy("Section %(number)s added"),
    removed=gettext_lazy("Section %(number)s removed"),
    moved=gettext_lazy("Section %(number)s moved to position %(position)s"),
    children=(POINTS,),
)
FIGURES = Part(
    Figure,
    parent="article",
    fields=(
        Field("label", translated=False),
        Field("image", translated=False),
        Field("image_alt"),
        Field("caption"),
        Field("credit"),
    ),
    label=gettext_lazy("Figure %(number)s: %(field)s"),
    added=gettext_lazy("Figure %(number)s added"),
    removed=gettext_lazy("Figure %(number)s removed"),
    moved=gettext_lazy("Figure %(number)s moved to position %(position)s"),
)
# The parts of an article, in the order the compare view lists them.
ARTICLE_PARTS = (SECTIONS, FIGURES)


def _with_parents(parts, parent=None):
    for part in parts:
        yield part, parent
        yield from _with_parents(part.children, part)


# Each part's parent part (None for the article's own parts).
PARENTS = dict(_with_parents(ARTICLE_PARTS))


@dataclass
class Row:
    """One row of the compare table: a field that changed, or what happened to a part."""

    label: str
    diff: str = ""
    # "added", "removed" or "moved": the row tells what happened to a part, as a heading
    # over the rows of its fields.
    event: str = ""
    # The language of the text compared ("" for status, dates, names), for lang and dir.
    language: str = ""

    @property
    def direction(self):
        return "rtl" if self.language and get_language_info(self.language)["bidi"] else "ltr"


def _label(model, name, code=None):
    label = str(model._meta.get_field(name).verbose_name)
    return localized_field_name(label, code) if code else label


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


# Word and block diffs.


def _tokens(text):
    return TOKEN.findall(str(text or ""))


def _words(text):
    return [token for token in _tokens(text) if not token.isspace()]


def _similar(old, new):
    return SequenceMatcher(a=old, b=new, autojunk=False).ratio() >= SIMILAR


def _align(old, new, similar):
    """
    Pairs of indices (i, j) of `old` and `new` items in reading order: equal items, items
    alike enough to be diffed (`similar`), and the rest alone, removed (i, None) before
    added (None, j). Equal runs are found first (SequenceMatcher), so a block inserted
    between two others is an insertion, not a change of everything after it.
    """
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            yield from zip(range(i1, i2), range(j1, j2), strict=True)
            continue
        i, j = i1, j1
        for k in range(j1, j2):
            match = next((m for m in range(i, i2) if similar(old[m], new[k])), None)
            if match is not None:
                yield from ((m, None) for m in range(i, match))
                yield from ((None, n) for n in range(j, k))
                yield match, k
                i, j = match + 1, k + 1
        yield from ((m, None) for m in range(i, i2))
        yield from ((None, n) for n in range(j, j2))


def _change(removed, added):
    """A changed run: the words removed struck through, then those added, with the spaces
    around them left outside the marks."""
    whole = removed if removed.strip() else added
    marks = [
        format_html("<{0}>{1}</{0}>", tag, text.strip())
        for tag, text in (("del", removed), ("ins", added))
        if text.strip()
    ]
    return format_html(
        "{}{}{}",
        whole[: len(whole) - len(whole.lstrip())],
        mark_safe(" ".join(marks)),
        whole[len(whole.rstrip()) :],
    )


def word_diff(old, new):
    """
    HTML of `new` against `old`, removed words in <del> and added ones in <ins>. Words and
    punctuation are compared apart ("page 4." → "page 5." changes "4"), and spaces never
    start a match, so two rewritten sentences do not interleave around their spaces.
    """
    before, after = _tokens(old), _tokens(new)
    parts = []
    matcher = SequenceMatcher(str.isspace, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        parts.append(escape(removed) if operation == "equal" else _change(removed, added))
    return mark_safe("".join(parts))


@dataclass(frozen=True)
class Block:
    """
    One block of body text, as lines that are compared one by one: a paragraph's text, a
    list's items, a quotation's paragraphs, a note's text.
    """

    kind: str
    lines: tuple
    start: int = 1  # a numbered list's first number
    source: str = ""  # a quotation's
    label: str = ""  # a note's

    def words(self):
        return [word for line in (*self.lines, self.source) for word in _words(line)]

    def pairs_with(self, other):
        if self.kind != other.kind:
            return False
        if self.label:
            return self.label == other.label
        return _similar(self.words(), other.words())


def _body_blocks(text):
    for kind, content in blocks(text):
        if kind == "p":
            yield Block(kind, (content,))
        elif kind == "ul":
            yield Block(kind, tuple(content))
        elif kind == "ol":
            yield Block(kind, tuple(content[1]), start=content[0])
        elif kind == "quote":
            yield Block(kind, tuple(content[0]), source=content[1])
        else:
            # A note, (label, text), and any block named by a label (a figure's mark,
            # (label, the mark as written)): one line, known by its label.
            yield Block(kind, (content[1],), label=content[0])


def _block_html(block, lines, source=""):
    """
    A block laid out as its kind is read, around `lines`, the HTML of each line as
    (html, number): a list keeps its bullets or numbers, one item a line; a quotation its
    quotation style and source; a note its label; any other block (a figure's mark) its
    text as written.
    """
    if block.kind in ("ul", "ol"):
        items = format_html_join(
            "",
            '<li value="{}">{}</li>' if block.kind == "ol" else "<li>{}</li>",
            ((number, html) if block.kind == "ol" else (html,) for html, number in lines),
        )
        return format_html("<{0}>{1}</{0}>", block.kind, items)
    paragraphs = format_html_join("", "<p>{}</p>", ((html,) for html, _number in lines))
    if block.kind == "quote":
        caption = format_html('<p class="quote-source">— {}</p>', source) if source else ""
        return format_html("<blockquote>{}{}</blockquote>", paragraphs, caption)
    if block.kind == "note":
        # The label is in the interface's language, the note in the text's: isolated, so
        # that an Arabic label does not reorder an English note around it.
        marker = _("Note %(marker)s:") % {"marker": f"[^{block.label}]"}
        return format_html(
            '<p class="note"><bdi class="note-label" lang="{}">{}</bdi> {}</p>',
            get_language(),
            marker,
            lines[0][0],
        )
    return paragraphs


def _whole_block(block, wrapper=""):
    """A block added (`wrapper` "ins"), removed ("del") or the same in both revisions."""
    lines = [(escape(line), block.start + index) for index, line in enumerate(block.lines)]
    html = _block_html(block, lines, escape(block.source))
    return format_html('<{0} class="block">{1}</{0}>', wrapper, html) if wrapper else html


def _changed_block(old, new):
    """A block of one kind in both revisions: its lines aligned, and each changed line a
    word diff, so an item added to a list is one line of its own."""
    if new.kind == "p" or new.label:  # one line, however much of it changed
        return _block_html(new, [(word_diff(old.lines[0], new.lines[0]), 1)])
    lines = []
    for i, j in _align(old.lines, new.lines, lambda a, b: _similar(_words(a), _words(b))):
        if j is None:
            lines.append((format_html("<del>{}</del>", old.lines[i]), old.start + i))
        elif i is None:
            lines.append((format_html("<ins>{}</ins>", new.lines[j]), new.start + j))
        else:
            lines.append((word_diff(old.lines[i], new.lines[j]), new.start + j))
    return _block_html(new, lines, word_diff(old.source, new.source))


def body_diff(old, new):
    """HTML of body text `new` against `old`, block by block."""
    before, after = list(_body_blocks(old)), list(_body_blocks(new))
    parts = []
    for i, j in _align(before, after, Block.pairs_with):
        if j is None:
            parts.append(_whole_block(before[i], "del"))
        elif i is None:
            parts.append(_whole_block(after[j], "ins"))
        elif before[i] == after[j]:
            parts.append(_whole_block(after[j]))
        else:
            parts.append(_changed_block(before[i], after[j]))
    return format_html_join("\n", "{}", ((part,) for part in parts))


# Revisions.


@dataclass
class Placed:
    """A part's row in one revision, with its number and its parent's number there."""

    data: dict
    number: int
    parent_number: int | None = None

    @property
    def pk(self):
        return self.data["id"]

    def parent_id(self, part):
        return self.data[f"{part.parent}_id"]


class Snapshot:
    """An article as one revision holds it: its fields, and its parts' rows numbered in
    page order under each parent."""

    def __init__(self, version):
        self.article = version.field_dict
        self.rows = defaultdict(list)
        for other in version.revision.version_set.all():
            self.rows[other._model].append(other.field_dict)
        self.placed = {}  # part → {id: Placed}
        self.siblings = {}  # part → {parent id: [Placed, in page order]}
        for part in ARTICLE_PARTS:
            self._place(part, {self.article["id"]: None})

    def _place(self, part, parents):
        """Number the rows of `part` under `parents` ({id: number}; rows of other
        articles are left out), then their own parts under them."""
        by_parent = defaultdict(list)
        for data in self.rows[part.model]:
            parent = data.get(f"{part.parent}_id")
            if parent in parents:
                by_parent[parent].append(data)
        self.placed[part], self.siblings[part] = {}, {}
        for parent, rows in by_parent.items():
            rows.sort(key=lambda data: (data["position"], data["id"]))
            placed = [Placed(data, n, parents[parent]) for n, data in enumerate(rows, start=1)]
            self.siblings[part][parent] = placed
            self.placed[part].update((one.pk, one) for one in placed)
        for child in part.children:
            self._place(child, {pk: one.number for pk, one in self.placed[part].items()})

    def under(self, part, parent):
        """The rows of `part` under the row `parent` (None: a parent this revision lacks)."""
        return self.siblings[part].get(parent, []) if parent is not None else []

    def status(self):
        return str(Status(self.article["status"]).label)

    def published_at(self):
        return _when(self.article.get("published_at"))

    def byline(self):
        bylines = sorted(
            (row for row in self.rows[Authorship] if row["article_id"] == self.article["id"]),
            key=lambda row: row["position"],
        )
        ids = [row["author_id"] for row in bylines]
        authors = Author.objects.in_bulk(ids)
        return join_names(authors[pk] for pk in ids if pk in authors)


def snapshot(version):
    """The article as one revision holds it, with its sections and points numbered."""
    return Snapshot(version)


def _field_rows(fields, old, new, label):
    """The rows of the fields that differ between `old` and `new` (dicts of field values;
    empty for a part added or removed); `label(name, code)` names each."""
    for one in fields:
        for code in LANGUAGE_CODES if one.translated else [""]:
            name = f"{one.name}_{code}" if code else one.name
            before, after = str(old.get(name) or ""), str(new.get(name) or "")
            if before != after:
                diff = body_diff(before, after) if one.body else word_diff(before, after)
                yield Row(label(one.name, code or None), diff, language=code)


class Comparison:
    """The rows that differ between two snapshots of an article, in page order."""

    def __init__(self, old, new):
        self.old, self.new = old, new

    def rows(self):
        old, new = self.old, self.new
        yield from _field_rows(
            ARTICLE_FIELDS, old.article, new.article, lambda name, code: _label(Article, name, code)
        )
        for label, value in [
            (_label(Article, "status"), Snapshot.status),
            (_label(Article, "published_at"), Snapshot.published_at),
            (_("authors"), Snapshot.byline),
        ]:
            if value(old) != value(new):
                yield Row(label, word_diff(value(old), value(new)))
        for part in ARTICLE_PARTS:
            yield from self._parts(part, old.article["id"], new.article["id"])

    def _parts(self, part, old_parent, new_parent, quiet=False):
        """
        The rows of `part` under one parent, in the new revision's order, with those
        removed where they stood. A row in both revisions that left the longest run
        keeping its order among the others moved; one found under another parent moved
        there. `quiet` leaves out "added" and "removed" for the parts of a parent that
        was added or removed itself.
        """
        before = self.old.under(part, old_parent)
        after = self.new.under(part, new_parent)
        matcher = SequenceMatcher(
            a=[one.pk for one in before], b=[one.pk for one in after], autojunk=False
        )
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation == "equal":
                for old, new in zip(before[i1:i2], after[j1:j2], strict=True):
                    yield from self._part(part, old, new, quiet)
                continue
            for old in before[i1:i2]:
                # Moved rows are shown where they are now.
                if old.pk not in self.new.placed[part]:
                    yield from self._part(part, old, None, quiet)
            for new in after[j1:j2]:
                old = self.old.placed[part].get(new.pk)
                yield from self._part(part, old, new, quiet, moved=old is not None)

    def _parent_number(self, part, old):
        """
        The number of the parent of `old` (a row of the older revision) as the newer one
        numbers it, so that every row names sections as the article now stands ("point 2
        of section 1", where section 1 is the first one now); a parent since removed by
        its old number.
        """
        parent = PARENTS[part]
        now = self.new.placed[parent].get(old.parent_id(part)) if parent else None
        return now.number if now else old.parent_number

    def _part(self, part, old, new, quiet, moved=False):
        """The rows of one row of `part`: what happened to it, its fields, its parts."""
        if new:
            numbers = {"number": new.number, "parent": new.parent_number}
        else:
            numbers = {"number": old.number, "parent": self._parent_number(part, old)}
        if moved:
            across = old.parent_id(part) != new.parent_id(part)
            sentence = part.moved_across if across else part.moved
            yield Row(
                sentence
                % {
                    "number": old.number,
                    "parent": self._parent_number(part, old),
                    "new_parent": new.parent_number,
                    "position": new.number,
                },
                event="moved",
            )
        elif (old is None or new is None) and not quiet:
            event = "added" if old is None else "removed"
            yield Row(getattr(part, event) % numbers, event=event)

        def label(name, code):
            return part.label % {**numbers, "field": _label(part.model, name, code)}

        yield from _field_rows(part.fields, old.data if old else {}, new.data if new else {}, label)
        for child in part.children:
            yield from self._parts(
                child,
                old.pk if old else None,
                new.pk if new else None,
                quiet=old is None or new is None,
            )


def compare(older, newer):
    """The rows that differ between two revisions (`Row`s), in page order."""
    return list(Comparison(snapshot(older), snapshot(newer)).rows())
