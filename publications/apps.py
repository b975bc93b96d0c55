from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publications"
    verbose_name = _("Periodicals and series")

    def ready(self):
        from . import announcing, caches, reader_hooks

        # What a save makes stale in the reader cache, and issues going live on schedule.
        caches.connect()
        # The contents line, citation and schema.org data of an article in an issue.
        reader_hooks.connect()
        # The center news of a published issue.
        announcing.connect()

        from articles import images

        images.watch_uploads("publications.Series", ["cover"])
        images.watch_uploads("publications.Issue", ["cover"])

    def desk_panels(self, request):
        """The editors' panel of the admin's home page: issues in preparation
        (publications/desk.py)."""
        from .desk import panels

        return panels(request)

    def load_demo(self):
        """The demo periodical with its issue 3 (manage.py load_demo)."""
        from .demo import load

        return load()
