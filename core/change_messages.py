"""
History that reads in the reader's language.

Django renders an admin change message when it is saved; django-reversion keeps that
rendering as the revision's comment, so a change saved in the Arabic admin read in
Arabic forever, and its field labels ("kicker [Arabic]") in English. Here a comment is
kept as data (Django's JSON change message, naming fields by their names, and workflow
notes by their untranslated text) and put into words when the history is shown, in the
language of whoever reads it. Comments stored as plain text (older revisions) are shown
as they were stored.
"""

import json

from django.core.exceptions import FieldDoesNotExist
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from .text import join_names, language_name


def change_message(form, formsets, add):
    """What a save through the admin changed, as data: Django's structure, with fields by
    name and the inline rows' model."""
    message = [{"added": {}}] if add else []
    if not add and form.changed_data:
        message.append({"changed": {"fields": list(form.changed_data)}})
    for formset in formsets or ():
        opts = formset.model._meta
        row = {"name": opts.verbose_name.__str__(), "model": opts.label_lower}
        message += [{"added": {**row, "object": str(obj)}} for obj in formset.new_objects]
        message += [
            {"changed": {**row, "object": str(obj), "fields": list(fields)}}
            for obj, fields in formset.changed_objects
        ]
        message += [{"deleted": {**row, "object": str(obj)}} for obj in formset.deleted_objects]
    return json.dumps(message)


def note(text, **params):
    """
    A workflow comment ("Published.", "Imported from %(source)s."), kept untranslated:
    `text` must be marked for translation where it is written (gettext_noop). A parameter
    named `language` is a language code and `datetime` an ISO moment: both are put in the
    reader's words when shown.
    """
    return json.dumps([{"note": str(text), "params": params}])


def noted(message, text, **params):
    """A change message (change_message()) with a workflow note after what changed."""
    return json.dumps([*json.loads(message), *json.loads(note(text, **params))])


def describe(comment, model):
    """The comment of a revision of a `model` object, in the active language."""
    try:
        entries = json.loads(comment) if comment and comment.startswith("[") else None
    except ValueError:
        entries = None
    if not isinstance(entries, list):
        return comment
    sentences = [_sentence(entry, model) for entry in entries if isinstance(entry, dict)]
    return " ".join(sentence for sentence in sentences if sentence) or gettext("No fields changed.")


def _sentence(entry, model):
    if "note" in entry:
        params = dict(entry.get("params") or {})
        if "language" in params:
            params["language"] = language_name(params["language"])
        if "datetime" in params:
            moment = parse_datetime(params["datetime"])
            if moment is not None:
                params["datetime"] = date_format(localtime(moment), "DATETIME_FORMAT")
        return gettext(entry["note"]) % params
    for action in ("added", "changed", "deleted"):
        if action in entry:
            break
    else:
        return ""
    details = entry[action]
    if action == "changed":
        target = _model(details.get("model"), model)
        fields = join_names([_label(target, name) for name in details.get("fields", [])])
        if "object" in details:
            return gettext("Changed {fields} for {name} “{object}”.").format(
                fields=fields, name=gettext(details["name"]), object=details["object"]
            )
        return gettext("Changed {fields}.").format(fields=fields)
    if "object" not in details:
        return gettext("Added.")
    text = {"added": "Added {name} “{object}”.", "deleted": "Deleted {name} “{object}”."}
    return gettext(text[action]).format(name=gettext(details["name"]), object=details["object"])


def _model(label, default):
    if not label:
        return default
    from django.apps import apps

    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return default


def _label(model, name):
    """A field's label in the active language ("العنوان [العربية]"), or its name."""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


class ReadableHistoryMixin:
    """
    For a reversion VersionAdmin: comments are kept as data and the history shows them in
    the reader's language (`action.comment` in the history template).
    """

    def construct_change_message(self, request, form, formsets, add=False):
        return change_message(form, formsets, add)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._keep_as_data(entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._keep_as_data(entry)
        return entry

    def _keep_as_data(self, entry):
        from reversion import is_active, set_comment

        if is_active():
            set_comment(entry.change_message)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        actions = getattr(response, "context_data", {}).get("action_list") or []
        for action in actions:
            revision = action.get("revision") if isinstance(action, dict) else None
            if revision is not None:
                action["comment"] = describe(revision.comment, self.model)
        return response
