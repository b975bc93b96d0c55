from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = _("Translation desk")

    def ready(self):
        from . import parts, state

        parts.register_articles()
        parts.register_news()
        parts.register_publications()
        state.connect()
