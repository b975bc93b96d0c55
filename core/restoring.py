"""
Restoring a version, or recovering a deleted object, is an edit by the same person.

django-reversion writes the whole old revision back (every field, every inline row) and
only then asks the change form whether the user may change the object, as it now is. An
author could so restore a draft version of their own published analysis (taking it off
the site), and a translator any article (its status, its sections). Here the user's
rights are read from the object as it is *before* the restore, and after the revision is
written back, whatever that user could not have changed by hand in the change form is
put back as it was: read-only fields, workflow fields for those who may not publish,
inline rows they may not add, delete or change, and the read-only fields of the rest.
"""

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reversion import set_comment
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from .change_messages import note
from .inline_rows import inline_tree


class _RollBack(Exception):
    """Undoes the transaction in which a version was shown, not an error."""

    def __init__(self, response):
        self.response = response


class RestoreAsEditMixin:
    """For a reversion VersionAdmin: history restore and recover follow the change form's
    rules for the same person."""

    # Fields that only those who may publish change (status, publication time, …).
    workflow_fields = ()

    def has_publish_permission(self, request):
        return False

    def restore_protected_fields(self, request, obj):
        """The fields a restore by this user leaves as they are (obj None: recovering)."""
        protected = set(self.get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            protected |= set(self.workflow_fields)
        return protected

    def may_recover(self, request, version):
        """Whether this user may bring back the deleted object of `version`."""
        return self.has_add_permission(request)

    def recoverable(self, request):
        deleted = Version.objects.get_deleted(self.model).select_related("revision")
        allowed = [version.pk for version in deleted if self.may_recover(request, version)]
        return self._reversion_order_version_queryset(
            request, Version.objects.filter(pk__in=allowed).select_related("revision")
        )

    # Views.

    def recoverlist_view(self, request, extra_context=None):
        context = {"deleted": self.recoverable(request), **(extra_context or {})}
        return super().recoverlist_view(request, context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(self.recoverable(request), pk=version_id)
        context = {
            "title": _("Recover %(name)s") % {"name": version.object_repr},
            "recover": True,
            **(extra_context or {}),
        }
        template = self.recover_form_template or self._reversion_get_template_list(
            "recover_form.html"
        )
        return self._restore(request, version, None, template, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        current = self.get_object(request, unquote(object_id))
        if current is None:
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        # Only this object's versions (reversion's own view takes any model's version
        # with that id).
        version = get_object_or_404(Version.objects.get_for_object(current), pk=version_id)
        if request.method == "POST":
            allowed = self.has_change_permission(request, current)
        else:
            allowed = self.has_view_permission(request, current)
        if not allowed:
            raise PermissionDenied
        context = {
            "title": _("Revert %(name)s") % {"name": version.object_repr},
            "revert": True,
            **(extra_context or {}),
        }
        template = self.revision_form_template or self._reversion_get_template_list(
            "revision_form.html"
        )
        return self._restore(request, version, current, template, context)

    # The restore itself.

    def _restore(self, request, version, current, template, context):
        """reversion's revision form view, with what the user may not change put back
        between writing the revision and showing (or saving) the change form."""
        # Looking at a version must not announce, index or bump anything.
        if request.method == "GET":
            signals = mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
        else:
            signals = nullcontext()
        changelist = (
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_changelist"
        )
        try:
            with transaction.atomic(using=version.db), signals:
                tree = inline_tree(self, request, current)
                self._check_revision_holds_only_this_object(version, tree)
                kept = self._protected_state(request, current, tree)
                version.revision.revert(delete=True)
                self._put_back(kept, version.object_id)
                # The save's confirmation says "restored" (message_user below).
                request.restored_version = version
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        set_comment(
                            note(
                                gettext_noop("Restored the version saved on %(datetime)s"),
                                datetime=version.revision.date_created.isoformat(),
                            )
                        )
                    elif response.status_code == 200:
                        response.template_name = template
                        response.render()
                        raise _RollBack(response)
                    else:
                        raise RevertError(_("This version could not be loaded."))
        except _RollBack as rollback:
            return rollback.response
        except (RevertError, models.ProtectedError, IntegrityError) as error:
            messages.error(
                request,
                _("This version could not be restored: %(reason)s")
                % {
                    "reason": error
                    if not isinstance(error, IntegrityError)
                    else _(
                        "it conflicts with what has been saved since (an address or a byline "
                        "now used elsewhere)."
                    )
                },
            )
            return redirect(changelist)
        return response

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        """A restore or a recovery is confirmed as what it is, not as Django's "was
        changed" or "was added"."""
        version = getattr(request, "restored_version", None)
        if version is not None and level == messages.SUCCESS:
            message = _("“%(name)s” was restored to its version saved on %(datetime)s.") % {
                "name": version.object_repr,
                "datetime": date_format(
                    localtime(version.revision.date_created), "DATETIME_FORMAT"
                ),
            }
        super().message_user(request, message, level, *args, **kwargs)

    def _check_revision_holds_only_this_object(self, version, tree):
        """A revision whose rows now belong to another object would move them here."""
        lookups = {inline.model: inline.root_lookup for inline in tree}
        for other in version.revision.version_set.all():
            model = other._model
            if model is self.model:
                if str(other.object_id) != str(version.object_id):
                    raise RevertError(_("the version also holds another object."))
                continue
            if model not in lookups:
                raise RevertError(_("the version also holds another kind of object."))
            elsewhere = (
                model._default_manager.filter(pk=other.object_id)
                .exclude(**{lookups[model]: version.object_id})
                .exists()
            )
            if elsewhere:
                raise RevertError(_("some of its parts now belong to another object."))

    def _protected_state(self, request, obj, tree):
        """What the user may not change, as it is before the restore."""
        fields, many = {}, {}
        for name in self.restore_protected_fields(request, obj):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:  # a form-only field shown read-only: nothing stored
                continue
            if field.many_to_many:
                many[name] = list(getattr(obj, name).values_list("pk", flat=True)) if obj else []
            elif field.concrete and not field.primary_key:
                fields[field.attname] = getattr(obj, field.attname) if obj else field.get_default()
        inlines = []
        for inline in tree:
            readonly = set(inline.get_readonly_fields(request, obj))
            model = inline.model
            fk = model._meta.get_field(inline.root_lookup.split("__")[0])
            if getattr(inline, "sortable_field_name", None) in readonly or not getattr(
                inline, "sortable_field_name", None
            ):
                readonly.add(fk.name)  # whoever may not reorder may not move rows either
            if not inline.has_change_permission(request, obj):
                readonly = {f.name for f in model._meta.concrete_fields if not f.primary_key}
            rows = {}
            if obj is not None:
                rows = {
                    row.pk: row
                    for row in model._default_manager.filter(**{inline.root_lookup: obj.pk})
                }
            inlines.append(
                {
                    "model": model,
                    "lookup": inline.root_lookup,
                    "may_add": inline.has_add_permission(request, obj),
                    "may_delete": inline.has_delete_permission(request, obj),
                    "readonly": [
                        model._meta.get_field(name).attname
                        for name in readonly
                        if _is_concrete(model, name)
                    ],
                    "rows": rows,
                }
            )
        return {"fields": fields, "many": many, "inlines": inlines}

    def _put_back(self, kept, object_id):
        manager = self.model._default_manager
        if kept["fields"]:
            manager.filter(pk=object_id).update(**kept["fields"])
        if kept["many"]:
            obj = manager.get(pk=object_id)
            for name, pks in kept["many"].items():
                getattr(obj, name).set(pks)
        for inline in kept["inlines"]:  # parents before their children
            model, before = inline["model"], inline["rows"]
            rows = model._default_manager.filter(**{inline["lookup"]: object_id})
            after = {row.pk: row for row in rows}
            if not inline["may_add"]:
                model._default_manager.filter(pk__in=set(after) - set(before)).delete()
            if not inline["may_delete"]:
                for pk in set(before) - set(after):
                    before[pk].save(force_insert=True)
            for pk in set(before) & set(after):
                changes = {
                    name: getattr(before[pk], name)
                    for name in inline["readonly"]
                    if getattr(before[pk], name) != getattr(after[pk], name)
                }
                if changes:
                    model._default_manager.filter(pk=pk).update(**changes)


def _is_concrete(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete and not field.primary_key
