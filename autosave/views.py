"""
The admin's autosave, spoken to by static/autosave/admin/autosave.js: a form's fields
are kept, fetched back and discarded here, for the signed-in person only. Wrapped by the
admin site (thinktank/admin_site.py): staff only, and the POSTs need the CSRF token.
"""

import json
from datetime import timedelta

from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .keys import MAX_LENGTH
from .models import FormDraft

# Drafts nobody came back to for this long are dropped when their owner autosaves again.
KEPT_FOR = timedelta(days=30)
# More fields than any admin form has: a post beyond it is not a form's.
MAX_FIELDS = 5000


class BadDraft(ValueError):
    pass


def read_key(value):
    if not isinstance(value, str) or not value or len(value) > MAX_LENGTH:
        raise BadDraft
    return value


def read_fields(value):
    """A form's fields as [name, value] pairs of strings, as the script sends them."""
    if not isinstance(value, list) or len(value) > MAX_FIELDS:
        raise BadDraft
    for pair in value:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
            and len(pair[0]) <= MAX_LENGTH
        ):
            raise BadDraft
    return value


def when(moment):
    """The time of a draft as the interface writes it: the date too unless it is today's."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return formats.time_format(local, "TIME_FORMAT")
    return formats.date_format(local, "SHORT_DATETIME_FORMAT")


def described(draft):
    saved = when(draft.saved_at)
    return {
        "found": True,
        "fields": draft.fields,
        "saved_at": draft.saved_at.isoformat(),
        "offer": _("Unsaved text from %(time)s: restore it or discard it?") % {"time": saved},
        "kept": _("Changes not saved yet, kept at %(time)s") % {"time": saved},
    }


def posted(request):
    try:
        return json.loads(request.body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadDraft from None


@require_GET
def fetch(request):
    try:
        key = read_key(request.GET.get("key"))
    except BadDraft:
        return HttpResponseBadRequest()
    draft = FormDraft.objects.of(request.user, key).first()
    return JsonResponse(described(draft) if draft else {"found": False})


@require_POST
def keep(request):
    try:
        data = posted(request)
        key, fields = read_key(data.get("key")), read_fields(data.get("fields"))
    except (BadDraft, AttributeError):
        return HttpResponseBadRequest()
    draft, _created = FormDraft.objects.update_or_create(
        user=request.user, key=key, defaults={"fields": fields}
    )
    FormDraft.objects.filter(user=request.user, saved_at__lt=timezone.now() - KEPT_FOR).delete()
    return JsonResponse(described(draft))


@require_POST
def discard(request):
    try:
        key = read_key(posted(request).get("key"))
    except (BadDraft, AttributeError):
        return HttpResponseBadRequest()
    FormDraft.objects.of(request.user, key).delete()
    return JsonResponse({"found": False})


def urls(admin_site):
    """The autosave's addresses, under the admin site that wraps them."""
    return [
        path("autosave/", admin_site.admin_view(fetch), name="autosave_fetch"),
        path("autosave/keep/", admin_site.admin_view(keep), name="autosave_keep"),
        path("autosave/discard/", admin_site.admin_view(discard), name="autosave_discard"),
    ]
