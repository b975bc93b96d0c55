"""
How an issue is named in each language: its number ("العدد الثالث" / "Issue 3"), its
period ("أبريل–يونيو 2026" / "April–June 2026"), and both with its series, as the
contents line of an article and its citation print them.

Arabic writes the number as an ordinal in words (core.ordinals: الأول … العاشر, الحادي
عشر …, المئة, then a numeral), after the noun العدد; English writes the numeral.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.ordinals import ordinal


def number_in_words(number, language):
    """The issue's number as the language writes it after "issue": الثالث / 3."""
    if language == "ar":
        return ordinal(number, "ar", "m")
    return str(number)


def number_label(issue, language):
    """ "العدد الثالث" / "Issue 3": the issue's heading."""
    with translation.override(language):
        return _("Issue %(number)s") % {"number": number_in_words(issue.number, language)}


def period_label(issue, language):
    """The issue's date as the language writes it: "April 2026", "April–June 2026",
    "December 2025–February 2026"."""
    start, end = issue.date, issue.date_end
    with translation.override(language):
        if end is None or (end.year, end.month) == (start.year, start.month):
            return formats.date_format(start, "YEAR_MONTH_FORMAT")
        if end.year == start.year:
            return pgettext("a range of months in one year", "%(first)s–%(last)s %(year)s") % {
                "first": formats.date_format(start, "F"),
                "last": formats.date_format(end, "F"),
                "year": start.year,
            }
        return pgettext("a range of months", "%(first)s–%(last)s") % {
            "first": formats.date_format(start, "YEAR_MONTH_FORMAT"),
            "last": formats.date_format(end, "YEAR_MONTH_FORMAT"),
        }


def series_name(series, language):
    return getattr(series, f"name_{language}") or str(series)


def issue_label(issue, language):
    """ "«اتجاهات آسيوية»، العدد الثالث" / "“Asian Trends”, issue 3"."""
    with translation.override(language):
        return _("“%(series)s”, issue %(number)s") % {
            "series": series_name(issue.series, language),
            "number": number_in_words(issue.number, language),
        }


def appearance_label(issue, pages, language):
    """The line under an article that appears in an issue: "In: “Asian Trends”, issue 3
    (April–June 2026), pp. 12–19"."""
    with translation.override(language):
        params = {
            "issue": issue_label(issue, language),
            "period": period_label(issue, language),
            "pages": pages,
        }
        if pages:
            if "–" in pages:
                return _("In: %(issue)s (%(period)s), pp. %(pages)s") % params
            return _("In: %(issue)s (%(period)s), p. %(pages)s") % params
        return _("In: %(issue)s (%(period)s)") % params


MEGABYTE = 1024 * 1024


def file_size_label(size, language):
    """A file's size as a download link gives it: "1.2 MB", "340 KB". The decimal
    separator is a point in both languages: the Arabic pages write Western digits, with
    which a point reads as the decimal one (Django's Arabic format would write "1,2")."""
    with translation.override(language):
        if size >= MEGABYTE:
            megabytes = f"{size / MEGABYTE:.1f}".removesuffix(".0")
            return pgettext("file size", "%(size)s MB") % {"size": megabytes}
        kilobytes = max(1, round(size / 1024))
        return pgettext("file size", "%(size)s KB") % {"size": kilobytes}


def pdf_label(issue, language):
    """ "PDF, 1.2 MB": what the issue's download link says of its file ("" without one)."""
    if not issue.pdf:
        return ""
    with translation.override(language):
        return pgettext("a download's format and size", "PDF, %(size)s") % {
            "size": file_size_label(issue.pdf_size, language)
        }


def pdf_filename(issue, language):
    """ "Asian Trends - Issue 3.pdf" / "اتجاهات آسيوية - العدد الثالث.pdf": the name the
    issue's PDF is saved under, in the page's language, without characters that file
    systems refuse."""
    name = f"{series_name(issue.series, language)} - {number_label(issue, language)}"
    cleaned = "".join(" " if char in '\\/:*?"<>|' or ord(char) < 32 else char for char in name)
    return " ".join(cleaned.split()) + ".pdf"


def pdf_ascii_filename(issue):
    """ "asian-trends-3.pdf": for programs that cannot read a filename in UTF-8."""
    slug = issue.series.slug
    stem = slug if slug.isascii() else "issue"
    return f"{stem}-{issue.number}.pdf"


def pages_label(pages, language):
    """ "pp. 12–19" / "p. 12" (an entry's `pages`), as a table of contents prints them."""
    if not pages:
        return ""
    with translation.override(language):
        if "–" in pages:
            return _("pp. %(pages)s") % {"pages": pages}
        return _("p. %(pages)s") % {"pages": pages}
