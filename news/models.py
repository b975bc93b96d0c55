from urllib.parse import urlsplit

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles import images
from articles.models import Article, first_filled, paragraphs
from core.models import Publishable, PublishableQuerySet
from search.documents import Searchable
from search.indexes import SearchIndex

# The reader-cache tag of what shows center news (core/caching.py).
NEWS_CACHE_TAG = "news"


class SubjectForeignKey(GenericForeignKey):
    """
    A generic foreign key whose prefetch asks nothing when no item has a subject. Django's
    looks up the content type of each model it is given a queryset for before it looks
    at the items, which costs the first page a process makes a query even when no item
    leads anywhere; the center news is on every page, and its queries are counted.
    """

    def get_prefetch_querysets(self, instances, querysets=None):
        type_column = self.model._meta.get_field(self.ct_field).attname
        if not any(getattr(instance, type_column) is not None for instance in instances):
            querysets = None
        return super().get_prefetch_querysets(instances, querysets)


class NewsItemQuerySet(PublishableQuerySet):
    def available_in(self, language):
        """Items with a headline written in `language` (NULL and "" both fail `> ""`)."""
        return self.filter(**{f"headline_{language}__gt": ""})

    def published_in(self, language):
        """What readers of `language` may see: published, with a headline in it."""
        return self.published().available_in(language)

    def for_pages(self):
        """
        With the article each item announces and the publication it leads to, without
        anyone's search columns. The apps whose publications items lead to say how to
        fetch them (news.announcing.subject_querysets; an issue's address needs its
        series): one query per kind of subject shown, none when no item has a subject.
        """
        from .announcing import subject_querysets

        return (
            self.select_related("article")
            .defer(
                *self.model.searchable.columns,
                *(f"article__{name}" for name in Article.searchable.columns),
            )
            .prefetch_related(GenericPrefetch("subject", list(subject_querysets.values())))
        )


class NewsItem(Publishable):
    """A short line of center news: “Dr. X writes: (title)”, “Issue 3 of … is out”."""

    headline = models.CharField(_("headline"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("announced article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        help_text=_("The article this item announces; readers who click the item go there."),
    )
    # What else on the site the item announces (an issue of a periodical): any model of
    # an app above this one, which news may not import. Set by the app that announces it
    # (publications/announcing.py), shown but not edited in the admin.
    subject_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type of the announced publication"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_id = models.PositiveBigIntegerField(
        _("ID of the announced publication"), null=True, blank=True
    )
    subject = SubjectForeignKey("subject_type", "subject_id")
    link = models.URLField(
        _("external link"),
        blank=True,
        help_text=_("Where the item leads when it announces something outside the site."),
    )
    image = models.ImageField(
        _("image"), upload_to="news/%Y/", blank=True, validators=[images.validate_upload]
    )
    image_alt = images.image_alt_field()
    # The site search's normalised document and its tsvector per language, written by
    # the search app (search/documents.py): the headline weighs more than the text.
    search_document_ar = models.TextField(_("search document"), blank=True, editable=False)
    search_document_en = models.TextField(_("search document"), blank=True, editable=False)
    search_vector_ar = SearchVectorField(_("search vector"), null=True, editable=False)
    search_vector_en = SearchVectorField(_("search vector"), null=True, editable=False)
    searchable = Searchable(
        kind="news",
        position=2,
        fields=[["headline"], ["body"]],
        order=["-published_at", "-pk"],
        snippet="body_{language}",
    )

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="newsitem_status_date"),
            # "Is this issue announced?": asked when an issue is announced or changes.
            models.Index(fields=["subject_type", "subject_id"], name="newsitem_subject"),
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

    @classmethod
    def search_candidates(cls, language):
        """The items the site search finds in `language`: published, with a headline in it."""
        return cls.objects.published().available_in(language)

    def search_hit(self, language):
        """How the site search lists the item in `language`."""
        return {
            "title": getattr(self, f"headline_{language}"),
            "url": self.get_absolute_url(),
            "date": self.published_at,
        }

    def target_url(self):
        """Where a reader who clicks the item goes: the publication or the article it
        announces while readers of the page's language can see it, its link, or else its
        own page."""
        language = get_language()
        subject = self.subject
        if subject is not None and subject.is_published_in(language):
            return subject.get_absolute_url()
        article = self.article
        if article and article.is_published_in(language):
            return article.get_absolute_url()
        # The admin accepts only web addresses, but a link stored some other way (an
        # import, the shell) must not become a "javascript:" link on every page.
        if urlsplit(self.link).scheme in {"http", "https"}:
            return self.link
        return self.get_absolute_url()
