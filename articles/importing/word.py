"""
Reading a Word file (.docx) with python-docx: its paragraphs in the order Word shows them,
with what their styles, lists and bold openings say about them, and its italics, bold and
links in the light inline form.
"""

import io
import logging
import re
import zipfile
from dataclasses import dataclass

import docx
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.hyperlink import Hyperlink

from .refusals import MAX_TEXT_BYTES, MAX_WORD_UNZIPPED_BYTES, ImportRefused
from .rules import INDICATION_RE, clean
from .structure import Block

logger = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


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
        reader = WordReader(document)
        blocks = [*reader.blocks(), *reader.note_blocks()]
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
    """What a Word file holds that the article cannot: pictures and text boxes."""
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
