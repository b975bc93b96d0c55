"""
Series and issues in the sitemap: a series in each language it has an issue published
in, an issue in each language it is published in, each with its hreflang alternates.
"""

from django.db.models import Exists, OuterRef, Q

from core.sitemaps import BilingualSitemap

from .models import LANGUAGE_CODES, Issue, Series


def published_in_any_language():
    """Issues readers of at least one language may see."""
    released = Q()
    for code in LANGUAGE_CODES:
        released |= Q(**{f"language_published_{code}": True, f"series__name_{code}__gt": ""})
    return Issue.objects.published().filter(released)


class SeriesSitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        # Whether it has an issue in each language, asked with the series themselves.
        published = {
            f"public_in_{code}": Exists(
                Issue.objects.published_in(code).filter(series=OuterRef("pk"))
            )
            for code in LANGUAGE_CODES
        }
        return (
            Series.objects.filter(Exists(published_in_any_language().filter(series=OuterRef("pk"))))
            .defer(*Series.searchable.columns)
            .annotate(**published)
            .order_by("pk")
        )

    def exists_in(self, series, language):
        return getattr(series, f"public_in_{language}")


class IssueSitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            published_in_any_language()
            .select_related("series")
            .defer(
                *Issue.searchable.columns,
                *(f"series__{name}" for name in Series.searchable.columns),
            )
            .order_by("pk")
        )

    def exists_in(self, issue, language):
        return issue.is_published_in(language)

    def lastmod(self, issue):
        return issue.updated_at


SITEMAPS = {"series": SeriesSitemap, "issues": IssueSitemap}
