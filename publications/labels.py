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
