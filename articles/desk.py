"""
The admin's home page as a desk: for each role, the short lists of articles that wait for
it, with their counts. Authors see their drafts and what an editor returned to them;
editors what waits for review, what is scheduled and what was published lately;
translators the articles written in one language only. Asked for by the admin site
(thinktank/admin_site.py) through ArticlesConfig.desk_panels().
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import permissions
from .models import Article, Status, written_in

SHOWN = 5
# What "recently published" covers.
RECENT = timedelta(days=30)


@dataclass
class Panel:
    """One list of the desk: its title, how many there are, the first few, and where the
    rest are."""

    key: str
    title: str
    empty: str
    count: int
    articles: list
    more_url: str
    # Which date each entry shows: its publication time or its last change.
    date_field: str = "updated_at"


def panel(key, title, empty, queryset, more, date_field="updated_at"):
    changelist = reverse("admin:articles_article_changelist")
    articles = list(queryset.only("pk", "title_ar", "title_en", "slug", date_field)[:SHOWN])
    count = queryset.count()
    for article in articles:
        article.desk_url = reverse("admin:articles_article_change", args=[article.pk])
        moment = getattr(article, date_field)
        # Whole seconds: a <time datetime> takes at most three digits of a fraction.
        article.desk_date = moment.replace(microsecond=0) if moment else None
    return Panel(key, title, empty, count, articles, f"{changelist}?{more}", date_field)


def for_authors(user):
    mine = Article.objects.filter(authors__user=user)
    drafts = mine.filter(status__in=[Status.DRAFT, Status.UNPUBLISHED], return_note="")
    returned = mine.filter(status=Status.DRAFT).exclude(return_note="")
    return [
        panel(
            "returned",
            _("Returned to you"),
            _("No article has been returned to you."),
            returned.order_by("-updated_at", "-pk"),
            "state=draft",
        ),
        panel(
            "drafts",
            _("Your drafts"),
            _("You have no drafts."),
            drafts.order_by("-updated_at", "-pk"),
            "state=draft",
        ),
    ]


def for_editors():
    return [
        panel(
            "review",
            _("Waiting for review"),
            _("Nothing is waiting for review."),
            # The longest waiting first.
            Article.objects.filter(status=Status.REVIEW).order_by("updated_at", "pk"),
            "state=review",
        ),
        panel(
            "scheduled",
            _("Scheduled"),
            _("Nothing is scheduled."),
            Article.objects.scheduled().order_by("published_at", "pk"),
            "state=scheduled",
            date_field="published_at",
        ),
        panel(
            "published",
            _("Published in the last 30 days"),
            _("Nothing has been published in the last 30 days."),
            Article.objects.published()
            .filter(published_at__gte=timezone.now() - RECENT)
            .order_by("-published_at", "-pk"),
            "state=published",
            date_field="published_at",
        ),
    ]


def for_translators():
    codes = [code for code, _name in settings.LANGUAGES]
    in_one = Q()
    in_all = Q()
    for code in codes:
        in_one |= written_in(code)
        in_all &= written_in(code)
    waiting = (
        Article.objects.exclude(status=Status.UNPUBLISHED)
        .filter(in_one)
        .exclude(in_all)
        .order_by("-published_at", "-pk")
    )
    return [
        panel(
            "translations",
            _("Missing translations"),
            _("Every article is written in both languages."),
            waiting,
            "translation=incomplete",
        )
    ]


def panels(request):
    user = request.user
    if not user.has_perm("articles.view_article"):
        return []
    if permissions.is_editor(user):
        return for_editors()
    if permissions.is_translator(user):
        return for_translators()
    if user.has_perm("articles.add_article"):
        return for_authors(user)
    return []
