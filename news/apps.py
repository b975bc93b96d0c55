from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Center news")

    def ready(self):
        from core import caching

        from .models import NEWS_CACHE_TAG, NewsItem

        # A news item changes the center news on every page that shows it, the news
        # pages, and the listings (whose pages show the center news when they name no
        # tags of their own).
        caching.invalidate_on_change(NewsItem, lambda item: (NEWS_CACHE_TAG, caching.LISTINGS))
        caching.publishes_on_schedule(NewsItem.objects.going_live_later)

        # An upload left by a failing request is removed; a saved one gets its renditions.
        from articles import images

        images.watch_uploads("news.NewsItem", ["image"])

        # Announcing what articles publish, and keeping the news lines of an import.
        from articles.signals import (
            announcement_drafted,
            announcement_requested,
            center_news_found,
        )

        from .announcing import add_found_news, announce_article, draft_announcement

        announcement_requested.connect(announce_article, dispatch_uid="news-announce-article")
        announcement_drafted.connect(draft_announcement, dispatch_uid="news-draft-announcement")
        center_news_found.connect(add_found_news, dispatch_uid="news-from-import")

    def load_demo(self):
        """The demo center news (manage.py load_demo); returns how many objects were made."""
        from .demo import load

        return load()
