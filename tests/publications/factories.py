"""
Builders of series, issues and their contents for tests; each returns saved, committed
objects (see tests/factories.py), so that their search documents and cover renditions
are made as a real save makes them.

    series = make_series(name_en="Asian Trends")
    issue = make_issue(series, number=3, entries=[article, (other, "Lead file", 12, 19)])
"""

import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import Status
from publications.models import Issue, IssueEntry, Series
from tests.factories import committed

_counter = itertools.count(1)


def make_pdf(pages=1, name="issue.pdf", padding=0):
    """A real PDF of `pages` blank A4 pages (pypdf writes it), as the browser uploads it;
    `padding` bytes in a file attached inside it make it that much heavier, still whole."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_attachment("padding.bin", b"\0" * padding)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def make_cover(width=360, height=480, name="cover.jpg"):
    """A portrait cover image (write it to a test's own media folder: `media_root`)."""
    from tests.images.samples import image_file

    return image_file(width, height, name=name)


@committed()
def make_series(**fields):
    """A periodical named in both languages (pass name_en="" for an Arabic-only one)."""
    number = next(_counter)
    defaults = {
        "slug": f"series-{number}",
        "name_ar": f"سلسلة {number}",
        "name_en": f"Series {number}",
        "description_ar": f"وصف السلسلة {number}.",
        "description_en": f"What series {number} publishes.",
        "series_type": Series.Type.PERIODICAL,
        "frequency": Series.Frequency.QUARTERLY,
    }
    return Series.objects.create(**{**defaults, **fields})


def _entry_fields(entry):
    """An entry given as an article, (article, part[, first, last]) or a dict of fields."""
    if isinstance(entry, dict):
        return dict(entry)
    if isinstance(entry, tuple):
        article, part, *pages = entry
        fields = {"article": article, "part_ar": part, "part_en": part}
        if pages:
            fields["first_page"] = pages[0]
            fields["last_page"] = pages[1] if len(pages) > 1 else None
        return fields
    return {"article": entry}


@committed()
def make_issue(series=None, *, entries=(), languages=("ar", "en"), pdf=None, cover=None, **fields):
    """
    An issue published a day ago and released in `languages` (status="draft" or a future
    published_at for others), with `entries` as its contents in that order: articles,
    (article, part, first page, last page) tuples or dicts of IssueEntry fields. `pdf`
    and `cover` are uploads (make_pdf(), make_cover()); give them a `media_root`.
    """
    series = series or make_series()
    number = fields.pop("number", None) or (
        (series.issues.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    )
    defaults = {
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(days=1),
        "date": datetime.date(2026, 4, 1),
        "date_end": datetime.date(2026, 6, 30),
        "theme_ar": f"ملف العدد {number}",
        "theme_en": f"Theme of issue {number}",
        "summary_ar": f"ملخص العدد {number}.",
        "summary_en": f"Summary of issue {number}.",
    }
    if "date" in fields:
        # A date of its own is a one-month issue unless an end is given too.
        defaults["date_end"] = None
    for code in languages:
        defaults[f"language_published_{code}"] = True
    if pdf is not None:
        defaults["pdf"] = pdf
    if cover is not None:
        defaults["cover"] = cover
        defaults["cover_alt_ar"] = f"غلاف العدد {number}"
        defaults["cover_alt_en"] = f"Cover of issue {number}"
    issue = Issue.objects.create(series=series, number=number, **{**defaults, **fields})
    for position, entry in enumerate(entries):
        IssueEntry.objects.create(issue=issue, position=position, **_entry_fields(entry))
    return issue
