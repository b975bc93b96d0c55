"""
The structure of an imported article: the role each paragraph of the text takes (`Part`),
and the article the parts make (`ImportedArticle`), as read or as corrected in the preview.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.text import join_list

from .refusals import Problem, point_place
from .rules import (
    ANSWER_RE,
    BULLET_RE,
    INDICATION_RE,
    ORDINAL_RE,
    QUESTION_RE,
    RELATED_HEADERS_RE,
    SUMMARY_LABEL_RE,
    clean,
    detect_language,
    furniture_reason,
    is_arabic,
    is_breadcrumbs,
    is_interview_byline,
    is_masthead,
    is_news_header,
    is_notes_heading,
    is_summary_label,
    is_title_like,
    kicker_text,
    looks_like_heading,
    looks_like_kicker,
    opens_item,
    parse_byline,
    parse_date,
    split_inline_kicker,
    split_lead_phrase,
    strip_markup,
    word_lead,
)


class Role(models.TextChoices):
    """What a part of the text is in the article."""

    KICKER = "kicker", _("Kicker")
    TITLE = "title", _("Title")
    DATE = "date", _("Date")
    BYLINE = "byline", _("Byline (authors)")
    SUMMARY = "summary", _("Summary")
    PARAGRAPH = "paragraph", _("Paragraph")
    HEADING = "heading", _("Section heading")
    INDICATION = "point", _("Numbered point")
    INDICATION_PARAGRAPH = "point_paragraph", _("Next paragraph of the point")
    LEFT_OUT = "left_out", _("Left out")


class Reason(models.TextChoices):
    """Why a part of the text was left out of the article."""

    CENTER_NEWS = "center_news", _("Center news: not part of the article")
    TABLE = "table", _("A table: articles have no tables, copy what you need by hand")
    EDITOR = "editor", _("Left out in the preview")
    SITE = "site", _("The site's name or breadcrumbs")
    MASTHEAD = "masthead", _("The journal's masthead")
    PICTURE = "picture", _("A picture's place: add the article's image on its page")
    LINKS = "links", _("A share, print, reading or newsletter link")
    TAGS = "tags", _("Tags or keywords")
    RELATED = "related", _("Related articles")
    COPYRIGHT = "copyright", _("Copyright line")
    UPDATED = "updated", _("An “updated” date: the publication date is kept")
    NOTES = "notes", _("The notes' heading: the page shows the notes under its own")


FURNITURE_REASONS = {
    "picture": Reason.PICTURE,
    "links": Reason.LINKS,
    "tags": Reason.TAGS,
    "copyright": Reason.COPYRIGHT,
    "updated": Reason.UPDATED,
}


@dataclass
class Block:
    """One paragraph of the input, with what Word says about it."""

    text: str  # with Word's italics and links in the light inline form
    plain: str = ""  # the same words without the inline marks
    style: str = ""  # "title", "subtitle", "heading", "numbered", "bullet", "continued", "table"
    lead: str = ""  # Word: the bold words that open the paragraph…
    after_lead: str = ""  # …and the rest of it
    bold: bool = False  # Word: the whole paragraph is bold
    group: int | None = None  # text: lines not separated by a blank line share a group

    def __post_init__(self):
        self.plain = self.plain or self.text


@dataclass
class Part:
    """A part of the text with its role; what the preview shows and lets the editor fix."""

    role: str
    text: str = ""
    lead: str = ""  # a numbered indication's lead phrase
    reason: str = ""  # why a left-out part was left out
    marker: str = ""  # what was read as structure and not kept as text: "1-", "•"
    # A numbered point's end was guessed: nothing in the text said whether the paragraphs
    # after it are its own or the section's closing text. The preview marks the place.
    end_guessed: bool = False

    @property
    def reason_label(self):
        return Reason(self.reason).label if self.reason else ""


def join_blocks(paragraphs):
    """Paragraphs as one text of the body format: blocks are separated by a blank line."""
    return "\n\n".join(paragraphs)


@dataclass
class ImportedIndication:
    title: str
    paragraphs: list = field(default_factory=list)
    # For each paragraph, the numbers of the parts it was made of (a list is several).
    sources: list = field(default_factory=list, repr=False, compare=False)
    end_guessed: bool = field(default=False, compare=False)
    start: int = field(default=0, repr=False, compare=False)  # the part that opens it

    @property
    def body_text(self):
        return join_blocks(self.paragraphs)


@dataclass
class ImportedSection:
    heading: str
    body: list = field(default_factory=list)
    indications: list = field(default_factory=list)
    closing: list = field(default_factory=list)
    closing_sources: list = field(default_factory=list, repr=False, compare=False)
    point_end: "PointEnd | None" = field(default=None, repr=False, compare=False)

    @property
    def body_text(self):
        return join_blocks(self.body)

    @property
    def closing_text(self):
        return join_blocks(self.closing)


@dataclass
class PointEnd:
    """
    Where a section's last numbered point ends and its closing text begins: the one
    place a paragraph can cross between a point and the text around it (text between two
    points belongs to the earlier one). The preview offers to move the paragraph on
    either side across it; numbers are as readers count them, from 1.
    """

    section: int
    point: int
    point_part: int  # the number of the part that opens the point
    last: list  # the parts of the point's last paragraph, if it may leave the point
    next: list  # the parts of the closing text's first paragraph, if there is one
    guessed: bool

    def value(self, direction):
        """What a move button posts: "into-3-4-17" moves part 17's paragraph into point
        4 of section 3, "out-3-4-15" part 15's paragraph out of it."""
        parts = self.next if direction == INTO else self.last
        return f"{direction}-{self.section}-{self.point}-{parts[0]}" if parts else ""

    @property
    def into_value(self):
        return self.value(INTO)

    @property
    def out_value(self):
        return self.value(OUT)


INTO, OUT = "into", "out"


class ImportedAuthor(NamedTuple):
    """An author named in the byline: the honorific ("د.", "Dr.") apart from the name."""

    honorific: str
    name: str


@dataclass
class ImportedArticle:
    """The article the text holds, before it is saved."""

    language: str
    parts: list
    kicker: str = ""
    title: str = ""
    date: datetime.date | None = None
    date_text: str = ""
    authors: list = field(default_factory=list)  # ImportedAuthor, in byline order
    standfirst: str = ""  # the article's summary: Word's Subtitle, an abstract
    lead: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    left_out: list = field(default_factory=list)
    # What reading the text found wrong (`Problem`s); what the article itself shows
    # wrong is found by `report`, again after each correction in the preview.
    warnings: list = field(default_factory=list)
    # A Word file's pictures (word.ImportedFigure), placed in the text by "![1]"
    # paragraphs; the draft's save makes them its figures.
    figures: list = field(default_factory=list, repr=False)

    @property
    def indications(self):
        return [indication for section in self.sections for indication in section.indications]

    @property
    def lead_text(self):
        return join_blocks(self.lead)

    def body_texts(self):
        """The body fields in reading order, as saved: where the article's notes are."""
        yield self.lead_text
        for section in self.sections:
            yield section.body_text
            for indication in section.indications:
                yield indication.body_text
            yield section.closing_text

    @property
    def paragraph_count(self):
        return len(self.lead) + sum(
            len(s.body) + len(s.closing) + sum(len(i.paragraphs) for i in s.indications)
            for s in self.sections
        )

    @property
    def language_name(self):
        return str(get_language_info(self.language)["name_translated"])

    @property
    def published_at(self):
        # Noon, local time: the stored instant then falls on the same calendar day in
        # every time zone within twelve hours of ours, and in UTC.
        if self.date is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))

    @property
    def news_headlines(self):
        """The center-news lines, offered as news items (the "أخبار المركز" line is not one)."""
        return [
            part.text
            for part in self.left_out
            if part.reason == Reason.CENTER_NEWS and not is_news_header(part.text)
        ]

    def summary(self):
        """“3 sections, 4 numbered points, 14 paragraphs”, in the active language."""
        sections = len(self.sections)
        indications = len(self.indications)
        paragraphs = self.paragraph_count
        return join_list(
            [
                ngettext("%(count)d section", "%(count)d sections", sections) % {"count": sections},
                ngettext("%(count)d numbered point", "%(count)d numbered points", indications)
                % {"count": indications},
                ngettext("%(count)d paragraph", "%(count)d paragraphs", paragraphs)
                % {"count": paragraphs},
            ]
        )

    def text_fields(self):
        """Every piece of text the article will hold, for word counts."""
        yield self.kicker
        yield self.title
        yield self.standfirst
        yield from self.lead
        for section in self.sections:
            yield section.heading
            yield from section.body
            for indication in section.indications:
                yield indication.title
                yield from indication.paragraphs
            yield from section.closing


# Reading the structure --------------------------------------------------------------------


def read_structure(blocks, language=None, *, warnings=(), source=None):
    """
    Give each block its role; returns the assembled article with its parts. `warnings`
    are what the reader of the file found (a Word file's text boxes), as `Problem`s or
    as sentences, which say what was not imported.
    """
    warnings = [
        warning
        if isinstance(warning, Problem)
        else Problem(
            warning,
            place=gettext("Word file"),
            todo=gettext("Compare the preview with the Word file, and add by hand what it lacks."),
        )
        for warning in warnings
    ]
    # Page furniture first (site name, breadcrumbs, center news, share links, tags,
    # copyright…): what is left is the article, read from its header down.
    placed = furniture_parts(blocks)
    content = [index for index in range(len(blocks)) if index not in placed]
    if language is None:
        language = detect_language(
            blocks[index].plain for index in content if not parse_date(blocks[index].plain)
        )
        if language is None:
            language = settings.LANGUAGE_CODE
            warnings.append(
                Problem(
                    gettext("No letters were found, so the language could not be told."),
                    done=gettext("The text was taken to be in %(language)s.")
                    % {"language": get_language_info(language)["name_translated"]},
                    todo=gettext("Choose the text's language if it is another."),
                )
            )
    rest = [blocks[index] for index in content]
    header_parts, used = read_header(rest, warnings)
    for k, parts in header_parts.items():
        placed[content[k]] = parts
    body = content[used:]
    # A byline with its role may close the text instead of heading it.
    header_roles = {part.role for parts in header_parts.values() for part in parts}
    if body and Role.BYLINE not in header_roles:
        last = blocks[body[-1]]
        byline = parse_byline(last.plain)
        if byline and not last.style:
            placed[body[-1]] = [Part(Role.BYLINE, last.text)]
            body = body[:-1]
    interview = (
        any(
            part.role == Role.BYLINE and is_interview_byline(part.text)
            for parts in header_parts.values()
            for part in parts
        )
        or sum(1 for index in body if QUESTION_RE.match(blocks[index].plain)) >= 2
    )
    has_summary = Role.SUMMARY in header_roles
    body_parts = read_body(
        [blocks[index] for index in body],
        language,
        warnings,
        interview=interview,
        has_summary=has_summary,
    )
    for index, parts in zip(body, body_parts, strict=True):
        placed[index] = parts
    parts = [part for index in sorted(placed) for part in placed[index]]
    imported = assemble(parts, language, warnings)
    if source is None:
        source = "\n".join(block.plain for block in blocks)
    unplaced = unplaced_words(source, parts)
    if unplaced:
        imported.warnings.append(
            Problem(
                gettext("Some words were not placed in the article: %(words)s.")
                % {"words": join_list(sorted(unplaced.elements())[:20])},
                todo=gettext("Compare the preview with the text, and put them where they belong."),
            )
        )
    return imported


def furniture_parts(blocks):
    """
    The lines of the page around the article, by block: {index: [left-out part]}. Each is
    a line of its own: the site's name and breadcrumbs or a journal's masthead at the top,
    the center news, picture placeholders, share, print and reading links, tags,
    related-article lists, newsletter and copyright lines, an "Updated: …" date.
    """
    left = {}

    def leave(index, reason, text=None, marker=""):
        text = blocks[index].text if text is None else text
        left[index] = [Part(Role.LEFT_OUT, text, reason=reason, marker=marker)]

    count = len(blocks)
    top = min(count, 6)
    for index in range(top):
        text = blocks[index].plain
        if is_breadcrumbs(text):
            leave(index, Reason.SITE)
            # The line above the breadcrumbs is the site's name.
            if index == 1 and len(blocks[0].plain.split()) <= 10:
                leave(0, Reason.SITE)
        elif index <= 1 and is_masthead(text) and not parse_date(text):
            leave(index, Reason.MASTHEAD)
    copyright_lines = [
        block.plain.casefold() for block in blocks if furniture_reason(block.plain) == "copyright"
    ]
    first = blocks[0].plain if blocks else ""
    if (
        0 not in left
        and len(first.split()) <= 10
        and any(first.casefold() in line for line in copyright_lines)
    ):
        leave(0, Reason.SITE)
    # The center news: its header and the lines under it, above the article.
    header_at = next(
        (
            k
            for k in range(top)
            if is_news_header(blocks[k].plain) and all(j in left for j in range(k))
        ),
        None,
    )
    if header_at is not None:
        header = blocks[header_at]
        leave(header_at, Reason.CENTER_NEWS, header.plain)
        index = header_at + 1
        while index < count:
            block = blocks[index]
            bullet = BULLET_RE.match(block.plain)
            same_group = block.group is not None and block.group == header.group
            if not (bullet or block.style == "bullet" or same_group):
                break
            leave(
                index,
                Reason.CENTER_NEWS,
                block.plain[bullet.end() :] if bullet else block.plain,
                marker=bullet.group(0).strip() if bullet else "",
            )
            index += 1
    index = 0
    while index < count:
        text = blocks[index].plain
        if index in left:
            index += 1
            continue
        reason = furniture_reason(text)
        if reason:
            leave(index, FURNITURE_REASONS[reason])
        elif index > 2 and RELATED_HEADERS_RE.match(text) and index + 1 < count:
            # "Related", "اقرأ أيضاً", "More from …": the short titles under it.
            leave(index, Reason.RELATED)
            index += 1
            while index < count:
                line = blocks[index].plain
                reason = furniture_reason(line)
                if reason:
                    leave(index, FURNITURE_REASONS[reason])
                elif is_title_like(line) or (line.endswith(("?", "؟")) and len(line.split()) <= 15):
                    leave(index, Reason.RELATED)
                else:
                    break
                index += 1
            continue
        index += 1
    return left


def read_header(blocks, warnings):
    """
    Kicker, title, bylines, summary and date: the parts before the first paragraph of text,
    by block ({position: [part]}), and how many blocks they take.
    """
    date_at = None
    for k, block in enumerate(blocks[:8]):
        if parse_date(block.plain):
            date_at = k
            break
        # A date after a paragraph of text is in the text, not the article's date; a
        # summary may stand between the title and the byline or date, though.
        upcoming = blocks[k + 1 : k + 3]
        if not (
            block.style
            or looks_like_kicker(block.plain)
            or is_title_like(block.plain)
            or parse_byline(block.plain, bare=True)
            or (k > 0 and any(parse_date(b.plain) or parse_byline(b.plain) for b in upcoming))
        ):
            break
    titled_at = next((k for k, block in enumerate(blocks[:6]) if block.style == "title"), None)
    if date_at is not None and (titled_at is None or titled_at < date_at):
        end = date_at + 1
    elif titled_at is not None:
        end = titled_at + 1
        while end < len(blocks) and end <= titled_at + 3:
            block = blocks[end]
            if block.style == "subtitle" or parse_byline(block.plain) or parse_date(block.plain):
                end += 1
            else:
                break
    elif date_at is not None:
        end = date_at + 1
        if date_at == 0:
            # The date first, then the title lines.
            end = 1 + leading_titles(blocks[1:])
    else:
        end = leading_titles(blocks)
    # A byline just after the date, or after the title when there is no date.
    while end < len(blocks) and end > 0 and parse_byline(blocks[end].plain):
        end += 1
    heads = blocks[:end]
    roles = {}
    date = title = standfirst = None
    for k, block in enumerate(heads):
        if date is None and parse_date(block.plain):
            date = k
            roles[k] = Role.DATE
        elif block.style == "title" and title is None:
            title = k
            roles[k] = Role.TITLE
        elif block.style == "subtitle" and standfirst is None:
            standfirst = k
            roles[k] = Role.SUMMARY
        elif parse_byline(block.plain):
            roles[k] = Role.BYLINE
    others = [k for k in range(len(heads)) if k not in roles]
    if title is None:
        lines = [
            k
            for k in others
            if is_title_like(heads[k].plain)
            or heads[k].style
            or (k == others[0] and looks_like_kicker(heads[k].plain))
        ]
        # "Title / Jane Smith / date": a bare name just above the date is the byline.
        if (
            len(lines) >= 2
            and lines[-1] + 1 == (date if date is not None else len(heads))
            and not is_arabic(heads[lines[-1]].plain)
            and parse_byline(heads[lines[-1]].plain, bare=True)
        ):
            roles[lines.pop()] = Role.BYLINE
        if len(lines) >= 2 and looks_like_kicker(heads[lines[0]].plain) and lines[0] == others[0]:
            roles[lines[0]] = Role.KICKER
            lines.pop(0)
        if lines and lines[0] == min(k for k in others if k not in roles):
            title = lines[0]
            roles[title] = Role.TITLE
    else:
        # In Word, the short line just above the Title is the kicker.
        before = [k for k in others if k < title]
        if before and before[-1] == title - 1 and looks_like_kicker(heads[before[-1]].plain):
            roles[before[-1]] = Role.KICKER
    if title is not None:
        for k in others:
            # A paragraph between the title and the byline or date: the summary.
            if (
                k not in roles
                and k > title
                and standfirst is None
                and not is_title_like(heads[k].plain)
                and any(roles.get(j) in {Role.BYLINE, Role.DATE} for j in range(k + 1, len(heads)))
            ):
                standfirst = k
                roles[k] = Role.SUMMARY
    parts = {}
    for k, block in enumerate(heads):
        role = roles.get(k)
        if role == Role.KICKER:
            parts[k] = [Part(Role.KICKER, kicker_text(block.plain))]
        elif role == Role.TITLE:
            parts[k] = []
            text = block.plain
            if block.style != "title" and Role.KICKER not in roles.values():
                inline_kicker, text = split_inline_kicker(block.plain)
                if inline_kicker:
                    parts[k].append(Part(Role.KICKER, kicker_text(inline_kicker)))
            parts[k].append(Part(Role.TITLE, text))
        elif role in {Role.DATE, Role.BYLINE}:
            parts[k] = [Part(role, block.plain)]
        elif role == Role.SUMMARY:
            parts[k] = [Part(Role.SUMMARY, block.text)]
    # A missing title is found by `report`, from the article: a title given in the
    # preview answers it.
    leftovers = [k for k in range(len(heads)) if k not in roles]
    if leftovers:
        warnings.append(
            Problem(
                gettext(
                    "Lines at the top were read as neither kicker, title, byline nor date: "
                    "%(lines)s"
                )
                % {"lines": " / ".join(heads[k].plain for k in leftovers)},
                place=gettext("Top of the text"),
                done=gettext("They were kept as lead paragraphs."),
                todo=gettext("Mark them in the preview if they are the kicker, title or byline."),
            )
        )
        for k in leftovers:
            parts[k] = [Part(Role.PARAGRAPH, heads[k].text)]
    return parts, len(heads)


def leading_titles(blocks):
    """How many of the first blocks read as kicker and title (at most two), leaving text."""
    count = 0
    while (
        count < 2
        and count + 1 < len(blocks)
        and not parse_byline(blocks[count].plain)
        and not is_summary_label(blocks[count].plain)
        and (
            is_title_like(blocks[count].plain)
            or (count == 0 and looks_like_kicker(blocks[count].plain))
        )
    ):
        count += 1
    return count


# "Finally, …", "وأخيراً، …": the last point, after which the section closes.
FINALLY_RE = re.compile(
    r"^(?:\*\*)?(?:finally|lastly|وأخيراً|وأخيرًا|وأخيرا|أخيراً|أخيرًا|أخيرا)\b", re.IGNORECASE
)


def is_colon_heading(block, has_next):
    """A short Arabic line ending in a colon: "مقدمة:", "خلفية الأزمة:"."""
    text = block.plain
    words = text.split()
    return (
        has_next
        and text.endswith(":")
        and is_arabic(text)
        and 1 <= len(words) <= 5
        and not any(mark in text[:-1] for mark in ".:;,،؛!؟?")
        and not opens_item(text)
        and not any(word in INTRODUCERS for word in [*words[-2:], words[-1].rstrip(":")])
    )


# Words that end a sentence introducing a list, not a heading: "…فيما يلي:".
INTRODUCERS = {
    "يلي", "يلي:", "التالي", "التالي:", "التالية", "التالية:", "الآتي", "الآتي:", "الآتية",
    "الآتية:",
}  # fmt: skip


def read_body(blocks, language, warnings, *, interview=False, has_summary=False):
    """
    Lead, headings, indications, their paragraphs and the sections' closing text: a list
    of parts for each block.
    """
    styled_headings = any(block.style in {"heading", "title", "subtitle"} for block in blocks)
    kinds = []
    expected = 1  # the number the next indication should have
    # Where an indication is, to say so in a warning: its section and its place in it.
    sections = position = 0
    in_notes = False
    seen_question = False
    for index, block in enumerate(blocks):
        has_next = index + 1 < len(blocks)
        kind = "paragraph"
        numbered = INDICATION_RE.match(block.plain)
        if in_notes or block.style == "note":
            kind = "note"
        elif block.style == "table":
            kind = "table"
        elif block.style == "quote":
            kind = "quote"
        elif kinds and kinds[-1] == "quote" and is_quote_source(block):
            kind = "quote_source"
        elif has_next and is_notes_heading(block.plain):
            # "Notes", "الهوامش": what follows is the notes list, not points.
            kind = "notes"
            in_notes = True
        elif (
            not has_summary
            and not any(k in {"heading", "ordinal", "indication"} for k in kinds)
            and SUMMARY_LABEL_RE.match(block.plain)
            and (not is_summary_label(block.plain) or has_next)
        ):
            kind = "summary_label" if is_summary_label(block.plain) else "summary"
            has_summary = True
        elif kinds and kinds[-1] == "summary_label":
            kind = "summary_text"
        elif interview and QUESTION_RE.match(block.plain):
            kind = "question"
        elif interview and ANSWER_RE.match(block.plain):
            kind = "answer"
        elif block.style in {"heading", "title", "subtitle"}:
            kind = "heading"
        elif block.style == "numbered":
            kind = "indication"
        elif block.style == "bullet" or BULLET_RE.match(block.plain):
            kind = "bullet"
        elif numbered:
            number = int(numbered["paren"] or numbered["number"])
            # "2018. That year…" or "12-month plans…" are not indications: an indication's
            # number follows the previous one or starts a list, or is at least written like one.
            if number in {1, expected} or (numbered["space"] and number <= 99):
                kind = "indication"
                if number not in {1, expected}:
                    warnings.append(
                        Problem(
                            gettext(
                                "A point numbered %(number)s comes where %(expected)s was expected."
                            )
                            % {"number": number, "expected": expected},
                            place=point_place(max(sections, 1), position + 1),
                            done=gettext(
                                "Points are numbered by their order: it is point %(position)d."
                            )
                            % {"position": position + 1},
                        )
                    )
                expected = number + 1
        elif ORDINAL_RE.match(block.plain):
            kind = "ordinal"
        elif (
            interview
            and has_next
            and (
                (block.bold and styled_headings)
                or (not block.style and block.plain.endswith(("?", "؟")) and kinds)
            )
        ):
            # An interview's questions: whole-bold paragraphs in Word, paragraphs that end
            # in a question mark in text.
            kind = "heading"
        elif interview and seen_question is False and not styled_headings:
            kind = "paragraph"
        elif has_next and (block.bold or not styled_headings) and looks_like_heading(block.plain):
            # Without heading styles, a short line with text after it; with them, a short
            # line in bold, as editors mark headings when they do not use the styles.
            kind = "heading"
        elif not styled_headings and is_colon_heading(block, has_next):
            kind = "colon_heading"
        if kind in {"heading", "ordinal", "question", "colon_heading"}:
            expected = 1
            sections += 1
            position = 0
            seen_question = seen_question or interview
        elif kind == "indication":
            # Points before the first heading make a section of their own.
            sections = max(sections, 1)
            position += 1
        kinds.append(kind)

    parts = []
    in_indications = False
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        if kind == "table":
            parts.append([Part(Role.LEFT_OUT, block.text, reason=Reason.TABLE)])
        elif kind == "heading":
            parts.append([Part(Role.HEADING, block.plain)])
            in_indications = False
        elif kind == "colon_heading":
            parts.append([Part(Role.HEADING, block.plain.rstrip(":").rstrip())])
            in_indications = False
        elif kind == "question":
            label = QUESTION_RE.match(block.plain)
            parts.append(
                [Part(Role.HEADING, block.plain[label.end() :], marker=label.group(0).strip())]
            )
            in_indications = False
        elif kind == "answer":
            label = ANSWER_RE.match(block.text)
            text = block.text[label.end() :] if label else block.text
            marker = label.group(0).strip() if label else ""
            parts.append([Part(Role.PARAGRAPH, text, marker=marker)])
        elif kind == "summary_label":
            parts.append([])
        elif kind == "summary_text":
            parts.append([Part(Role.SUMMARY, block.text, marker=blocks[index - 1].plain)])
        elif kind == "summary":
            label = SUMMARY_LABEL_RE.match(block.text)
            parts.append(
                [Part(Role.SUMMARY, block.text[label.end() :], marker=label.group(0).strip())]
            )
        elif kind == "ordinal":
            parts.append(ordinal_parts(block.text, language))
            in_indications = False
        elif kind == "indication":
            parts.append([indication_part(block, language)])
            in_indications = True
        elif kind in {"notes", "note"}:
            if in_indications:
                close_section(parts, blocks, kinds, index - 1)
                in_indications = False
            parts.append([Part(Role.PARAGRAPH, block.text)])
        elif in_indications:
            parts.append([Part(Role.INDICATION_PARAGRAPH, body_text(block, kind))])
            next_kind = kinds[index + 1] if index + 1 < len(kinds) else "end"
            if next_kind in {"heading", "ordinal", "end", "question", "colon_heading", "notes"}:
                close_section(parts, blocks, kinds, index)
                in_indications = False
        else:
            parts.append([Part(Role.PARAGRAPH, body_text(block, kind))])
    mark_notes(parts, blocks, kinds)
    # Points without a lead phrase are found by `report`, from the article.
    return parts


# A quotation's source, on the short line after it: "— Jane Smith, 2023".
QUOTE_SOURCE_RE = re.compile(r"^[—–]\s*")


def body_text(block, kind):
    """A paragraph's text; a quotation's source as the quotation's last line."""
    if kind == "quote_source":
        return f"> — {QUOTE_SOURCE_RE.sub('', block.text)}"
    return block.text


def is_quote_source(block):
    return (
        not block.style
        and bool(QUOTE_SOURCE_RE.match(block.plain))
        and len(block.plain.split()) <= 15
    )


# A notes list's entry: "[1] …", "(1) …", "1. …", "1- …".
NOTE_ENTRY_RE = re.compile(
    r"^(?:\[\s*(?P<bracket>\d{1,3})\s*\]|\(\s*(?P<paren>\d{1,3})\s*\)|(?P<number>\d{1,3})\s*[-–—.)])\s*"
)
NOTE_DEFINITION_RE = re.compile(r"^\[\^\d+\]:\s")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Note markers in the text, once a notes list is known: "[1]", "¹²", "(1)"; not the "[1]"
# of a figure's mark, "![1]".
NOTE_MARKER_RE = re.compile(
    rf"(?<!!)\[\s*(?P<bracket>\d{{1,3}})\s*\]|(?P<superscript>[{SUPERSCRIPT_DIGITS}]+)"
    r"|\(\s*(?P<paren>\d{1,3})\s*\)"
)


def mark_notes(parts, blocks, kinds):
    """
    A notes list at the end of a text ("Notes", "الهوامش" and numbered entries) in the
    body-text format: each entry a definition "[^1]: …", each marker in the text ("[1]",
    "¹", "(1)") a reference "[^1]". The notes' heading is left out: the page has its own.
    Word's footnotes come already marked.
    """
    numbers = set()
    for index, kind in enumerate(kinds):
        if kind != "note" or blocks[index].style == "note" or not parts[index]:
            continue
        part = parts[index][0]
        entry = NOTE_ENTRY_RE.match(part.text)
        if entry:
            number = int(entry["bracket"] or entry["paren"] or entry["number"])
            numbers.add(number)
            part.marker = entry.group(0).strip()
            part.text = f"[^{number}]: {part.text[entry.end() :]}"
    if not numbers:
        return
    for index, kind in enumerate(kinds):
        if kind == "notes" and parts[index]:
            part = parts[index][0]
            parts[index] = [Part(Role.LEFT_OUT, part.text, reason=Reason.NOTES)]

    def reference(match):
        text = match["bracket"] or match["paren"] or match["superscript"]
        number = int(text.translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")))
        return f"[^{number}]" if number in numbers else match.group(0)

    for index, kind in enumerate(kinds):
        if kind in {"note", "notes"}:
            continue
        for part in parts[index]:
            if part.role in {Role.PARAGRAPH, Role.INDICATION, Role.INDICATION_PARAGRAPH}:
                part.text = NOTE_MARKER_RE.sub(reference, part.text)
                part.lead = NOTE_MARKER_RE.sub(reference, part.lead)


def close_section(parts, blocks, kinds, last_index):
    """
    Turn the trailing paragraphs after a section's last indication into its closing text.
    In Word, from the first paragraph that is not indented under the list. In text, the
    last paragraph; or from the paragraph that introduces a bulleted list after the points;
    or everything after a last point that says it is the last ("Finally, …"). Text does
    not say where a point ends, so there the end is marked as guessed, for the preview to
    show it and offer to move it.
    """
    trailing = []
    k = last_index
    while k >= 0 and parts[k] and parts[k][0].role == Role.INDICATION_PARAGRAPH:
        trailing.append(k)
        k -= 1
    trailing.reverse()
    if not trailing:
        return
    indication_block = blocks[trailing[0] - 1]
    if indication_block.style == "numbered":
        for offset, position in enumerate(trailing):
            if blocks[position].style != "continued":
                for later in trailing[offset:]:
                    parts[later][0].role = Role.PARAGRAPH
                return
        return
    start = trailing[-1]
    last_point = parts[trailing[0] - 1][0] if parts[trailing[0] - 1] else None
    if last_point is not None and last_point.role == Role.INDICATION:
        last_point.end_guessed = True
    bullets = [position for position in trailing if kinds[position] == "bullet"]
    if last_point is not None and FINALLY_RE.match(last_point.lead or last_point.text):
        start = trailing[0]
    elif bullets:
        prose = [position for position in trailing if position < bullets[0]]
        start = prose[-1] if prose else bullets[0]
    for position in trailing:
        if position >= start:
            parts[position][0].role = Role.PARAGRAPH


def indication_part(block, language):
    """A numbered indication: its marker, lead phrase and the rest of its first paragraph."""
    text = block.text
    marker = ""
    match = INDICATION_RE.match(block.plain)
    if match and block.style != "numbered":
        marker = match.group(0).strip()
        text_match = INDICATION_RE.match(text)
        text = text[text_match.end() :] if text_match else text
    if block.lead:
        lead, rest = word_lead(block)
        bold_marker = INDICATION_RE.match(lead)
        if bold_marker:
            marker = bold_marker.group(0).strip()
            lead = lead[bold_marker.end() :]
        return Part(Role.INDICATION, rest, lead=lead, marker=marker)
    if block.bold:
        return Part(Role.INDICATION, "", lead=strip_markup(text), marker=marker)
    lead, rest = split_lead_phrase(text, language)
    return Part(Role.INDICATION, rest, lead=strip_markup(lead), marker=marker)


def ordinal_parts(text, language):
    """
    "أولاً- تصعيد مستمر" is a heading, ordinal kept: the page does not number sections. A
    long line opened by an ordinal is split after its lead phrase into heading and text.
    """
    match = ORDINAL_RE.match(text)
    rest = text[match.end() :]
    if len(rest.split()) <= 15:
        return [Part(Role.HEADING, strip_markup(text))]
    lead, body = split_lead_phrase(rest, language)
    if lead and body:
        return [
            Part(Role.HEADING, strip_markup(text[: match.end()] + lead)),
            Part(Role.PARAGRAPH, body),
        ]
    return [Part(Role.PARAGRAPH, text)]


def assemble(parts, language, warnings=()):
    """
    The article the parts make, read or corrected in the preview. A paragraph goes by its
    place: before the first heading or indication it is lead, in a section before its first
    indication the section's text, after its indications the section's closing text.

    Each paragraph of a point and of a closing text keeps the numbers of the parts it
    was made of, so that the preview can move it across the point's end (`PointEnd`).
    """
    imported = ImportedArticle(language=language, parts=parts, warnings=list(warnings))
    section = indication = None
    notes = []
    previous = None  # the list the last paragraph went to, for lists and quotations

    def add(paragraphs, text, number, sources=None):
        nonlocal previous
        if NOTE_DEFINITION_RE.match(text):
            notes.append(text)
            return
        line, kind = body_line(text)
        if kind and previous is paragraphs and paragraphs and body_line(paragraphs[-1])[1] == kind:
            paragraphs[-1] = f"{paragraphs[-1]}\n{line}"
            if sources is not None:
                sources[-1].append(number)
        else:
            paragraphs.append(line)
            if sources is not None:
                sources.append([number])
        previous = paragraphs

    for number, part in enumerate(parts):
        role = part.role
        text = clean(part.text)
        if role != Role.LEFT_OUT:
            previous = previous if role in {Role.PARAGRAPH, Role.INDICATION_PARAGRAPH} else None
        if role == Role.LEFT_OUT:
            imported.left_out.append(part)
        elif role == Role.KICKER and not imported.kicker:
            imported.kicker = text
        elif role == Role.TITLE and not imported.title:
            imported.title = text
        elif role == Role.DATE and imported.date is None and parse_date(text):
            imported.date = parse_date(text)
            imported.date_text = text
        elif role == Role.BYLINE and parse_byline(text, bare=True):
            _label, authors = parse_byline(text, bare=True)
            known = set(imported.authors)
            imported.authors += [
                author for author in map(ImportedAuthor._make, authors) if author not in known
            ]
        elif role == Role.SUMMARY and text:
            imported.standfirst = f"{imported.standfirst}\n\n{text}".strip()
        elif role == Role.HEADING:
            section = ImportedSection(heading=text)
            imported.sections.append(section)
            indication = None
        elif role == Role.INDICATION:
            if section is None:
                section = ImportedSection(heading="")
                imported.sections.append(section)
            if section.closing and section.indications:
                # Text between two indications belongs to the earlier one.
                section.indications[-1].paragraphs += section.closing
                section.indications[-1].sources += section.closing_sources
                section.closing, section.closing_sources = [], []
            indication = ImportedIndication(
                title=clean(part.lead), end_guessed=part.end_guessed, start=number
            )
            if text:
                add(indication.paragraphs, text, number, indication.sources)
            section.indications.append(indication)
        elif role == Role.INDICATION_PARAGRAPH and indication is not None and text:
            add(indication.paragraphs, text, number, indication.sources)
        elif text:
            # Paragraphs, and anything a second kicker, title or date would have been.
            if section is None:
                add(imported.lead, text, number)
            elif not section.indications:
                add(section.body, text, number)
            else:
                add(section.closing, text, number, section.closing_sources)
                indication = None
    for position, section in enumerate(imported.sections, start=1):
        section.point_end = point_end(section, position, parts)
    # The notes' definitions close the article's last text: the closing of the last section,
    # or the lead when there are no sections.
    (imported.sections[-1].closing if imported.sections else imported.lead).extend(notes)
    return imported


def point_end(section, position, parts):
    """Where the section's last point ends, if a paragraph can cross it; else None."""
    if not section.indications:
        return None
    last = section.indications[-1]
    # The paragraph its number opens stays in the point: it is the point.
    leaving = last.sources[-1] if last.sources else []
    if not all(parts[number].role == Role.INDICATION_PARAGRAPH for number in leaving):
        leaving = []
    coming = section.closing_sources[0] if section.closing_sources else []
    if not (leaving or coming):
        return None
    return PointEnd(
        section=position,
        point=len(section.indications),
        point_part=last.start,
        last=leaving,
        next=coming,
        guessed=last.end_guessed,
    )


class MoveRefused(ValueError):
    """A move that does not fit the article as it stands: forged, or made on another text."""


def move_paragraph(parts, imported, move):
    """
    The parts with one paragraph moved across the end of a section's last point, as the
    preview's buttons ask (`PointEnd.value`): "into" the point the closing text's first
    paragraph, "out" of it the point's last one. The move names the point and the
    paragraph's first part; anything that does not name a paragraph beside that point's
    end in this article raises `MoveRefused`, and nothing is changed. Once moved, the end
    is the editor's: it is no longer marked as guessed.
    """
    try:
        direction, section, point, first = move.split("-")
        section, point, first = int(section), int(point), int(first)
    except ValueError:
        raise MoveRefused(move) from None
    if direction not in {INTO, OUT} or not 1 <= section <= len(imported.sections):
        raise MoveRefused(move)
    end = imported.sections[section - 1].point_end
    if end is None or end.value(direction) != move:
        raise MoveRefused(move)
    moved = [replace(part) for part in parts]
    if direction == INTO:
        for number in end.next:
            moved[number].role = Role.INDICATION_PARAGRAPH
        # The closing text's other paragraphs stay where they are, whatever role they had.
        for paragraph in imported.sections[section - 1].closing_sources[1:]:
            for number in paragraph:
                if moved[number].role == Role.INDICATION_PARAGRAPH:
                    moved[number].role = Role.PARAGRAPH
    else:
        for number in end.last:
            moved[number].role = Role.PARAGRAPH
    moved[end.point_part].end_guessed = False
    return moved


def body_line(text):
    """
    A paragraph as a line of the body-text format, and the kind of block it continues: a
    bulleted item ("• …", "– …") as "- …" ("bullet"), a quotation's line "> …" ("quote").
    """
    bullet = BULLET_RE.match(text)
    if bullet:
        return f"- {text[bullet.end() :]}", "bullet"
    if text.startswith("> "):
        return text, "quote"
    return text, None


WORD_RE = re.compile(r"\w+")
# Marks that are not words: note references and definitions ("[^1]", "[^1]:"), and the
# markers they were read from ("[1]", "(1)", "¹").
NOT_WORDS_RE = re.compile(rf"\[\^?\d+\]:?|\(\d{{1,3}}\)|[{SUPERSCRIPT_DIGITS}]+")


def words(text):
    return Counter(WORD_RE.findall(NOT_WORDS_RE.sub(" ", strip_markup(text))))


def unplaced_words(source, parts):
    """Words of the input that are in no part (a bug, were it ever not empty)."""
    placed = Counter()
    for part in parts:
        placed += words(part.text) + words(part.lead) + words(part.marker)
    return words(source) - placed
