"""
What an article's page shows of the issue it appears in: "In: “Asian Trends”, issue 3
(April–June 2026), pp. 12–19", linking to the issue, and from the same answer its
citation as a journal article and its schema.org data (articles/appearances.py).

An article's page is cached under its own tag ("article:<id>") and, once it appears in a
published issue, that issue's and its series' tags. An issue that is not published yet
is on no such page: publishing it, or renaming its series, must still reach the pages of
the articles it lists, so saving either moves their article tags on too. (Adding,
changing or removing an entry moves its article's tag already: publications/caches.py.)
"""

from django.db.models.signals import post_save
from django.utils import translation

from articles import appearances
from articles.models import article_cache_tag
from core import caching

from . import labels
from .models import Issue, IssueEntry, Series, issue_cache_tag, series_cache_tag


def appearance_in_issue(article, language):
    """
    The first issue published in `language` (by date) whose contents list `article`,
    as an Appearance, or None. One query.
    """
    if article.pk is None:
        return None
    entry = (
        IssueEntry.objects.filter(
            article_id=article.pk, issue__in=Issue.objects.published_in(language)
        )
        .select_related("issue__series")
        # Pages leave the search columns behind (copies of the text they do not show).
        .defer(
            *(f"issue__{name}" for name in Issue.searchable.columns),
            *(f"issue__series__{name}" for name in Series.searchable.columns),
        )
        .order_by("issue__date", "issue__number", "issue__pk")
        .first()
    )
    if entry is None:
        return None
    issue = entry.issue
    series = issue.series
    with translation.override(language):
        pages = entry.pages
    return appearances.Appearance(
        journal=labels.series_name(series, language),
        issn=series.issn,
        number=issue.number,
        number_label=labels.number_label(issue, language),
        period=labels.period_label(issue, language),
        date=issue.date,
        url=issue.url_in(language),
        journal_url=series.url_in(language),
        label=labels.appearance_label(issue, pages, language),
        first_page=entry.first_page,
        last_page=entry.last_page if entry.first_page is not None else None,
        cache_tags=(issue_cache_tag(issue.pk), series_cache_tag(series.pk)),
    )


def tags_of_listed_articles(issues):
    """The cache tags of the articles the contents of `issues` (a queryset) list."""
    listed = IssueEntry.objects.filter(issue__in=issues).values_list("article_id", flat=True)
    return {article_cache_tag(pk) for pk in listed.distinct()}


def issue_saved(sender, instance, raw=False, **kwargs):
    # raw: loaddata, whose rows no page has been made from yet.
    if not raw and (tags := tags_of_listed_articles(Issue.objects.filter(pk=instance.pk))):
        caching.bump(*tags)


def series_saved(sender, instance, raw=False, **kwargs):
    if not raw and (tags := tags_of_listed_articles(Issue.objects.filter(series_id=instance.pk))):
        caching.bump(*tags)


def connect():
    appearances.register(appearance_in_issue)
    post_save.connect(issue_saved, sender=Issue, dispatch_uid="publications.issue-articles")
    post_save.connect(series_saved, sender=Series, dispatch_uid="publications.series-articles")
