"""
The sitemap: every public page in each language it exists in, each with its hreflang
alternates (Django's i18n sitemaps, narrowed per item by get_languages_for_item).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from news.models import NewsItem

from .models import Article, Author, Topic

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def written(field, language):
    return Q(**{f"{field}_{language}__gt": ""})


def published_in_any_language():
    """Published articles released in at least one language they are written in."""
    released = Q()
    for code in LANGUAGE_CODES:
        released |= (
            written("title", code)
            & written("lead", code)
            & Q(**{f"language_published_{code}": True})
        )
    return Article.objects.published().filter(released)


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if self.exists_in(item, code)]

    def exists_in(self, item, language):
        return True


class ArticleSitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return published_in_any_language().order_by("pk")

    def exists_in(self, article, language):
        return article.is_published_in(language)

    def lastmod(self, article):
        return article.updated_at


class PageSitemap(BilingualSitemap):
    """The home page and the site-wide listings."""

    changefreq = "daily"

    def items(self):
        return ["home", "articles:list", "articles:authors", "news:list"]

    def location(self, name):
        return reverse(name)


class TopicSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Topic.objects.filter(articles__in=published_in_any_language()).distinct().order_by("pk")
        )

    def exists_in(self, topic, language):
        return bool(getattr(topic, f"name_{language}"))

    def location(self, topic):
        return reverse("articles:topic", args=[topic.slug])


class AuthorSitemap(BilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Author.objects.filter(articles__in=published_in_any_language())
            .distinct()
            .order_by("pk")
        )

    def exists_in(self, author, language):
        return bool(getattr(author, f"name_{language}"))

    def location(self, author):
        return reverse("articles:author", args=[author.slug])


class NewsSitemap(BilingualSitemap):
    changefreq = "never"

    def items(self):
        return NewsItem.objects.published().order_by("pk")

    def exists_in(self, item, language):
        return bool(getattr(item, f"headline_{language}"))


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
    "authors": AuthorSitemap,
    "news": NewsSitemap,
}
