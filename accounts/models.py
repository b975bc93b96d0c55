from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import ROLE_NAMES


class AuditEvent(models.Model):
    """
    One line of the audit trail: a sign-in, a failed sign-in, a lockout or a role change.

    Written by accounts/audit.py, never edited: the admin shows it read-only. The user
    name is copied, so that the line still says who it was about after the account is
    deleted or renamed.
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("Signed in")
        LOGIN_FAILED = "login_failed", _("Failed sign-in")
        LOCKED_OUT = "locked_out", _("Sign-in blocked after repeated failures")
        ROLE_CHANGED = "role_changed", _("Role changed")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("what happened"), max_length=20, choices=Action.choices)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        help_text=_("The staff account concerned, when the user name matches one."),
    )
    username = models.CharField(
        _("user name"),
        max_length=150,
        blank=True,
        help_text=_("The user name as typed, or the account's at the time."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The administrator who changed the role."),
    )
    role_before = models.CharField(_("role before"), max_length=150, blank=True)
    role_after = models.CharField(_("role after"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit trail entry")
        verbose_name_plural = _("audit trail")

    def __str__(self):
        return f"{self.get_action_display()}: {self.username}"

    @staticmethod
    def role_label(name):
        """A role's name as administrators read it (“—” for none)."""
        return ROLE_NAMES.get(name, name) if name else "—"
