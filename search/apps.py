from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from . import documents

        # Rebuild the documents of every searchable model whenever their words change:
        # the row itself or any row its declaration says its words come from (an
        # article's sections, points and byline), however they are written.
        documents.connect_signals()
