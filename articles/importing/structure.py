"""
The structure of an imported article: the role each paragraph of the text takes (`Part`),
and the article the parts make (`ImportedArticle`), as read or as corrected in the preview.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .rules import (
    BULLET_RE,
    INDICATION_RE,
    ORDINAL_RE,
    clean,
    detect_language,
    is_news_header,
    is_title_like,
    kicker_text,
    looks_like_heading,
    looks_like_kicker,
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

    @property
    def reason_label(self):
        return Reason(self.reason).label if self.reason else ""


@dataclass
class ImportedIndication:
    title: str
    paragraphs: list = field(default_factory=list)


@dataclass
class ImportedSection:
    heading: str
    body: list = field(default_factory=list)
    indications: list = field(default_factory=list)
    closing: list = field(default_factory=list)


@dataclass
class ImportedArticle:
    """The article the text holds, before it is saved."""

    language: str
    parts: list
    kicker: str = ""
    title: str = ""
    date: datetime.date | None = None
    date_text: str = ""
    lead: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    left_out: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def indications(self):
        return [indication for section in self.sections for indication in section.indications]

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
        return ", ".join(
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
    """Give each block its role; returns the assembled article with its parts."""
    warnings = list(warnings)
    parts = []
    start = 0
    # A page dump opens with the center news: its header and the lines under it.
    if blocks and is_news_header(blocks[0].plain):
        header = blocks[0]
        parts.append(Part(Role.LEFT_OUT, header.plain, reason=Reason.CENTER_NEWS))
        start = 1
        while start < len(blocks):
            block = blocks[start]
            bullet = BULLET_RE.match(block.plain)
            same_group = block.group is not None and block.group == header.group
            if not (bullet or block.style == "bullet" or same_group):
                break
            text = block.plain[bullet.end() :] if bullet else block.plain
            parts.append(
                Part(
                    Role.LEFT_OUT,
                    text,
                    reason=Reason.CENTER_NEWS,
                    marker=bullet.group(0).strip() if bullet else "",
                )
            )
            start += 1
    rest = blocks[start:]
    if language is None:
        language = detect_language(block.plain for block in rest if not parse_date(block.plain))
        if language is None:
            language = settings.LANGUAGE_CODE
            warnings.append(
                gettext(
                    "No letters were found, so the language could not be told: "
                    "%(language)s assumed."
                )
                % {"language": get_language_info(language)["name_translated"]}
            )
    header_parts, used = read_header(rest, warnings)
    parts += header_parts
    parts += read_body(rest[used:], language, warnings)
    imported = assemble(parts, language, warnings)
    if not imported.sections:
        imported.warnings.append(
            gettext(
                "No section headings or numbered points were found: the text was kept as "
                "lead paragraphs. Mark headings and points in the preview if it has some."
            )
        )
    if source is None:
        source = "\n".join(block.plain for block in blocks)
    unplaced = unplaced_words(source, parts)
    if unplaced:
        imported.warnings.append(
            gettext("Some words were not placed in the article: %(words)s. Check the preview.")
            % {"words": ", ".join(sorted(unplaced.elements())[:20])}
        )
    return imported


def read_header(blocks, warnings):
    """Kicker, title and date: the parts before the first paragraph of text."""
    parts = []
    date_at = None
    for k, block in enumerate(blocks[:6]):
        if parse_date(block.plain):
            date_at = k
            break
        # A date after a paragraph of text is in the text, not the article's date.
        if not (block.style or looks_like_kicker(block.plain) or is_title_like(block.plain)):
            break
    titled_at = next((k for k, block in enumerate(blocks[:6]) if block.style == "title"), None)
    if titled_at is not None and (date_at is None or titled_at < date_at):
        # Word's Title style: the title; a Subtitle, or a short line just before, the kicker.
        end = titled_at + 1
        if date_at == end:
            end += 1
        elif end < len(blocks) and blocks[end].style == "subtitle":
            end += 1
            if date_at == end:
                end += 1
        heads = blocks[:end]
    elif date_at is not None:
        heads = blocks[: date_at + 1]
        if date_at == 0:
            # The date first, then the title lines.
            extra = leading_titles(blocks[1:])
            heads = blocks[: 1 + extra]
    else:
        heads = blocks[: leading_titles(blocks)]
    kicker = title = date = None
    leftovers = []
    for block in heads:
        if date is None and parse_date(block.plain):
            date = block
        elif block.style == "title" and title is None:
            title = block
        elif block.style == "subtitle" and kicker is None:
            kicker = block
        else:
            leftovers.append(block)
    if title is None and leftovers:
        # Page order: kicker, then title.
        if len(leftovers) >= 2 and kicker is None and looks_like_kicker(leftovers[0].plain):
            kicker = leftovers.pop(0)
        if is_title_like(leftovers[0].plain) or leftovers[0].style:
            title = leftovers.pop(0)
    elif (
        title is not None
        and kicker is None
        and leftovers
        and looks_like_kicker(leftovers[-1].plain)
    ):
        kicker = leftovers.pop()
    if kicker is not None:
        parts.append(Part(Role.KICKER, kicker_text(kicker.plain)))
    if title is not None:
        inline_kicker, title_text = ("", title.plain)
        if kicker is None:
            inline_kicker, title_text = split_inline_kicker(title.plain)
            if inline_kicker:
                parts.append(Part(Role.KICKER, kicker_text(inline_kicker)))
        parts.append(Part(Role.TITLE, title_text))
    else:
        warnings.append(gettext("No title was found: give the article one in the preview."))
    if date is not None:
        parts.append(Part(Role.DATE, date.plain))
    if leftovers:
        warnings.append(
            gettext("Lines at the top were kept as lead paragraphs: %(lines)s")
            % {"lines": " / ".join(block.plain for block in leftovers)}
        )
        parts += [Part(Role.PARAGRAPH, block.text) for block in leftovers]
    return parts, len(heads)


def leading_titles(blocks):
    """How many of the first blocks read as kicker and title (at most two), leaving text."""
    count = 0
    while (
        count < 2
        and count + 1 < len(blocks)
        and (
            is_title_like(blocks[count].plain)
            or (count == 0 and looks_like_kicker(blocks[count].plain))
        )
    ):
        count += 1
    return count


def read_body(blocks, language, warnings):
    """Lead, headings, indications, their paragraphs and the sections' closing text."""
    styled_headings = any(block.style in {"heading", "title", "subtitle"} for block in blocks)
    kinds = []
    expected = 1  # the number the next indication should have
    for index, block in enumerate(blocks):
        has_next = index + 1 < len(blocks)
        kind = "paragraph"
        numbered = INDICATION_RE.match(block.plain)
        if block.style == "table":
            kind = "table"
        elif block.style in {"heading", "title", "subtitle"}:
            kind = "heading"
        elif block.style == "numbered":
            kind = "indication"
        elif numbered:
            number = int(numbered["paren"] or numbered["number"])
            # "2018. That year…" or "12-month plans…" are not indications: an indication's
            # number follows the previous one or starts a list, or is at least written like one.
            if number in {1, expected} or (numbered["space"] and number <= 99):
                kind = "indication"
                if number not in {1, expected}:
                    warnings.append(
                        gettext(
                            "A point numbered %(number)s comes where %(expected)s was "
                            "expected; points are numbered by their order."
                        )
                        % {"number": number, "expected": expected}
                    )
                expected = number + 1
        elif ORDINAL_RE.match(block.plain):
            kind = "ordinal"
        elif has_next and (block.bold or not styled_headings) and looks_like_heading(block.plain):
            # Without heading styles, a short line with text after it; with them, a short
            # line in bold, as editors mark headings when they do not use the styles.
            kind = "heading"
        if kind in {"heading", "ordinal"}:
            expected = 1
        kinds.append(kind)

    parts = []
    in_indications = False
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        if kind == "table":
            parts.append(Part(Role.LEFT_OUT, block.text, reason=Reason.TABLE))
        elif kind == "heading":
            parts.append(Part(Role.HEADING, block.plain))
            in_indications = False
        elif kind == "ordinal":
            parts += ordinal_parts(block.text, language)
            in_indications = False
        elif kind == "indication":
            parts.append(indication_part(block, language))
            in_indications = True
        elif in_indications:
            parts.append(Part(Role.INDICATION_PARAGRAPH, block.text))
            # The paragraphs after a section's last indication: which continue it, which
            # close the section? In Word, the indication's own paragraphs are indented; in
            # text, only the last paragraph before the next heading is the closing text.
            next_kind = kinds[index + 1] if index + 1 < len(kinds) else "end"
            if next_kind in {"heading", "ordinal", "end"}:
                close_section(parts, blocks, kinds, index)
        else:
            parts.append(Part(Role.PARAGRAPH, block.text))
    for part in parts:
        if part.role == Role.INDICATION and not part.lead:
            warnings.append(
                gettext(
                    "No lead phrase was found in the point that begins “%(start)s…”; set "
                    "one in the preview if it has one."
                )
                % {"start": " ".join(strip_markup(part.text).split()[:6])}
            )
    return parts


def close_section(parts, blocks, kinds, last_index):
    """Turn the trailing paragraphs after a section's last indication into its closing text."""
    trailing = []
    k = len(parts) - 1
    while k >= 0 and parts[k].role == Role.INDICATION_PARAGRAPH:
        trailing.append(k)
        k -= 1
    trailing.reverse()
    first_block = last_index - len(trailing) + 1
    indication_block = blocks[first_block - 1]
    if indication_block.style == "numbered":
        # Word: from the first paragraph that is not indented under the list.
        for offset in range(len(trailing)):
            if blocks[first_block + offset].style != "continued":
                for later in trailing[offset:]:
                    parts[later].role = Role.PARAGRAPH
                return
        return
    parts[trailing[-1]].role = Role.PARAGRAPH


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
    """
    imported = ImportedArticle(language=language, parts=parts, warnings=list(warnings))
    section = indication = None
    for part in parts:
        role = part.role
        text = clean(part.text)
        if role == Role.LEFT_OUT:
            imported.left_out.append(part)
        elif role == Role.KICKER and not imported.kicker:
            imported.kicker = text
        elif role == Role.TITLE and not imported.title:
            imported.title = text
        elif role == Role.DATE and imported.date is None and parse_date(text):
            imported.date = parse_date(text)
            imported.date_text = text
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
                section.closing = []
            indication = ImportedIndication(
                title=clean(part.lead), paragraphs=[text] if text else []
            )
            section.indications.append(indication)
        elif role == Role.INDICATION_PARAGRAPH and indication is not None and text:
            indication.paragraphs.append(text)
        elif text:
            # Paragraphs, and anything a second kicker, title or date would have been.
            if section is None:
                imported.lead.append(text)
            elif not section.indications:
                section.body.append(text)
            else:
                section.closing.append(text)
                indication = None
    return imported


WORD_RE = re.compile(r"\w+")


def words(text):
    return Counter(WORD_RE.findall(strip_markup(text)))


def unplaced_words(source, parts):
    """Words of the input that are in no part (a bug, were it ever not empty)."""
    placed = Counter()
    for part in parts:
        placed += words(part.text) + words(part.lead) + words(part.marker)
    return words(source) - placed
