"""
Analyses, their topics and authors in the sitemap: every public page in each language it
exists in, each with its hreflang alternates.
"""

from django.urls import reverse

from core.sitemaps import BilingualSitemap

from .models import Article, Author, Topic


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


SITEMAPS = {"articles": ArticleSitemap, "topics": TopicSitemap, "authors": AuthorSitemap}
