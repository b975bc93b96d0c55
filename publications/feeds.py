"""RSS and Atom feeds of a series' issues, per language, newest first, each issue's PDF
attached as its enclosure."""

import copy

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from core import caching
from core.site import site_name

from . import labels
from .models import Issue, Series, series_cache_tag
from .views import issues_for_pages, pages_columns

FEED_LENGTH = 20


class SeriesRssFeed(Feed):
    def get_object(self, request, slug):
        language = get_language()
        series = get_object_or_404(
            Series.objects.with_issues_in(language).defer(*pages_columns(Series)), slug=slug
        )
        # A new issue, or one changed, moves the series' tag on (publications/caches.py).
        caching.add_tags(request, series_cache_tag(series.pk))
        return series

    def get_feed(self, obj, request):
        # The enclosures' absolute addresses need the request; this object serves every
        # request at once, so a copy of it holds this one's.
        feed = copy.copy(self)
        feed.request = request
        return super(SeriesRssFeed, feed).get_feed(obj, request)

    def title(self, series):
        return gettext("%(site)s: %(series)s") % {
            "site": site_name(),
            "series": labels.series_name(series, get_language()),
        }

    def description(self, series):
        return gettext("The latest issues of “%(series)s”.") % {
            "series": labels.series_name(series, get_language())
        }

    def link(self, series):
        return series.get_absolute_url()

    def items(self, series):
        issues = Issue.objects.published_in(get_language()).filter(series=series)
        issues = list(issues_for_pages(issues)[:FEED_LENGTH])
        for issue in issues:
            # Its address and labels need the series, which is known.
            issue.series = series
        return issues

    def item_title(self, issue):
        label = labels.issue_label(issue, get_language())
        if issue.theme:
            return gettext("%(issue)s: %(theme)s") % {"issue": label, "theme": issue.theme}
        return label

    def item_description(self, issue):
        # Feed readers show a description as HTML: the words are escaped.
        period = escape(labels.period_label(issue, get_language()))
        if issue.summary:
            return f"<p>{period}</p><p>{escape(issue.summary)}</p>"
        return f"<p>{period}</p>"

    def item_link(self, issue):
        return issue.get_absolute_url()

    def item_pubdate(self, issue):
        return issue.published_at

    def item_updateddate(self, issue):
        return issue.updated_at

    def item_enclosures(self, issue):
        if not issue.pdf:
            return []
        url = reverse(
            "publications:issue-pdf", kwargs={"slug": issue.series.slug, "number": issue.number}
        )
        return [
            feedgenerator.Enclosure(
                self.request.build_absolute_uri(url), str(issue.pdf_size), "application/pdf"
            )
        ]


class SeriesAtomFeed(SeriesRssFeed):
    feed_type = Atom1Feed
    subtitle = SeriesRssFeed.description
