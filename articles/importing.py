"""
Importing an article from the text its editors have: pasted text, a page dump or a Word file.

Reading goes in three steps, shared by the admin's import page and `import_article`:

1. `read_text`, `read_upload`, `read_bytes`, `read_path` turn the input into `Block`s, one per
   paragraph, and refuse what is not text or Word with an `ImportRefused` that says why.
2. `read_structure` gives every block a role (kicker, title, date, paragraph, heading,
   numbered point, left out…) as a list of `Part`s. The admin's preview shows these parts
   and lets the editor correct them.
3. `assemble` builds the article (lead, sections, points, closing text) from the parts,
   read or corrected; `create_article` and `add_translation` save it in one transaction.

How a part is recognised, in short (each rule is documented where it is applied):
- a leading "أخبار المركز" / "Center News" line and the lines under it are the center news,
  left out of the article and offered as news items;
- the date is a line that is a date and nothing else ("04 أبريل، 2018", "April 4, 2018",
  "16/11/2015"); the one or two short lines before it are the kicker and the title;
- a heading is a short line without closing punctuation that has text after it, a line
  that opens with an ordinal ("أولاً-", "ثانياً:", "First:"), or in Word a heading style;
- a numbered point opens with its number ("1-", "1.", "(1)", "١-") or is in a Word
  numbered list; paragraphs after it belong to it, except the last paragraph before the
  next heading, which is the section's closing text (in Word: the first paragraph after
  the list that is not indented);
- a point's lead phrase is its bold opening in Word; in text, the words up to the first
  colon, or up to a full stop when they read as a phrase (Title Case in English, at most
  six words in Arabic); failing that, in English the Title Case words it opens with
  ("Sending out Implicit Messages that AQIM…"), in Arabic the words before a connective
  (بأن، أن، التي، خاصة…). The phrase keeps its own punctuation: the page adds none.

Body text stays plain text. Word's italics, bold (outside a lead phrase) and links are kept
in a light inline form that Markdown readers know: `*italic*`, `**bold**` and
`[text](https://…)`; only http(s) and mailto links are kept as links, other targets keep
their text only. Nothing here produces HTML.
"""

import contextlib
import datetime
import io
import logging
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import docx
import reversion
from django.conf import settings
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.hyperlink import Hyperlink

from news.models import NewsItem
from thinktank import search

from .models import Article, Indication, Section, Status

logger = logging.getLogger(__name__)

# An analysis runs to 2,000–10,000 words (10–70 KB of text); 1 MB of text is about
# 150,000 English or 90,000 Arabic words. Above it we refuse rather than make the editor
# wait for a preview nobody can check. Word files carry pictures, hence their own limit;
# the text inside them is held to the same 1 MB.
MAX_TEXT_BYTES = 1024 * 1024
MAX_WORD_FILE_BYTES = 10 * 1024 * 1024
# The uncompressed size of a Word file's parts: a small file that unzips into gigabytes
# is an attack, not an article.
MAX_WORD_UNZIPPED_BYTES = 60 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text"}
WORD_SUFFIXES = {".docx"}
SUFFIXES = TEXT_SUFFIXES | WORD_SUFFIXES

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# How long a line may be and still be read as a heading, a title or a kicker, in words.
HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 30
KICKER_MAX_WORDS = 10
# A lead phrase is found within the first words of a point, or not at all.
LEAD_MAX_WORDS = 12


class ImportRefused(Exception):
    """The input cannot be imported; `message` tells the editor why, in their language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Role(models.TextChoices):
    """What a part of the text is in the article."""

    KICKER = "kicker", _("Kicker")
    TITLE = "title", _("Title")
    DATE = "date", _("Date")
    PARAGRAPH = "paragraph", _("Paragraph")
    HEADING = "heading", _("Section heading")
    POINT = "point", _("Numbered point")
    POINT_PARAGRAPH = "point_paragraph", _("Next paragraph of the point")
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
    lead: str = ""  # a numbered point's lead phrase
    reason: str = ""  # why a left-out part was left out
    marker: str = ""  # what was read as structure and not kept as text: "1-", "•"

    @property
    def reason_label(self):
        return Reason(self.reason).label if self.reason else ""


@dataclass
class ImportedPoint:
    title: str
    paragraphs: list = field(default_factory=list)


@dataclass
class ImportedSection:
    heading: str
    body: list = field(default_factory=list)
    points: list = field(default_factory=list)
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
    def points(self):
        return [point for section in self.sections for point in section.points]

    @property
    def paragraph_count(self):
        return len(self.lead) + sum(
            len(s.body) + len(s.closing) + sum(len(p.paragraphs) for p in s.points)
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
        points = len(self.points)
        paragraphs = self.paragraph_count
        return ", ".join(
            [
                ngettext("%(count)d section", "%(count)d sections", sections) % {"count": sections},
                ngettext("%(count)d numbered point", "%(count)d numbered points", points)
                % {"count": points},
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
            for point in section.points:
                yield point.title
                yield from point.paragraphs
            yield from section.closing


# Reading the input ------------------------------------------------------------------------

# Invisible characters that page dumps and Word carry: bidi marks, zero-width spaces, the
# byte-order mark, soft hyphens. They are not words and they upset every rule below.
INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def clean(text):
    """One line of text: invisible marks gone, every run of spaces (NBSP too) one space."""
    return " ".join(text.translate(INVISIBLE).split())


def read_path(path, language=None):
    """Read a .txt or .docx file; its size is checked before anything is read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(unsupported_message(path.name))
    try:
        size = path.stat().st_size
        check_size(path.name, size, suffix)
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(
            gettext("“%(name)s” cannot be read: %(error)s")
            % {"name": path.name, "error": error.strerror or error}
        ) from error
    return read_bytes(path.name, data, language)


def check_size(name, size, suffix):
    limit = MAX_WORD_FILE_BYTES if suffix in WORD_SUFFIXES else MAX_TEXT_BYTES
    if size == 0:
        raise ImportRefused(
            gettext("“%(name)s” is empty: there is no text to import.") % {"name": name}
        )
    if size > limit:
        raise ImportRefused(
            gettext(
                "“%(name)s” is %(size)s; the importer takes files of up to %(limit)s. "
                "Split the text into several articles, or remove pictures from the Word file."
            )
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def unsupported_message(name):
    if name.lower().endswith(".doc"):
        return gettext(
            "“%(name)s” is in the old Word format (.doc). Open it in Word and save it as "
            "a Word document (.docx), then import that."
        ) % {"name": name}
    return gettext("“%(name)s” is neither a text file (.txt) nor a Word document (.docx).") % {
        "name": name
    }


def read_upload(upload, language=None):
    """Read an uploaded file; its name and size are checked before it is read."""
    suffix = Path(upload.name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(unsupported_message(upload.name))
    check_size(upload.name, upload.size, suffix)
    return read_bytes(upload.name, upload.read(), language)


def read_bytes(name, data, language=None):
    """Read an uploaded file by its extension: .docx as Word, .txt as text."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(unsupported_message(name))
    check_size(name, len(data), suffix)
    if suffix in WORD_SUFFIXES:
        blocks, warnings = word_blocks(name, data)
        return read_structure(blocks, language, warnings=warnings)
    return read_text(decode(name, data), language, name=name)


def decode(name, data):
    """
    Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or
    Windows Arabic (cp1256), which is what Word's "Plain Text" gives on an Arabic Windows.
    """
    not_text = ImportRefused(
        gettext(
            "“%(name)s” does not look like text. Upload a text file (.txt) or a Word "
            "document (.docx)."
        )
        % {"name": name}
    )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise not_text from None
    elif b"\x00" in data:
        raise not_text
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1256")
            except UnicodeDecodeError:
                raise not_text from None
    # Binary data decoded as cp1256 is full of control characters; text has none.
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if controls > len(text) / 200:
        raise not_text
    return text


def read_text(text, language=None, *, name=""):
    """Read pasted text or a text file: one paragraph per line, or per block of lines."""
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise ImportRefused(
            gettext(
                "The text is %(size)s; the importer takes up to %(limit)s. Split it into "
                "several articles."
            )
            % {
                "size": filesizeformat(len(text.encode("utf-8"))),
                "limit": filesizeformat(MAX_TEXT_BYTES),
            }
        )
    blocks = text_blocks(text)
    if not blocks:
        raise ImportRefused(gettext("There is no text to import."))
    return read_structure(blocks, language, source=text)


def text_blocks(text):
    """
    Paragraphs of plain text. Text pasted from Word has one paragraph per line; a page dump
    separates paragraphs with blank lines. Lines are joined only where the text is
    hard-wrapped, as e-mails are: in a text whose paragraphs are separated by blank lines,
    a line of 40–100 characters that stops mid-sentence (no closing punctuation) runs on
    into the next line, unless that one is a date or opens a point or a list item.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [clean(raw) for raw in text.split("\n")]
    filled = [index for index, line in enumerate(lines) if line]
    spaced = bool(filled) and not all(lines[filled[0] : filled[-1] + 1])
    blocks = []
    group = 0
    previous = None
    for line in lines:
        if not line:
            group += 1
            previous = None
            continue
        if (
            spaced
            and previous is not None
            and 40 <= len(previous.text) <= 100
            and previous.text[-1] not in SENTENCE_END
            and not opens_item(line)
            and not parse_date(line)
        ):
            previous.text = previous.plain = f"{previous.text} {line}"
            continue
        previous = Block(text=line, group=group)
        blocks.append(previous)
    return blocks


SENTENCE_END = set(".!?؟:;؛\"'”’»)]…")


# Word ------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_blocks(name, data):
    """The paragraphs of a Word file as blocks, and warnings about what Word had besides."""
    not_word = ImportRefused(
        gettext(
            "“%(name)s” is not a Word document that can be read. If it is an older .doc "
            "file, open it in Word and save it as .docx; if Word cannot open it either, "
            "paste its text instead."
        )
        % {"name": name}
    )
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise not_word
    try:
        with zipfile.ZipFile(buffer) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise not_word from None
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise not_word
    if sum(entry.file_size for entry in entries) > MAX_WORD_UNZIPPED_BYTES:
        raise ImportRefused(
            gettext("“%(name)s” unpacks to more than %(limit)s: it cannot be an article.")
            % {"name": name, "limit": filesizeformat(MAX_WORD_UNZIPPED_BYTES)}
        )
    # python-docx reads untrusted XML: whatever it raises on a broken file (KeyError,
    # ValueError, lxml's XMLSyntaxError, …) means the same thing to the editor.
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(WordReader(document).blocks())
        warnings = word_warnings(document)
    except Exception:
        # Logged, so that a file Word opens but we cannot read can be looked into.
        logger.info("Word file %s could not be read", name, exc_info=True)
        raise not_word from None
    size = sum(len(block.plain.encode("utf-8")) for block in blocks)
    if size > MAX_TEXT_BYTES:
        raise ImportRefused(
            gettext("The text of “%(name)s” is %(size)s; the importer takes up to %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(MAX_TEXT_BYTES)}
        )
    if not any(block.plain for block in blocks):
        raise ImportRefused(gettext("“%(name)s” has no text to import.") % {"name": name})
    return blocks, warnings


def word_warnings(document):
    """What a Word file holds that the article cannot: pictures, text boxes, footnotes."""
    body = document.element.body
    warnings = []
    pictures = len(body.findall(f".//{W}drawing")) + len(body.findall(f".//{W}pict"))
    if pictures:
        warnings.append(
            ngettext(
                "The Word file has %(count)d picture; it was not imported. Add the "
                "article's image on its page.",
                "The Word file has %(count)d pictures; they were not imported. Add the "
                "article's image on its page.",
                pictures,
            )
            % {"count": pictures}
        )
    boxes = len(body.findall(f".//{W}txbxContent"))
    if boxes:
        warnings.append(
            ngettext(
                "The Word file has %(count)d text box; its text was not imported.",
                "The Word file has %(count)d text boxes; their text was not imported.",
                boxes,
            )
            % {"count": boxes}
        )
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            # python-docx's parser: it resolves no entities in untrusted XML.
            notes = parse_xml(rel.target_part.blob).findall(f"{W}footnote")
            # Word keeps two "separator" footnotes in every file; real ones have no type.
            count = sum(1 for note in notes if note.get(f"{W}type") is None)
            if count:
                warnings.append(
                    ngettext(
                        "The Word file has %(count)d footnote; it was not imported.",
                        "The Word file has %(count)d footnotes; they were not imported.",
                        count,
                    )
                    % {"count": count}
                )
    return warnings


@dataclass
class Piece:
    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""


class WordReader:
    """Turns a python-docx Document into blocks, in the order Word shows them."""

    def __init__(self, document):
        self.document = document
        self.numbering = document.part.numbering_part.element
        # python-docx looks styles up by scanning them all, for every paragraph and run:
        # on a long document that is most of the time spent. Styles are read once here.
        self.styles = {style.style_id: style for style in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default_style = default.style_id if default is not None else None
        self.cache = {}

    def blocks(self):
        for item in self.document.iter_inner_content():
            if isinstance(item, Table):
                yield from self.table_blocks(item)
            else:
                block = self.paragraph_block(item)
                if block.plain:
                    yield block

    def table_blocks(self, table):
        for row in table.rows:
            cells = []
            for cell in row.cells:
                text = clean(cell.text)
                # Merged cells repeat: keep each once.
                if text and (not cells or cells[-1] != text):
                    cells.append(text)
            if cells:
                yield Block(text=" | ".join(cells), style="table")

    def paragraph_block(self, paragraph):
        pieces = []
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                url = item.url if re.match(r"(?i)(https?:|mailto:)", item.url or "") else ""
                bold = bool(item.runs) and all(self.run_format(run)[0] for run in item.runs)
                pieces.append(Piece(item.text, bold=bold, url=url))
            else:
                pieces.append(Piece(item.text, *self.run_format(item)))
        plain = clean("".join(piece.text for piece in pieces))
        style = self.style_of(paragraph)
        if style in {"title", "subtitle", "heading"}:
            return Block(text=plain, style=style)
        if style == "bullet":
            return Block(text=f"• {inline(pieces)}", plain=f"• {plain}", style=style)
        visible = [piece for piece in pieces if piece.text.strip()]
        if visible and all(piece.bold for piece in visible):
            return Block(text=plain, style=style, bold=True)
        lead, rest = bold_opening(pieces)
        if lead:
            return Block(
                text=inline(pieces),
                plain=plain,
                style=style,
                lead=lead,
                after_lead=inline(rest),
            )
        return Block(text=inline(pieces), plain=plain, style=style)

    def style_of(self, paragraph):
        names, style_num_pr = self.paragraph_style(paragraph)
        if re.search(r"\bsubtitle\b", names):
            return "subtitle"
        if re.search(r"\btitle\b", names):
            return "title"
        if "heading" in names or "عنوان" in names:
            return "heading"
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None and p_pr.numPr is not None else style_num_pr
        number_format = self.number_format(num_pr)
        if number_format == "bullet":
            return "bullet"
        if number_format:
            return "numbered"
        indent = paragraph.paragraph_format.left_indent
        if (indent and indent > 0) or "list continue" in names or "list paragraph" in names:
            return "continued"
        return ""

    def paragraph_style(self, paragraph):
        """The names of a paragraph's style and of the styles it is based on (lowercase),
        and the list numbering the style gives."""
        style_id = paragraph._p.style or self.default_style
        if ("paragraph", style_id) not in self.cache:
            names, num_pr, seen = [], None, set()
            style = self.styles.get(style_id)
            # A broken file may base a style on itself: each style is visited once.
            while style is not None and style.style_id not in seen:
                seen.add(style.style_id)
                names.append(f"{style.name or ''} {style.style_id or ''}".lower())
                p_pr = style.element.pPr
                if num_pr is None and p_pr is not None and p_pr.numPr is not None:
                    num_pr = p_pr.numPr
                style = self.styles.get(style.element.basedOn_val)
            self.cache["paragraph", style_id] = (" ".join(names), num_pr)
        return self.cache["paragraph", style_id]

    def number_format(self, num_pr):
        """ "bullet", a number format such as "decimal", or "" for no list."""
        if num_pr is None or num_pr.numId is None or num_pr.numId.val == 0:
            return ""
        key = ("numbering", num_pr.numId.val, num_pr.ilvl.val if num_pr.ilvl is not None else 0)
        if key not in self.cache:
            _kind, number, level = key
            abstract = self.numbering.xpath(f"./w:num[@w:numId='{number}']/w:abstractNumId/@w:val")
            formats = abstract and self.numbering.xpath(
                f"./w:abstractNum[@w:abstractNumId='{abstract[0]}']"
                f"/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val"
            )
            self.cache[key] = formats[0] if formats else "decimal"
        return self.cache[key]

    def run_format(self, run):
        """(bold, italic) of a run: its own formatting, else its character style's."""
        style_id = run._r.style
        if ("run", style_id) not in self.cache:
            style = self.styles.get(style_id) if style_id else None
            font = style.font if style is not None else None
            self.cache["run", style_id] = (bool(font and font.bold), bool(font and font.italic))
        bold, italic = self.cache["run", style_id]
        return (
            run.bold if run.bold is not None else bold,
            run.italic if run.italic is not None else italic,
        )


def bold_opening(pieces):
    """The bold words a paragraph opens with (a typed "1-" before them is skipped)."""
    lead = []
    rest = list(pieces)
    while rest and (not rest[0].text.strip() or POINT_RE.fullmatch(rest[0].text.strip())):
        if rest[0].bold:
            break
        rest.pop(0)
    while rest and (rest[0].bold or not rest[0].text.strip()):
        lead.append(rest.pop(0))
    text = clean("".join(piece.text for piece in lead))
    if not text or not "".join(piece.text for piece in rest).strip():
        return "", pieces
    return text, rest


def inline(pieces):
    """Pieces of a Word paragraph as text, with italics, bold and links marked lightly."""
    merged = []
    for piece in pieces:
        key = (piece.bold, piece.italic, piece.url)
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].url) == key:
            merged[-1] = Piece(merged[-1].text + piece.text, *key)
        else:
            merged.append(Piece(piece.text, *key))
    out = []
    for piece in merged:
        text = piece.text.replace("\t", " ").replace("\n", " ")
        core = text.strip()
        if not core:
            out.append(text)
            continue
        if piece.url:
            core = f"[{core}]({piece.url})"
        else:
            mark = "*" * ((2 if piece.bold else 0) + (1 if piece.italic else 0))
            core = f"{mark}{core}{mark}"
        start = text[: len(text) - len(text.lstrip())]
        end = text[len(text.rstrip()) :]
        out.append(f"{start}{core}{end}")
    return clean("".join(out))


MARKUP_RE = re.compile(r"\[([^\]]*)\]\((?:https?:|mailto:)[^)\s]*\)|\*{1,3}")


def strip_markup(text):
    """The words of text in the light inline form, without its marks."""
    return MARKUP_RE.sub(lambda m: m.group(1) or "", text)


# Recognising parts ------------------------------------------------------------------------

DIGIT = "0-9٠-٩۰-۹"
# "1- ", "1. ", "1) ", "(1) ", "١- ", "1-" (Arabic text often has no space after the dash).
# A digit right after the mark is a number ("1.5 million"), not a point.
POINT_RE = re.compile(
    rf"^(?:\(\s*(?P<paren>[{DIGIT}]{{1,2}})\s*\)|(?P<number>[{DIGIT}]{{1,2}})\s*[-–—.)])"
    rf"(?![{DIGIT}])(?P<space>\s*)"
)
BULLET_RE = re.compile(r"^[•·▪◦●○■□➢►\-–*]\s+")
AR_ORDINALS = "أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|أخير|اخير"
EN_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
# "أولاً- …", "ثانياً: …", "First: …", "Secondly – …": ordinals that open a section.
ORDINAL_RE = re.compile(
    rf"^(?:(?:{AR_ORDINALS})(?:اً|ًا|ا)|(?:{EN_ORDINALS})(?:ly)?)\s*[-–—:.)]\s*(?=\S)",
    re.IGNORECASE,
)
NEWS_HEADERS = {"أخبار المركز", "اخبار المركز", "center news", "centre news"}


def opens_item(line):
    return bool(POINT_RE.match(line) or BULLET_RE.match(line) or ORDINAL_RE.match(line))


def is_news_header(text):
    return clean(text).rstrip(":").strip().casefold() in NEWS_HEADERS


def ends_sentence(text):
    """Whether text ends with punctuation a heading or title would not end with."""
    end = text.rstrip("\"'”’»)]").rstrip()
    return not end or end[-1] in ".:;,،؛…!"


def looks_like_heading(text, max_words=HEADING_MAX_WORDS):
    words = text.split()
    return (
        0 < len(words) <= max_words
        and len(text) <= 25 * max_words
        and not ends_sentence(text)
        and not opens_item(text)
        and any(ch.isalpha() for ch in text)
    )


def looks_like_kicker(text):
    """A kicker is a few words; it may end with a colon or sit in quotes."""
    words = text.split()
    return (
        0 < len(words) <= KICKER_MAX_WORDS
        and len(text) <= 200
        and (not ends_sentence(text) or text.rstrip().endswith(":"))
        and not opens_item(text)
        and any(ch.isalpha() for ch in text)
    )


QUOTED_RE = re.compile(r'^["“«„](?P<inner>[^"“”«»]+)["”»“]$')


def kicker_text(text):
    """The kicker without the colon or quotes that set it apart on the page."""
    text = text.strip().rstrip(":").rstrip()
    match = QUOTED_RE.match(text)
    return match["inner"].strip() if match else text


# A kicker written on the title's line: «أهداف متداخلة» لماذا… or "Goals": Why…
INLINE_QUOTED_KICKER_RE = re.compile(
    r'^["“«](?P<kicker>[^"“”«»]{1,80})["”»]\s*(?P<sep>[:\-–—]?)\s*(?P<title>\S.*)$'
)
INLINE_COLON_KICKER_RE = re.compile(r"^(?P<kicker>[^:]{1,60}?)\s*:\s+(?P<title>\S.*)$")


def split_inline_kicker(title):
    """(kicker, title) when the title line starts with its kicker; else ("", title)."""
    match = INLINE_QUOTED_KICKER_RE.match(title)
    if match:
        rest = match["title"]
        # «…» followed by the title, not a title that opens with a quotation.
        opens_title = match["sep"] or not rest[0].isalpha() or not rest[0].islower()
        if opens_title and len(rest.split()) >= 2:
            return match["kicker"].strip(), rest
    match = INLINE_COLON_KICKER_RE.match(title)
    if match and len(match["kicker"].split()) <= 5 and len(match["title"].split()) >= 2:
        return match["kicker"].strip(), match["title"]
    return "", title


# Dates ------------------------------------------------------------------------------------

MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            [
                ("january", "jan"),
                ("february", "feb"),
                ("march", "mar"),
                ("april", "apr"),
                ("may",),
                ("june", "jun"),
                ("july", "jul"),
                ("august", "aug"),
                ("september", "sep", "sept"),
                ("october", "oct"),
                ("november", "nov"),
                ("december", "dec"),
            ],
            start=1,
        )
        for name in names
    },
    # Egyptian/Gulf names and the Levantine ones, with their usual spellings.
    **{
        name: number
        for number, names in enumerate(
            [
                ("يناير", "كانون الثاني"),
                ("فبراير", "شباط"),
                ("مارس", "آذار", "اذار"),
                ("أبريل", "إبريل", "ابريل", "نيسان"),
                ("مايو", "أيار", "ايار"),
                ("يونيو", "يونيه", "حزيران"),
                ("يوليو", "يوليه", "تموز"),
                ("أغسطس", "اغسطس", "آب", "اب"),
                ("سبتمبر", "أيلول", "ايلول"),
                ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
                ("نوفمبر", "تشرين الثاني"),
                ("ديسمبر", "كانون الأول", "كانون الاول"),
            ],
            start=1,
        )
        for name in names
    },
}
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_WEEKDAY = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
)
_D = f"[{DIGIT}]"
_COMMA = r"\s*[,،]?\s*"
DATE_RES = [
    re.compile(rf"^(?:(?:{_WEEKDAY}){_COMMA})?{pattern}\.?$", re.IGNORECASE)
    for pattern in [
        # 04 أبريل، 2018 · 4 April 2018 · 4th April, 2018
        rf"(?P<day>{_D}{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?{_COMMA}(?P<year>{_D}{{4}})",
        # April 4, 2018
        rf"(?P<month>{_MONTH})\.?\s+(?P<day>{_D}{{1,2}})(?:st|nd|rd|th)?{_COMMA}(?P<year>{_D}{{4}})",
        # 16/11/2015: day first, as the site writes short dates.
        rf"(?P<day>{_D}{{1,2}})\s*[/.\-]\s*(?P<month>{_D}{{1,2}})\s*[/.\-]\s*(?P<year>{_D}{{4}})",
        # 2015-11-16
        rf"(?P<year>{_D}{{4}})-(?P<month>{_D}{{1,2}})-(?P<day>{_D}{{1,2}})",
    ]
]


def parse_date(text):
    """The date a line consists of, or None: "04 أبريل، 2018", "April 4, 2018", "16/11/2015"."""
    text = clean(text)
    if len(text) > 40:
        return None
    for pattern in DATE_RES:
        match = pattern.match(text)
        if not match:
            continue
        month = match["month"]
        month = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            return datetime.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            return None
    return None


# Lead phrases -----------------------------------------------------------------------------

ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s",
    "u.k", "u.n", "jr", "sr", "h.e", "gen", "col", "lt", "capt", "maj", "rev", "hon",
    "fig", "vol", "pp", "approx", "d", "أ",
}  # fmt: skip
SMALL_WORDS = {
    "a", "an", "the", "of", "in", "on", "out", "for", "to", "and", "or", "with", "by", "at",
    "from", "into", "up", "over", "as", "vs", "via", "about", "against", "between",
}  # fmt: skip
# Words that start the rest of a point when its Arabic lead phrase has no punctuation:
# "توجيه رسائل ضمنية | بأن التنظيم…", "دعم بقاء القاعدة في سوريا | خاصة في ظل…".
ARABIC_CONNECTIVES = {
    "بأن", "بأنّ", "أن", "أنّ", "إن", "إنّ", "التي", "الذي", "الذين", "خاصة", "خاصةً",
    "خصوصاً", "خصوصًا", "خصوصا", "حيث", "إذ", "لأن", "كما", "مما", "وهو", "وهي",
}  # fmt: skip


def is_arabic(text):
    return any("\u0600" <= ch <= "\u06ff" and ch.isalpha() for ch in text)


def is_capitalised(word):
    word = word.lstrip("\"'“‘«(")
    # al-Qaeda, el-Sisi, bin-Laden keep their capital after the article.
    word = re.sub(r"^(?:al|el|ad|ash|as|bin|ibn)-", "", word)
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def reads_as_phrase(words, language):
    """Whether words ending in a full stop are a lead phrase, not the point's first sentence."""
    if language == "ar" or is_arabic(" ".join(words)):
        return len(words) <= 6
    content = [w for w in words if w.lower().strip(".:!?") not in SMALL_WORDS]
    return bool(content) and all(is_capitalised(w) for w in content) and is_capitalised(words[0])


def split_lead_phrase(text, language):
    """
    (lead phrase, rest) of a point's first paragraph, with the marker already removed.
    The phrase keeps the punctuation its editor wrote ("Defying International Efforts.",
    "تحدي الجهود الدولية:"), because the page adds none. ("", text) when none is found.
    """
    words = text.split(" ")
    for index, word in enumerate(words[:LEAD_MAX_WORDS]):
        phrase = words[: index + 1]
        rest = " ".join(words[index + 1 :])
        if word in {"-", "–", "—"} and index > 0 and reads_as_phrase(phrase[:-1], language):
            return " ".join(phrase), rest
        last = word.rstrip("\"'”’»)")[-1:]
        if last == ":":
            return " ".join(phrase), rest
        if last in {".", "!", "?", "؟"}:
            core = word.rstrip(".").lower()
            if last == "." and (core in ABBREVIATIONS or len(core) <= 1 or core[-1].isdigit()):
                continue
            if reads_as_phrase(phrase, language):
                return " ".join(phrase), rest
            # The point opens with a sentence: look no further for a phrase.
            break
    if language == "ar" or is_arabic(text):
        for index, word in enumerate(words[: LEAD_MAX_WORDS - 4]):
            if index >= 2 and word in ARABIC_CONNECTIVES:
                return " ".join(words[:index]), " ".join(words[index:])
    else:
        # English without punctuation: the Title Case words the point opens with
        # ("Sending out Implicit Messages | that AQIM…"), when at least two are capitalised.
        end = 0
        capitals = 0
        for index, word in enumerate(words[:LEAD_MAX_WORDS]):
            if is_capitalised(word):
                capitals += 1
                end = index + 1
            elif word.lower() not in SMALL_WORDS:
                break
        rest = words[end:]
        if capitals >= 2 and rest and not is_capitalised(rest[0]):
            return " ".join(words[:end]), " ".join(rest)
    # A short line with no sentence in it is all lead phrase; its text follows in the
    # next paragraphs ("1- Defying International Efforts" on a line of its own).
    if looks_like_heading(text, LEAD_MAX_WORDS):
        return text, ""
    return "", text


def word_lead(block):
    """(lead phrase, rest) of a Word point whose opening words are bold."""
    rest = block.after_lead
    match = re.match(r"^([.:;,،؛]+|[-–—])(\s+|$)", rest)
    lead = block.lead
    if match:
        # Punctuation just after the bold words belongs to the phrase: the page adds none.
        mark = match.group(1)
        lead = f"{lead} {mark}" if mark in "-–—" else f"{lead}{mark}"
        rest = rest[match.end() :]
    return lead, rest


# The structure ------------------------------------------------------------------------------


def detect_language(texts):
    """The article's language from its script: Arabic letters against Latin ones."""
    arabic = latin = 0
    for text in texts:
        for ch in text:
            if "\u0600" <= ch <= "\u06ff":
                arabic += ch.isalpha()
            elif ch.isascii() and ch.isalpha():
                latin += 1
    if not arabic and not latin:
        return None
    return "ar" if arabic >= latin else "en"


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


def is_title_like(text):
    return looks_like_heading(text, TITLE_MAX_WORDS)


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
    """Lead, headings, points, their paragraphs and the sections' closing text."""
    styled_headings = any(block.style in {"heading", "title", "subtitle"} for block in blocks)
    kinds = []
    expected = 1  # the number the next point should have
    for index, block in enumerate(blocks):
        has_next = index + 1 < len(blocks)
        kind = "paragraph"
        point = POINT_RE.match(block.plain)
        if block.style == "table":
            kind = "table"
        elif block.style in {"heading", "title", "subtitle"}:
            kind = "heading"
        elif block.style == "numbered":
            kind = "point"
        elif point:
            number = int(point["paren"] or point["number"])
            # "2018. That year…" or "12-month plans…" are not points: a point's number
            # follows the previous one or starts a list, or is at least written like one.
            if number in {1, expected} or (point["space"] and number <= 99):
                kind = "point"
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
    in_points = False
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        if kind == "table":
            parts.append(Part(Role.LEFT_OUT, block.text, reason=Reason.TABLE))
        elif kind == "heading":
            parts.append(Part(Role.HEADING, block.plain))
            in_points = False
        elif kind == "ordinal":
            parts += ordinal_parts(block.text, language)
            in_points = False
        elif kind == "point":
            parts.append(point_part(block, language))
            in_points = True
        elif in_points:
            parts.append(Part(Role.POINT_PARAGRAPH, block.text))
            # The paragraphs after a section's last point: which continue it, which close
            # the section? In Word, the point's own paragraphs are indented; in text, only
            # the last paragraph before the next heading is the closing text.
            next_kind = kinds[index + 1] if index + 1 < len(kinds) else "end"
            if next_kind in {"heading", "ordinal", "end"}:
                close_section(parts, blocks, kinds, index)
        else:
            parts.append(Part(Role.PARAGRAPH, block.text))
    for part in parts:
        if part.role == Role.POINT and not part.lead:
            warnings.append(
                gettext(
                    "No lead phrase was found in the point that begins “%(start)s…”; set "
                    "one in the preview if it has one."
                )
                % {"start": " ".join(strip_markup(part.text).split()[:6])}
            )
    return parts


def close_section(parts, blocks, kinds, last_index):
    """Turn the trailing paragraphs after a section's last point into its closing text."""
    trailing = []
    k = len(parts) - 1
    while k >= 0 and parts[k].role == Role.POINT_PARAGRAPH:
        trailing.append(k)
        k -= 1
    trailing.reverse()
    first_block = last_index - len(trailing) + 1
    point_block = blocks[first_block - 1]
    if point_block.style == "numbered":
        # Word: from the first paragraph that is not indented under the list.
        for offset in range(len(trailing)):
            if blocks[first_block + offset].style != "continued":
                for later in trailing[offset:]:
                    parts[later].role = Role.PARAGRAPH
                return
        return
    parts[trailing[-1]].role = Role.PARAGRAPH


def point_part(block, language):
    """A numbered point: its marker, lead phrase and the rest of its first paragraph."""
    text = block.text
    marker = ""
    match = POINT_RE.match(block.plain)
    if match and block.style != "numbered":
        marker = match.group(0).strip()
        text_match = POINT_RE.match(text)
        text = text[text_match.end() :] if text_match else text
    if block.lead:
        lead, rest = word_lead(block)
        bold_marker = POINT_RE.match(lead)
        if bold_marker:
            marker = bold_marker.group(0).strip()
            lead = lead[bold_marker.end() :]
        return Part(Role.POINT, rest, lead=lead, marker=marker)
    if block.bold:
        return Part(Role.POINT, "", lead=strip_markup(text), marker=marker)
    lead, rest = split_lead_phrase(text, language)
    return Part(Role.POINT, rest, lead=strip_markup(lead), marker=marker)


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
    place: before the first heading or point it is lead, in a section before its first
    point the section's text, after its points the section's closing text.
    """
    imported = ImportedArticle(language=language, parts=parts, warnings=list(warnings))
    section = point = None
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
            point = None
        elif role == Role.POINT:
            if section is None:
                section = ImportedSection(heading="")
                imported.sections.append(section)
            if section.closing and section.points:
                # Text between two points belongs to the earlier one.
                section.points[-1].paragraphs += section.closing
                section.closing = []
            point = ImportedPoint(title=clean(part.lead), paragraphs=[text] if text else [])
            section.points.append(point)
        elif role == Role.POINT_PARAGRAPH and point is not None and text:
            point.paragraphs.append(text)
        elif text:
            # Paragraphs, and anything a second kicker, title or date would have been.
            if section is None:
                imported.lead.append(text)
            elif not section.points:
                section.body.append(text)
            else:
                section.closing.append(text)
                point = None
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


# Saving -------------------------------------------------------------------------------------


def check_lengths(imported):
    """Refuse text too long for its field rather than cut words off it."""
    limits = [
        (Article, "kicker", [imported.kicker]),
        (Article, "title", [imported.title]),
        (Section, "heading", [s.heading for s in imported.sections]),
        (Indication, "title", [p.title for p in imported.points]),
    ]
    for model, name, values in limits:
        limit = model._meta.get_field(name).max_length
        for value in values:
            if len(value) > limit:
                raise ImportRefused(
                    gettext(
                        "“%(text)s…” is too long for a %(field)s (%(limit)d characters at "
                        "most): make it a paragraph in the preview."
                    )
                    % {
                        "text": value[:60],
                        "field": model._meta.get_field(name).verbose_name,
                        "limit": limit,
                    }
                )


def unique_slug(imported):
    source = imported.title or " ".join(" ".join(imported.lead).split()[:8])
    base = slugify(source, allow_unicode=True)[:80].strip("-") or "imported-article"
    slug, number = base, 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def join(paragraphs):
    return "\n\n".join(paragraphs)


@contextlib.contextmanager
def revision(user, comment):
    """A revision of what is saved inside, as the admin keeps one for every save."""
    if not reversion.is_registered(Article):
        yield
        return
    with reversion.create_revision():
        yield
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(comment)


def record(article):
    """Add the article, its sections and their points to the revision being made.

    Reversion reads an object and follows its relations when the object is saved; the
    points, created in bulk after their section, would be missing. Adding the article and
    each section again, now that everything exists, takes them in.
    """
    if reversion.is_registered(Article) and reversion.is_active():
        reversion.add_to_revision(article)
        for section in article.sections.all():
            reversion.add_to_revision(section)


def create_article(imported, *, user=None, source=""):
    """Save the imported article as a draft in its language; all or nothing."""
    check_lengths(imported)
    code = imported.language
    comment = gettext("Imported from %(source)s.") % {"source": source or gettext("pasted text")}
    with transaction.atomic(), revision(user, comment):
        article = Article(
            slug=unique_slug(imported),
            status=Status.DRAFT,
            original_language=code,
            published_at=imported.published_at,
            created_by=user,
            updated_by=user,
            **{
                f"kicker_{code}": imported.kicker,
                f"title_{code}": imported.title,
                f"lead_{code}": join(imported.lead),
            },
        )
        article.save()
        for position, section in enumerate(imported.sections):
            saved = Section.objects.create(
                article=article,
                position=position,
                **{
                    f"heading_{code}": section.heading,
                    f"body_{code}": join(section.body),
                    f"closing_{code}": join(section.closing),
                },
            )
            Indication.objects.bulk_create(
                Indication(
                    section=saved,
                    position=number,
                    **{f"title_{code}": point.title, f"body_{code}": join(point.paragraphs)},
                )
                for number, point in enumerate(section.points)
            )
        # bulk_create() sends no signal: say that the points belong in the article's
        # search document, which is made once this transaction commits.
        search.articles_changed([article.pk])
        record(article)
    return article


def structure_of(sections):
    """“sections: 3; numbered points by section: 0, 0, 4”."""
    return gettext("sections: %(sections)d; numbered points by section: %(points)s") % {
        "sections": len(sections),
        "points": ", ".join(str(count) for count in sections) or "0",
    }


def translation_problems(imported, article):
    """Why the text cannot become the other language of the article, or []."""
    code = imported.language
    language = imported.language_name
    sections = list(article.sections.prefetch_related("indications"))
    written = [
        getattr(article, f"{name}_{code}") for name in ("kicker", "title", "summary", "lead")
    ]
    for section in sections:
        written += [getattr(section, f"{name}_{code}") for name in ("heading", "body", "closing")]
        for point in section.indications.all():
            written += [getattr(point, f"title_{code}"), getattr(point, f"body_{code}")]
    problems = []
    if any(written):
        problems.append(
            gettext(
                "“%(article)s” already has text in %(language)s; nothing was changed. Edit "
                "it on the article's page, or empty that language there first."
            )
            % {"article": article, "language": language}
        )
    theirs = [len(section.indications.all()) for section in sections]
    ours = [len(section.points) for section in imported.sections]
    if theirs != ours:
        problems.append(
            gettext(
                "The text does not match the article part by part. The article has %(article)s; "
                "the text has %(text)s. Correct the headings and points in the preview."
            )
            % {"article": structure_of(theirs), "text": structure_of(ours)}
        )
    return problems


def add_translation(imported, article, *, user=None, source=""):
    """Add the imported text as the article's other language, section by section, point by point."""
    check_lengths(imported)
    code = imported.language
    comment = gettext("%(language)s imported from %(source)s.") % {
        "language": imported.language_name,
        "source": source or gettext("pasted text"),
    }
    with transaction.atomic(), revision(user, comment):
        # Locked, and checked again under the lock: a translation typed meanwhile in the
        # admin must not be overwritten.
        article = Article.objects.select_for_update().get(pk=article.pk)
        problems = translation_problems(imported, article)
        if problems:
            raise ImportRefused(" ".join(problems))
        setattr(article, f"kicker_{code}", imported.kicker)
        setattr(article, f"title_{code}", imported.title)
        setattr(article, f"lead_{code}", join(imported.lead))
        article.updated_by = user
        article.save()
        sections = article.sections.prefetch_related("indications")
        for section, ours in zip(sections, imported.sections, strict=True):
            setattr(section, f"heading_{code}", ours.heading)
            setattr(section, f"body_{code}", join(ours.body))
            setattr(section, f"closing_{code}", join(ours.closing))
            section.save()
            for point, our_point in zip(section.indications.all(), ours.points, strict=True):
                setattr(point, f"title_{code}", our_point.title)
                setattr(point, f"body_{code}", join(our_point.paragraphs))
                point.save()
        record(article)
    return article


def create_news_items(imported):
    """Draft news items from the center-news lines, in the language of each line's script;
    a line that is already a news item's headline is skipped."""
    created = []
    for headline in imported.news_headlines:
        code = "ar" if is_arabic(headline) else "en"
        if code not in LANGUAGE_CODES:
            code = settings.LANGUAGE_CODE
        if NewsItem.objects.filter(**{f"headline_{code}": headline}).exists():
            continue
        created.append(
            NewsItem.objects.create(status=Status.DRAFT, **{f"headline_{code}": headline})
        )
    return created
