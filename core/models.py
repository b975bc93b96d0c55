"""
What every kind of published content has in common (analyses, center news, and later
periodicals' issues): a place in the editorial workflow and a publication time, and the
one definition of "published" that readers' pages, feeds, sitemaps and search share.
Abstract: core has no tables of its own.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Where a piece of content stands in the editorial workflow."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


# Not a status of its own: a published item whose publication time has not come.
SCHEDULED = _("Scheduled")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, with a publication time that has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published, to be shown to readers at a time still to come."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def in_state(self, state):
        """Those in a state as the admin's filter names it: a status, or "scheduled"."""
        if state == "scheduled":
            return self.scheduled()
        if state == Status.PUBLISHED:
            return self.published()
        return self.filter(status=state)

    def going_live_later(self):
        """The publication times still to come of what is published on a schedule
        (unordered, for the reader cache to union with other kinds: core/caching.py)."""
        return self.scheduled().values_list("published_at", flat=True).order_by()


class Publishable(models.Model):
    """Content that goes through the workflow and is published at a time (maybe later)."""

    published_at = models.DateTimeField(_("publication date"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_scheduled(self):
        """Published, with a publication time still to come: readers see it then."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def state(self):
        """Where it stands, as staff read it: its status, or "Scheduled" until its time."""
        return SCHEDULED if self.is_scheduled else self.get_status_display()
