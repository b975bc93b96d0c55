"""
Reading a Word file (.docx) with python-docx: its paragraphs in the order Word shows them,
with what their styles, lists and bold openings say about them, and its italics, bold and
links in the light inline form.

A picture becomes a figure of the article: a "![1]" paragraph where it stood (the
body-text format's figure mark, see articles/templatetags/text.py), and an
`ImportedFigure` with its bytes and its caption, the Caption paragraph right after it (or
right before it). A picture the site cannot show (not a JPEG, PNG, WebP or GIF, damaged,
too large: articles/images.py) is left out with a line in the report, and its caption
stays a paragraph.
"""

import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import docx
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.hyperlink import Hyperlink

from ..images import validate_upload
from .refusals import MAX_TEXT_BYTES, MAX_WORD_UNZIPPED_BYTES, ImportRefused, Problem
from .rules import INDICATION_RE, clean, strip_markup
from .structure import Block

logger = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# The number a caption opens with ("Figure 1.", "Fig. 2:", "شكل (1):", "الشكل رقم 3 -"):
# the page numbers its figures itself ("Figure 1", "شكل 1").
CAPTION_NUMBER_RE = re.compile(
    r"^(?:figure|fig\.|chart|graph|map|exhibit|الشكل|شكل|الرسم البياني|رسم بياني|الخريطة|خريطة)"
    r"\s*(?:رقم\s*)?\(?\s*[0-9٠-٩]{1,3}\s*\)?\s*[.:\-–—]?\s+",
    re.IGNORECASE,
)


@dataclass
class ImportedFigure:
    """A picture of a Word file with its caption, saved as a `Figure` of the draft."""

    label: str  # its number among the pictures kept: the text places it as "![1]"
    name: str  # the picture's file name in the Word file ("image1.png")
    data: bytes = field(repr=False)
    caption: str = ""  # in the light inline form, without the number it opened with
    alt: str = ""  # Word's description of the picture, else the caption's words
    marker: str = ""  # the number taken off the caption ("Figure 1."): words of the input


def word_blocks(name, data):
    """The paragraphs of a Word file as blocks, warnings about what Word had besides, and
    its pictures as figures (`ImportedFigure`s)."""
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
        reader = WordReader(document)
        blocks = [*reader.blocks(), *reader.note_blocks()]
        warnings = [*word_warnings(document), *reader.picture_problems]
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
    return blocks, warnings, reader.figures


def word_warnings(document):
    """What a Word file holds that the article cannot: text boxes."""
    body = document.element.body
    warnings = []
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
        # Footnotes and endnotes, numbered together in the order the text refers to them:
        # {(kind, Word's id): number}.
        self.note_numbers = {}
        # The pictures kept as figures, and a report line for each one left out.
        self.figures = []
        self.picture_problems = []
        self.pictures_seen = 0

    def blocks(self):
        items = list(self.document.iter_inner_content())
        pictures = {
            index: self.read_pictures(item)
            for index, item in enumerate(items)
            if not isinstance(item, Table) and self.picture_elements(item)
        }
        captions = self.captions(items, pictures)
        claimed = set(captions.values())
        for index, item in enumerate(items):
            if isinstance(item, Table):
                yield from self.table_blocks(item)
                continue
            if index in claimed:
                continue
            block = self.paragraph_block(item)
            if block.plain:
                yield block
            for number, figure in enumerate(pictures.get(index, [])):
                if number == 0 and index in captions:
                    self.add_caption(figure, self.paragraph_block(items[captions[index]]))
                yield Block(text=f"![{figure.label}]", style="figure")

    # Pictures ---------------------------------------------------------------------------

    def picture_elements(self, paragraph):
        """
        The pictures of a paragraph: DrawingML's <w:drawing> and the older VML <w:pict>.
        Not the copy Word keeps for older readers (mc:Fallback) of what it has drawn, nor
        text boxes (word_warnings reports those).
        """
        return [
            element
            for element in paragraph._p.iter(f"{W}drawing", f"{W}pict")
            if next(element.iterancestors(f"{MC}Fallback"), None) is None
            and next(element.iter(f"{W}txbxContent"), None) is None
        ]

    def read_pictures(self, paragraph):
        """The paragraph's pictures the site can show, as figures numbered in the order
        they are kept; each one left out is reported."""
        kept = []
        for element in self.picture_elements(paragraph):
            self.pictures_seen += 1
            image = next(element.iter(f"{A}blip", f"{V}imagedata"), None)
            if image is None:
                self.leave_out_picture(gettext("It is a chart or a shape drawn in Word."))
                continue
            relation = image.get(f"{R}embed") or image.get(f"{R}id")
            part = self.document.part.related_parts.get(relation) if relation else None
            if part is None:  # a picture linked from outside the file: no bytes here
                self.leave_out_picture(gettext("The picture is linked, not in the file."))
                continue
            name = PurePosixPath(str(part.partname)).name
            try:
                validate_upload(ContentFile(part.blob, name=name))
            except ValidationError as error:
                self.leave_out_picture(" ".join(error.messages))
                continue
            description = next(element.iter(f"{WP}docPr"), None)
            alt = clean(description.get("descr", "")) if description is not None else ""
            label = str(len(self.figures) + 1)
            figure = ImportedFigure(label=label, name=name, data=part.blob, alt=alt)
            self.figures.append(figure)
            kept.append(figure)
        return kept

    def leave_out_picture(self, reason):
        self.picture_problems.append(
            Problem(
                gettext(
                    "Picture %(number)d of the Word file cannot be shown on the site: %(reason)s"
                )
                % {"number": self.pictures_seen, "reason": reason},
                place=gettext("Word file"),
                done=gettext("It was left out; its caption, if it has one, was kept as text."),
                todo=gettext(
                    "Save the picture as a JPEG or PNG image and add it as a figure on the "
                    "article's page."
                ),
            )
        )

    def captions(self, items, pictures):
        """{index of a paragraph with pictures kept: index of its caption}: the Caption
        paragraph right after it, else right before it, each caption given once."""
        found = {}
        for index, kept in pictures.items():
            if not kept:
                continue
            for near in (index + 1, index - 1):
                if (
                    0 <= near < len(items)
                    and near not in found.values()
                    and near not in pictures
                    and self.is_caption(items[near])
                ):
                    found[index] = near
                    break
        return found

    def is_caption(self, item):
        return not isinstance(item, Table) and "caption" in self.paragraph_style(item)[0]

    def add_caption(self, figure, block):
        """The caption's text, without the number it opens with; the alt text is the
        caption's words when Word has no description of the picture."""
        marker = CAPTION_NUMBER_RE.match(block.text)
        caption = block.text[marker.end() :] if marker and block.text[marker.end() :] else ""
        figure.marker = marker[0].strip() if caption else ""
        figure.caption = caption or block.text
        figure.alt = figure.alt or clean(strip_markup(figure.caption))

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
                pieces.append(Piece(self.run_text(item), *self.run_format(item)))
        plain = clean("".join(piece.text for piece in pieces))
        style = self.style_of(paragraph)
        if style in {"title", "subtitle", "heading"}:
            return Block(text=plain, style=style)
        if style == "bullet":
            return Block(text=f"• {inline(pieces)}", plain=f"• {plain}", style=style)
        if style == "quote":
            return Block(text=f"> {inline(pieces)}", plain=plain, style=style)
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
        if "quote" in names:
            # Quote, Intense Quote: a block quotation.
            return "quote"
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

    def run_text(self, run):
        """
        A run's text, with a note reference as the body-text format marks it ("[^3]"), and
        a number typed in superscript (a note written by hand) as superscript digits ("³").
        """
        text = run.text
        if text.strip().isdigit() and run.font.superscript:
            return text.strip().translate(SUPERSCRIPTS)
        for reference in run._r.iter(f"{W}footnoteReference", f"{W}endnoteReference"):
            kind = "footnote" if reference.tag == f"{W}footnoteReference" else "endnote"
            key = (kind, reference.get(f"{W}id"))
            number = self.note_numbers.setdefault(key, len(self.note_numbers) + 1)
            text += f"[^{number}]"
        return text

    def note_blocks(self):
        """The definitions of the notes referred to, in their order: "[^1]: text"."""
        if not self.note_numbers:
            return
        texts = {}
        for rel in self.document.part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind not in {"footnotes", "endnotes"} or rel.is_external:
                continue
            # python-docx's parser: it resolves no entities in untrusted XML.
            for note in parse_xml(rel.target_part.blob).findall(f"{W}{kind[:-1]}"):
                # Word keeps two "separator" notes in every notes part; real ones have no type.
                if note.get(f"{W}type") is None:
                    text = clean("".join(node.text or "" for node in note.iter(f"{W}t")))
                    texts[kind[:-1], note.get(f"{W}id")] = text
        for key, number in sorted(self.note_numbers.items(), key=lambda item: item[1]):
            if texts.get(key):
                yield Block(text=f"[^{number}]: {texts[key]}", style="note")

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
    while rest and (not rest[0].text.strip() or INDICATION_RE.fullmatch(rest[0].text.strip())):
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
