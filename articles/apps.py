from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Analyses")

    def ready(self):
        from core import caching
        from thinktank import search

        caching.connect_signals()
        # Rebuild the search documents of articles, authors and news whenever their words
        # change: the article, its sections, points and byline, however they are written.
        search.connect_signals()
