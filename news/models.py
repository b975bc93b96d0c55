from urllib.parse import urlsplit

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles import images
from articles.models import Article, Status, first_filled, paragraphs
from thinktank import search
from thinktank.search import SearchIndex


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, with a publication time that has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def available_in(self, language):
        """Items with a headline written in `language` (NULL and "" both fail `> ""`)."""
        return self.filter(**{f"headline_{language}__gt": ""})

    def for_pages(self):
        """With the article each item announces, without anyone's search columns."""
        return self.select_related("article").defer(
            *search.SEARCH_DOCUMENT_FIELDS,
            *(f"article__{name}" for name in search.ARTICLE_SEARCH_FIELDS),
        )


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
    image = models.ImageField(
        _("image"), upload_to="news/%Y/", blank=True, validators=[images.validate_upload]
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the image shows, for readers who cannot see it: screen readers speak "
            "it, and browsers show it if the image does not load. Needed in each "
            "language when there is an image."
        ),
    )
    # The site search's normalised document and its tsvector per language, written by
    # thinktank/search.py's signals (connected in articles/models.py).
    search_document_ar = models.TextField(_("search document"), blank=True, editable=False)
    search_document_en = models.TextField(_("search document"), blank=True, editable=False)
    search_vector_ar = SearchVectorField(_("search vector"), null=True, editable=False)
    search_vector_en = SearchVectorField(_("search vector"), null=True, editable=False)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="newsitem_status_date"),
            SearchIndex(fields=["search_vector_ar"], name="newsitem_search_ar"),
            SearchIndex(fields=["search_vector_en"], name="newsitem_search_en"),
        ]
        permissions = [("publish_newsitem", _("Can publish and unpublish news items"))]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self):
        return first_filled(self.headline, self.headline_ar, self.headline_en)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"pk": self.pk})

    def body_paragraphs(self):
        return paragraphs(self.body)

    def target_url(self):
        """Where a reader who clicks the item goes: the article it announces, its link, or
        else its own page."""
        article = self.article
        if article and article.is_published_in(get_language()):
            return article.get_absolute_url()
        # The admin accepts only web addresses, but a link stored some other way (an
        # import, the shell) must not become a "javascript:" link on every page.
        if urlsplit(self.link).scheme in {"http", "https"}:
            return self.link
        return self.get_absolute_url()


# An upload left by a failing request is removed; a saved one gets its renditions.
images.watch_uploads("news.NewsItem", ["image"])
