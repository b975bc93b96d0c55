from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """
    The plumbing every app shares, and which knows none of them: admin mixins (inline
    rows tied to the object on the page, restores as edits), the client's address and
    the site's guard middleware, pagination, and the reader cache (tags, bump, remember,
    middleware). It is the bottom layer: it imports no other app of the project.
    """

    name = "core"
    verbose_name = _("Site plumbing")
