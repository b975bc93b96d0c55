from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Status, first_filled


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, with a publication time that has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def available_in(self, language):
        """Items with a headline written in `language` (NULL and "" both fail `> ""`)."""
        return self.filter(**{f"headline_{language}__gt": ""})


class NewsItem(models.Model):
    """A short line of center news: “Dr. X writes: (title)”, “Issue 3 of … is out”."""

    headline = models.CharField(_("headline"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    published_at = models.DateTimeField(_("publication date"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("announced article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        help_text=_("The article this item announces; readers who click the item go there."),
    )
    link = models.URLField(
        _("external link"),
        blank=True,
        help_text=_("Where the item leads when it announces something outside the site."),
    )
    image = models.ImageField(_("image"), upload_to="news/%Y/", blank=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"], name="newsitem_status_date")]
        permissions = [("publish_newsitem", _("Can publish and unpublish news items"))]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self):
        return first_filled(self.headline, self.headline_ar, self.headline_en)

    def target_url(self):
        """Where a reader who clicks the item goes: the article it announces, or its link."""
        article = self.article
        if article and article.is_published_in(get_language()):
            return article.get_absolute_url()
        return self.link
