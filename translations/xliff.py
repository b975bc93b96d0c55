"""
Outside translators: a document's parts as an XLIFF 2.0 file, and the translated file back.

Translation tools (Trados, memoQ, OmegaT) read XLIFF 2.0: one `<file>` per document, named
by its model and id ("articles.article:12"), one `<unit>` per part (translations/parts.py)
whose id is the part's key, with the part's label in a note, its source text and the
translation there is so far. Part keys ("section:12:body") are XML name tokens as they
are (letters, digits, ".", "-", "_" and ":"), which is what the core schema asks of a
unit's id, so a unit's id is its key and needs no decoding.

Each unit also carries, in attributes of our own namespace (the core schema lets a unit
carry attributes of other namespaces), the digest of its source text and of its target
text when the file was made (translations/state.py `digest`). The import compares them
with the text as it is now: a part whose original changed after the export, or whose
translation someone changed on the site meanwhile, is reported and left out rather than
overwritten, and the rest is imported. A tool that drops unknown attributes still leaves
the source text, whose digest is then compared instead.

An import is all or nothing for what it writes: it is refused, with a message saying
why, before anything is saved when the file is not XLIFF 2.0, names a document that does
not exist or is not the one expected, translates into the wrong language, does not have
exactly the document's parts, or comes from someone who may not write that translation.
What it saves is one change by the importing person, with a revision in the history.
"""

import contextlib
import unicodedata
from dataclasses import dataclass, field

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop, ngettext, pgettext
from lxml import etree

from articles import permissions as article_permissions
from articles.models import Article
from core.change_messages import note
from core.text import join_list, language_name

from .models import TranslationState
from .parts import LANGUAGE_CODES, document_for
from .state import digest, normalised

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
VERSIONS = ("2.0", "2.1")  # 2.1 keeps 2.0's namespace and core.
# Our own attributes on a unit: the digests of its texts when the file was made.
DESK_NAMESPACE = "urn:thinktank:translation-desk"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
CONTENT_TYPE = "application/xliff+xml"
# The longest file read. A long study with its translation makes a file of a megabyte or
# two; a file much larger is not an article's.
MAX_BYTES = 10 * 1024 * 1024

SOURCE_DIGEST = f"{{{DESK_NAMESPACE}}}source"
TARGET_DIGEST = f"{{{DESK_NAMESPACE}}}target"
SPACE = f"{{{XML_NAMESPACE}}}space"


def _tag(name):
    return f"{{{NAMESPACE}}}{name}"


class XliffRefused(Exception):
    """A file that cannot be imported, with what to tell the person who sent it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# Documents


def document_label(obj):
    """How a file names its document: "articles.article:12"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def filename(obj, language):
    """The file's name: "article-12-en.xlf"."""
    return f"{obj._meta.model_name}-{obj.pk}-{language}.xlf"


def document_model(app_label, model_name):
    """The registered document model of that name, or None."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model if document_for(model) is not None else None


def fetch(model, pk, *, lock=False):
    """The document with its parts (one query per kind of row), or None."""
    queryset = model._default_manager.filter(pk=pk)
    if model is Article:
        # The search columns hold several copies of the text, which no part needs.
        queryset = queryset.defer(*Article.searchable.columns)
    if lock:
        # Two imports of one article, or an import racing a save, one after the other.
        queryset = queryset.select_for_update(of=("self",))
    return document_for(model).with_parts(queryset).first()


def part_label(part):
    """What a person calls a part: "Section 2, point 1: lead phrase", "Title"."""
    label = str(part.label)
    if part.group:
        return gettext("%(group)s: %(part)s") % {"group": part.group, "part": label}
    return label[:1].upper() + label[1:]


def parts_of(obj):
    return list(document_for(type(obj)).parts(obj))


def source_language(obj):
    return document_for(type(obj)).source_language(obj)


# Who may do it


def may_export(user, obj):
    """Whoever may see the document may take its text to a translator."""
    if not (user.is_active and user.is_staff):
        return False
    if isinstance(obj, Article):
        return article_permissions.can_view(user, obj)
    opts = obj._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def may_import(user, obj, language):
    """The rules of the change page and the translation page: editors write every
    article, translators only an article's other language, authors only their own
    articles while they are drafts or in review; other documents need the right to
    change them."""
    if not (user.is_active and user.is_staff):
        return False
    if isinstance(obj, Article):
        if not article_permissions.can_change(user, obj):
            return False
        if article_permissions.is_translator(user):
            return language != obj.original_language
        return True
    opts = obj._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


# Export


def _set_text(element, text):
    """Text of an element; characters XML 1.0 cannot hold (control characters) as <cp>."""
    runs, codes = [[]], []
    for char in text:
        if _is_xml_char(char):
            runs[-1].append(char)
        else:
            codes.append(char)
            runs.append([])
    element.text = "".join(runs[0])
    for char, following in zip(codes, runs[1:], strict=True):
        code_point = etree.SubElement(element, _tag("cp"), hex=f"{ord(char):04X}")
        code_point.tail = "".join(following)


def _is_xml_char(char):
    code = ord(char)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _direction(code):
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


def out_of_date_keys(obj, language):
    """The parts whose translation into `language` predates a change of their original."""
    found = TranslationState.objects.filter(
        document_type=ContentType.objects.get_for_model(type(obj)),
        document_id=obj.pk,
        language=language,
    ).first()
    return set(found.out_of_date_parts) if found is not None else set()


def export(obj, language):
    """
    The XLIFF 2.0 file of `obj` for a translation into `language` (bytes). Its notes,
    which the translator reads in their tool, are in the target language.
    """
    source = source_language(obj)
    if language not in LANGUAGE_CODES or language == source:
        raise ValueError(f"Cannot translate from {source} into {language}.")
    outdated = out_of_date_keys(obj, language)
    with translation.override(language):
        root = etree.Element(
            _tag("xliff"),
            nsmap={None: NAMESPACE, "desk": DESK_NAMESPACE},
            version="2.0",
            srcLang=source,
            trgLang=language,
        )
        file = etree.SubElement(
            root,
            _tag("file"),
            id=document_label(obj),
            original=document_label(obj),
            srcDir=_direction(source),
            trgDir=_direction(language),
        )
        notes = etree.SubElement(file, _tag("notes"))
        about = etree.SubElement(notes, _tag("note"), category="document")
        about.text = gettext(
            "%(kind)s “%(title)s”, translated from %(source)s into %(target)s."
        ) % {
            "kind": capfirst(obj._meta.verbose_name),
            "title": str(obj),
            "source": language_name(source),
            "target": language_name(language),
        }
        for part in parts_of(obj):
            source_text, target_text = part.text(source), part.text(language)
            unit = etree.SubElement(file, _tag("unit"), id=part.key)
            unit.set(SOURCE_DIGEST, digest(source_text))
            unit.set(TARGET_DIGEST, digest(target_text))
            if not normalised(source_text):
                # Nothing to translate: tools skip the unit.
                unit.set("translate", "no")
            notes = etree.SubElement(unit, _tag("notes"))
            where = etree.SubElement(notes, _tag("note"), category="location")
            where.text = part_label(part)
            if part.key in outdated and normalised(target_text):
                check = etree.SubElement(notes, _tag("note"), category="state")
                check.text = gettext(
                    "The original changed after this part was translated: check the "
                    "translation against it."
                )
            segment = etree.SubElement(
                unit, _tag("segment"), state="translated" if target_text else "initial"
            )
            source_element = etree.SubElement(segment, _tag("source"))
            _set_text(source_element, source_text)
            if target_text:
                target_element = etree.SubElement(segment, _tag("target"))
                _set_text(target_element, target_text)
            if part.long:
                # Paragraphs are separated by blank lines: the line breaks are the text's.
                for element in segment:
                    element.set(SPACE, "preserve")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# Reading a file


@dataclass
class Unit:
    id: str
    source: str
    # None: no translation in the file (or only part of one: see `partial`).
    target: str | None
    source_digest: str | None = None
    target_digest: str | None = None
    partial: bool = False


@dataclass
class Parsed:
    document: str
    source_language: str
    target_language: str
    units: list


def not_xliff():
    return XliffRefused(gettext("This file is not an XLIFF 2.0 file."))


def _parser():
    # No DTD, no entities, nothing fetched: a file is data, never instructions.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _inline_text(element):
    """The text of a <source> or <target>: text in markers and paired codes kept, code
    points (<cp>) as their characters, placeholders of codes (which this site never
    writes) dropped."""
    pieces = [element.text or ""]
    for child in element:
        name = child.tag.split("}")[-1] if isinstance(child.tag, str) else ""
        if name == "cp":
            try:
                pieces.append(chr(int(child.get("hex", ""), 16)))
            except (ValueError, OverflowError):
                raise not_xliff() from None
        elif name in ("mrk", "pc"):
            pieces.append(_inline_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _unit(element):
    """A unit's whole source and target: tools may split a unit into several segments
    (sentences), with the spaces between them as <ignorable>s."""
    sources, targets, translated, untranslated = [], [], 0, 0
    for child in element:
        name = child.tag.split("}")[-1] if isinstance(child.tag, str) else ""
        if name not in ("segment", "ignorable"):
            continue
        source = child.find(_tag("source"))
        if source is None:
            raise not_xliff()
        text = _inline_text(source)
        target = child.find(_tag("target"))
        sources.append(text)
        if target is not None:
            targets.append(_inline_text(target))
            if name == "segment" and _inline_text(target).strip():
                translated += 1
            elif name == "segment":
                untranslated += 1
        else:
            # An ignorable without a target is the same in the translation.
            targets.append(text if name == "ignorable" else "")
            if name == "segment" and text.strip():
                untranslated += 1
    target = "".join(targets) if translated else None
    return Unit(
        id=element.get("id", ""),
        source="".join(sources),
        target=target,
        source_digest=element.get(SOURCE_DIGEST),
        target_digest=element.get(TARGET_DIGEST),
        partial=bool(translated and untranslated),
    )


def read(data):
    """The document, languages and units of an XLIFF 2.0 file (bytes)."""
    if len(data) > MAX_BYTES:
        raise XliffRefused(
            gettext("The file is larger than %(size)s MB: it is not an article's XLIFF file.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    # A document type declaration is how entity bombs and external files come in; no
    # XLIFF 2.0 file has one.
    shouted = data.upper()
    if b"<!DOCTYPE" in shouted or b"<!ENTITY" in shouted:
        raise not_xliff()
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError):
        raise not_xliff() from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise not_xliff()
    if root.tag != _tag("xliff") or root.get("version") not in VERSIONS:
        raise not_xliff()
    files = root.findall(_tag("file"))
    if len(files) != 1:
        raise XliffRefused(
            gettext(
                "This file holds %(count)d documents: import the file of one document at a time."
            )
            % {"count": len(files)}
            if files
            else gettext("This XLIFF file holds no document.")
        )
    (file,) = files
    units = [_unit(element) for element in file.iter(_tag("unit"))]
    return Parsed(
        document=file.get("id", ""),
        source_language=root.get("srcLang", ""),
        target_language=root.get("trgLang", ""),
        units=units,
    )


# Importing


@dataclass
class LeftOut:
    key: str
    label: str
    reason: str


@dataclass
class Result:
    document: object
    language: str
    imported: list = field(default_factory=list)  # [(key, label)]
    unchanged: list = field(default_factory=list)  # [(key, label)]
    untranslated: list = field(default_factory=list)  # [(key, label)]
    left_out: list = field(default_factory=list)  # [LeftOut]

    @property
    def language_name(self):
        return language_name(self.language)


def _document(parsed, expected):
    """The model and id the file names, checked against the one it was uploaded for."""
    label = parsed.document
    app_model, _sep, pk = label.rpartition(":")
    app_label, _dot, model_name = app_model.partition(".")
    model = document_model(app_label, model_name) if app_label and model_name else None
    if model is None or not pk.isdigit():
        raise XliffRefused(
            gettext("The file is for “%(document)s”, which is not something this site translates.")
            % {"document": label}
        )
    if expected is not None and label != document_label(expected):
        raise XliffRefused(
            gettext(
                "This file is the translation of another document (%(file)s), not of "
                "“%(document)s”. Nothing was imported."
            )
            % {"file": label, "document": expected}
        )
    return model, int(pk)


def _languages(parsed, obj):
    source = source_language(obj)
    target = parsed.target_language
    if parsed.source_language != source:
        raise XliffRefused(
            gettext(
                "The file translates from “%(file)s”, but the original language of "
                "“%(document)s” is %(language)s. Export the file again."
            )
            % {"file": parsed.source_language, "document": obj, "language": language_name(source)}
        )
    if target not in LANGUAGE_CODES:
        raise XliffRefused(
            gettext(
                "The file's target language (“%(file)s”) is not a language of this site: "
                "%(languages)s."
            )
            % {
                "file": target,
                "languages": join_list(language_name(code) for code in LANGUAGE_CODES),
            }
        )
    if target == source:
        raise XliffRefused(
            gettext(
                "The file translates into %(language)s, the original language of "
                "“%(document)s”: a translation goes into another language."
            )
            % {"language": language_name(target), "document": obj}
        )
    return target


def _match(parsed, parts):
    """Refuse a file whose units are not exactly the document's parts, naming them."""
    ids = [unit.id for unit in parsed.units]
    seen, repeated = set(), []
    for unit_id in ids:
        if unit_id in seen and unit_id not in repeated:
            repeated.append(unit_id)
        seen.add(unit_id)
    if repeated:
        raise XliffRefused(
            gettext("These units appear more than once in the file: %(units)s.")
            % {"units": join_list(repeated)}
        )
    unknown = [unit_id for unit_id in ids if unit_id not in parts]
    missing = [key for key in parts if key not in seen]
    problems = []
    if unknown:
        problems.append(
            ngettext(
                "The file has a unit that is not a part of this document: %(units)s.",
                "The file has units that are not parts of this document: %(units)s.",
                len(unknown),
            )
            % {"units": join_list(unknown)}
        )
    if missing:
        problems.append(
            ngettext(
                "A part of the document has no unit in the file: %(units)s.",
                "Parts of the document have no unit in the file: %(units)s.",
                len(missing),
            )
            % {"units": join_list(f"{key} ({part_label(parts[key])})" for key in missing)}
        )
    if problems:
        problems.append(
            gettext(
                "The document's sections or points changed since the export, or the file "
                "was edited. Nothing was imported: export the file again and translate that."
            )
        )
        raise XliffRefused(" ".join(problems))


def _clean(text):
    """A translation as it is saved: the tool's line endings made the site's, and the
    spaces around it dropped, as the forms drop them."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip()


def _decide(unit, part, source, language, result):
    """What to do with one unit: None to leave it, else the text to save."""
    label = part_label(part)
    if unit.target is None or not unit.target.strip():
        if normalised(part.text(source)):
            result.untranslated.append((part.key, label))
        return None
    if unit.partial:
        result.left_out.append(
            LeftOut(
                part.key,
                label,
                gettext("Only some of its sentences are translated: finish it and import again."),
            )
        )
        return None
    if not normalised(part.text(source)) and not unit.source.strip():
        # Marked translate="no" in the export: a translation of nothing would make the
        # original the one missing a part.
        result.left_out.append(
            LeftOut(
                part.key, label, gettext("Its original has no text: there is nothing to translate.")
            )
        )
        return None
    text = _clean(unit.target)
    current = part.text(language)
    if normalised(text) == normalised(current):
        result.unchanged.append((part.key, label))
        return None
    exported_source = unit.source_digest or digest(unit.source)
    if exported_source != digest(part.text(source)):
        result.left_out.append(
            LeftOut(
                part.key,
                label,
                gettext(
                    "Its original was changed after the file was exported: translate it "
                    "again from a new export, or on the translation page."
                ),
            )
        )
        return None
    if unit.target_digest is not None and unit.target_digest != digest(current):
        result.left_out.append(
            LeftOut(
                part.key,
                label,
                gettext(
                    "Its translation was changed on the site after the file was exported; "
                    "that version was kept. Compare the two on the translation page."
                ),
            )
        )
        return None
    limit = part.row._meta.get_field(f"{part.field}_{language}").max_length
    if limit is not None and len(text) > limit:
        result.left_out.append(
            LeftOut(
                part.key,
                label,
                gettext("Too long: %(count)d characters, where %(limit)d fit.")
                % {"count": len(text), "limit": limit},
            )
        )
        return None
    return text


def _touched_fields(row, user):
    """What saving a document's own row changes besides its text: its save counter and
    who changed it when, so that the history, the stale-save check and the desk's
    "newest first" see the import."""
    names = []
    for model_field in row._meta.concrete_fields:
        if model_field.name == "edit_version" or getattr(model_field, "auto_now", False):
            names.append(model_field.name)
        elif model_field.name == "updated_by" and user is not None:
            row.updated_by = user
            names.append("updated_by")
    return names


def import_file(data, *, user=None, expected=None):
    """
    Import a translated XLIFF 2.0 file (bytes). `user`: who imports it (their role's
    rules apply; None from the command line without --user); `expected`: the document
    the file must be the translation of (the page it was uploaded on). Returns a
    `Result`; raises `XliffRefused` with nothing saved.
    """
    parsed = read(data)
    model, pk = _document(parsed, expected)
    with transaction.atomic():
        obj = fetch(model, pk, lock=True)
        if obj is None:
            raise XliffRefused(
                gettext("The file is for %(document)s, which does not exist (any more).")
                % {"document": parsed.document}
            )
        language = _languages(parsed, obj)
        if user is not None and not may_import(user, obj, language):
            # Someone who may not even see the document is not told its title.
            named = (
                pgettext("quoted title", "“%(title)s”") % {"title": obj}
                if may_export(user, obj)
                else parsed.document
            )
            raise XliffRefused(
                gettext("You may not change the %(language)s text of %(document)s.")
                % {"language": language_name(language), "document": named}
            )
        parts = {part.key: part for part in parts_of(obj)}
        _match(parsed, parts)
        source = source_language(obj)
        result = Result(document=obj, language=language)
        changed = {}  # row → [field names]
        for unit in parsed.units:
            part = parts[unit.id]
            text = _decide(unit, part, source, language, result)
            if text is None:
                continue
            setattr(part.row, f"{part.field}_{language}", text)
            changed.setdefault(part.row, []).append(f"{part.field}_{language}")
            result.imported.append((part.key, part_label(part)))
        if changed:
            _save(obj, changed, user, language, len(result.imported))
    return result


def _save(obj, changed, user, language, count):
    comment = note(
        gettext_noop("Imported a translation into %(language)s from an XLIFF file: one part.")
        if count == 1
        else gettext_noop(
            "Imported a translation into %(language)s from an XLIFF file: %(count)s parts."
        ),
        language=language,
        count=count,
    )
    registered = reversion.is_registered(type(obj))
    with reversion.create_revision() if registered else contextlib.nullcontext():
        for row, names in changed.items():
            if row is not obj:
                row.save(update_fields=names)
        # The document's own row is saved in any case: its save counter moves on, so a
        # change page opened before the import refuses to save over it.
        obj.save(update_fields=[*changed.get(obj, []), *_touched_fields(obj, user)])
        if registered:
            if user is not None:
                reversion.set_user(user)
            reversion.set_comment(comment)
