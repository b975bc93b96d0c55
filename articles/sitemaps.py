"""
Analyses, their kinds, topics and authors in the sitemap: every public page in each language it
exists in, each with its hreflang alternates.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from core.sitemaps import BilingualSitemap

from .models import Article, Author, Kind, Topic


class ArticleSitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published_in_any_language().order_by("pk")

    def exists_in(self, article, language):
        return article.is_published_in(language)

    def lastmod(self, article):
        return article.updated_at


class TopicSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Topic.objects.filter(articles__in=Article.objects.published_in_any_language())
            .distinct()
            .order_by("pk")
        )

    def exists_in(self, topic, language):
        return bool(getattr(topic, f"name_{language}"))

    def location(self, topic):
        return reverse("articles:topic", args=[topic.slug])


class KindSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        published = Article.objects.published_in_any_language().filter(kind=OuterRef("pk"))
        return Kind.objects.filter(Exists(published)).order_by("pk")

    def exists_in(self, kind, language):
        return bool(getattr(kind, f"name_{language}"))

    def location(self, kind):
        return kind.get_absolute_url()


class AuthorSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Author.objects.filter(articles__in=Article.objects.published_in_any_language())
            .distinct()
            .order_by("pk")
        )

    def exists_in(self, author, language):
        return bool(getattr(author, f"name_{language}"))

    def location(self, author):
        return reverse("articles:author", args=[author.slug])


SITEMAPS = {
    "articles": ArticleSitemap,
    "kinds": KindSitemap,
    "topics": TopicSitemap,
    "authors": AuthorSitemap,
}
