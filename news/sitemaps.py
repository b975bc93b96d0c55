"""The center news in the sitemap: each published item, in the languages it is written in."""

from core.sitemaps import BilingualSitemap

from .models import NewsItem


class NewsSitemap(BilingualSitemap):
    changefreq = "never"

    def items(self):
        return NewsItem.objects.published().order_by("pk")

    def exists_in(self, item, language):
        return bool(getattr(item, f"headline_{language}"))


SITEMAPS = {"news": NewsSitemap}
