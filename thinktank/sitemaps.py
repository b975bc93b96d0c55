"""The sitemap of the whole site: its own pages, then each app's sections."""

from django.urls import reverse

from articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS
from core.sitemaps import BilingualSitemap
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from publications.sitemaps import SITEMAPS as PUBLICATIONS_SITEMAPS


class PageSitemap(BilingualSitemap):
    """The home page and the site-wide listings."""

    changefreq = "daily"

    def items(self):
        return ["home", "articles:list", "articles:authors", "news:list", "publications:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    **ARTICLE_SITEMAPS,
    **NEWS_SITEMAPS,
    **PUBLICATIONS_SITEMAPS,
}
