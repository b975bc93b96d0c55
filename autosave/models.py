from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormDraftQuerySet(models.QuerySet):
    def of(self, user, key):
        return self.filter(user=user, key=key)


class FormDraft(models.Model):
    """What one person had typed into one admin form, and not yet saved."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The admin page the form is on, whatever the interface language (keys.py).
    key = models.CharField(_("page"), max_length=200)
    # The form's fields as [name, value] pairs, in the form's order.
    fields = models.JSONField(_("fields"), default=list)
    saved_at = models.DateTimeField(_("saved"), auto_now=True)

    objects = FormDraftQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="form_draft_once_per_page"),
        ]
        verbose_name = _("unsaved form")
        verbose_name_plural = _("unsaved forms")

    def __str__(self):
        return self.key
