from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutosaveConfig(AppConfig):
    """
    Unsaved work kept on the server: while an editor types in an admin form, its fields
    are copied every few seconds into a draft of their own (one per person and page),
    never over the object itself, so that the refusal of stale saves still holds. It
    knows no other app: a form is named by its admin page (autosave/keys.py).
    """

    name = "autosave"
    verbose_name = _("Unsaved work")
