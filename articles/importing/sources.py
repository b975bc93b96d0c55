"""
Reading the input: pasted text, an uploaded file or a file on disk, checked for its kind
and size and decoded, then read as paragraphs (`Block`s) and handed to `read_structure`.
"""

import unicodedata
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

from .refusals import MAX_TEXT_BYTES, MAX_WORD_FILE_BYTES, ImportRefused
from .rules import clean, furniture_reason, opens_item, parse_date
from .structure import Block, read_structure
from .word import word_blocks

TEXT_SUFFIXES = {".txt", ".text"}
WORD_SUFFIXES = {".docx"}
SUFFIXES = TEXT_SUFFIXES | WORD_SUFFIXES


def read_path(path, language=None):
    """Read a .txt or .docx file; its size is checked before anything is read. What the
    save would refuse in the article it gives is for `report` to list, with the fixes."""
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
        blocks, warnings, figures = word_blocks(name, data)
        imported = read_structure(blocks, language, warnings=warnings)
        imported.figures = figures
        return imported
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
    a line of 60–100 characters (40 when the next line opens in lower case) that stops
    mid-sentence (no closing punctuation) runs on into the next line, unless that one is
    a date, opens an indication or a list item, or either line is page furniture (a
    list of related titles is not one wrapped paragraph).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [clean(raw) for raw in text.split("\n")]
    filled = [index for index, line in enumerate(lines) if line]
    spaced = bool(filled) and not all(lines[filled[0] : filled[-1] + 1])
    blocks = []
    group = 0
    previous = None
    last_line = ""  # the last line read: a wrapped paragraph is as long as its lines
    for line in lines:
        if not line:
            group += 1
            previous = None
            continue
        if (
            spaced
            and previous is not None
            and len(last_line) <= 100
            and (len(last_line) >= 60 or (len(last_line) >= 40 and line[0].islower()))
            and last_line[-1] not in SENTENCE_END
            and not opens_item(line)
            and not parse_date(line)
            and not furniture_reason(line)
            and not furniture_reason(last_line)
        ):
            previous.text = previous.plain = f"{previous.text} {line}"
            last_line = line
            continue
        previous = Block(text=line, group=group)
        last_line = line
        blocks.append(previous)
    return blocks


SENTENCE_END = set(".!?؟:;؛\"'”’»)]…")
