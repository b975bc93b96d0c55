"""
The audit trail's writers: django.contrib.auth's sign-in signals, django-axes' lockout
signal, and the user admin's role changes (accounts/admin.py).
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from core.security import client_ip

from .models import AuditEvent
from .roles import ROLE_LABELS

USERNAME_LENGTH = AuditEvent._meta.get_field("username").max_length
USER_AGENT_LENGTH = AuditEvent._meta.get_field("user_agent").max_length


def role_of(user):
    """The name of the role group `user` holds ("" for none)."""
    names = user.groups.filter(name__in=ROLE_LABELS).values_list("name", flat=True)
    return names.first() or ""


def clean(text, length):
    # Whatever a client sent, cut to fit; PostgreSQL refuses NUL characters in text.
    return str(text or "").replace("\x00", "")[:length]


def record(action, request=None, *, username="", account=None, **fields):
    """Add a line to the trail, with the address and browser of `request` when there is one."""
    username = clean(username, USERNAME_LENGTH)
    if account is None and username:
        User = get_user_model()
        account = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    if request is not None:
        fields.setdefault("ip_address", client_ip(request))
        fields["user_agent"] = clean(request.META.get("HTTP_USER_AGENT"), USER_AGENT_LENGTH)
    return AuditEvent.objects.create(action=action, username=username, account=account, **fields)


def record_role_change(request, user, before, after):
    record(
        AuditEvent.Action.ROLE_CHANGED,
        request,
        username=user.get_username(),
        account=user,
        actor=request.user,
        role_before=before,
        role_after=after,
    )


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def sign_in(sender, request, user, **kwargs):
    record(AuditEvent.Action.LOGIN, request, username=user.get_username(), account=user)


@receiver(user_login_failed, dispatch_uid="audit_failed_sign_in")
def failed_sign_in(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the name is kept.
    username = credentials.get(get_user_model().USERNAME_FIELD) or ""
    record(AuditEvent.Action.LOGIN_FAILED, request, username=username)


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    record(AuditEvent.Action.LOCKED_OUT, request, username=username or "", ip_address=ip_address)
