"""
An issue's PDF: refused unless it is a PDF that opens, and no larger than the site
allows (PUBLICATIONS_PDF_MAX_MB, 50 MB by default). pypdf reads the file's structure
(its header, cross-reference table and pages) the way a reader's viewer will; a file
named .pdf that is not one, or is damaged, is refused with a message saying so.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def max_bytes():
    return int(getattr(settings, "PUBLICATIONS_PDF_MAX_MB", 50) * 1024 * 1024)


def _help_text():
    return _("The whole issue as one PDF file, at most %(size)s.") % {
        "size": filesizeformat(max_bytes())
    }


HELP_TEXT = lazy(_help_text, str)()


def validate_pdf(file):
    """Refuse what is not a PDF that opens, or is too large (only new uploads are read)."""
    if getattr(file, "_committed", True) and not hasattr(file, "content_type"):
        # Already stored: it was checked when it was uploaded.
        return
    size = file.size
    if size > max_bytes():
        raise ValidationError(
            _("This file is %(size)s; the largest PDF the site accepts is %(limit)s."),
            code="pdf_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
        )
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(
            _("This file is not a PDF. Upload the issue as a PDF file."), code="not_pdf"
        )
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = len(PdfReader(file, strict=False).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        logger.info("PDF refused: %s", error)
        pages = 0
    finally:
        file.seek(0)
    if pages < 1:
        raise ValidationError(
            _("This PDF is damaged or has no pages: export it again and upload the new file."),
            code="pdf_damaged",
        )


def size_of(field, known):
    """The stored PDF's size in bytes, read once when it is uploaded (0 without one)."""
    if not field:
        return 0
    if known and getattr(field, "_committed", True):
        return known
    try:
        return field.size
    except (OSError, ValueError):
        return known or 0
