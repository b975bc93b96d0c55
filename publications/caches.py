"""What a change to a series, an issue or its contents makes stale in the reader cache."""

from core import caching


def connect():
    from .models import Issue, IssueEntry, Series, issue_cache_tag, series_cache_tag

    def of_series(series):
        return (series_cache_tag(series.pk), caching.LISTINGS)

    def of_issue(issue):
        return (issue_cache_tag(issue.pk), series_cache_tag(issue.series_id), caching.LISTINGS)

    def of_entry(entry):
        # The issue's page lists it; the article's page says where it appears.
        return (
            issue_cache_tag(entry.issue_id),
            f"article:{entry.article_id}",
            caching.LISTINGS,
        )

    caching.invalidate_on_change(Series, of_series)
    caching.invalidate_on_change(Issue, of_issue)
    caching.invalidate_on_change(IssueEntry, of_entry)
    caching.publishes_on_schedule(Issue.objects.going_live_later)
