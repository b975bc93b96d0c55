from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils.translation import gettext_lazy as _

from .models import SCHEDULED, Status


class BilingualFieldsMixin:
    """
    Give every translated field's widget the `lang` and `dir` of its language, and name
    the language tabs by their language rather than its code.

    Without it, an English field in the Arabic admin is typed right to left (and the
    reverse), and spell-checkers guess the wrong language.
    """

    @property
    def media(self):
        return super().media + forms.Media(js=["core/admin/language-tabs.js"])

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            field.widget.attrs["lang"] = language
            field.widget.attrs["dir"] = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
        return field


class ShownFieldsOnlyMixin:
    """
    The form the server validates has only the fields the page lets this user edit.

    Django leaves model fields out of the form when they are not in the fieldsets or are
    read-only, but fields declared on the form class itself (a checkbox such as "announce
    in the center news") stay in it whatever the fieldsets say: hidden from the page, yet
    accepted from a forged post. They are taken out here too.
    """

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "fields" in kwargs and kwargs["fields"] is None:
            return form  # asked for every field, to work out the fieldsets
        editable = set(flatten_fieldsets(self.get_fieldsets(request, obj))) - set(
            self.get_readonly_fields(request, obj)
        )
        hidden = [name for name in form.base_fields if name not in editable]
        if not hidden:
            return form
        narrowed = type(form.__name__, (form,), {})
        narrowed.base_fields = {
            name: field for name, field in form.base_fields.items() if name not in hidden
        }
        return narrowed


class ReadOnlyMixin:
    """An admin page to read: nothing is added, changed or deleted through it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StateFilter(admin.SimpleListFilter):
    """The list filter by workflow state, "Scheduled" apart from "Published"."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        states = list(Status.choices)
        published = states.index((Status.PUBLISHED, Status.PUBLISHED.label))
        states.insert(published, ("scheduled", SCHEDULED))
        return states

    def queryset(self, request, queryset):
        if self.value() in {value for value, _label in self.lookup_choices}:
            return queryset.in_state(self.value())
        return queryset


class LabelledSplitDateTime(AdminSplitDateTime):
    """Django's date and time boxes, each named for screen readers ("Date", "Time"): the
    admin writes those words beside them, but not as their labels."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[0].attrs["aria-label"] = _("Date")
        self.widgets[1].attrs["aria-label"] = _("Time")


class PublishableAdminMixin:
    """
    The admin of a Publishable (core/models.py): lists show its state, where an item
    published for later reads "Scheduled" rather than "Published", and filter by it; its
    publication time has labelled date and time boxes.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "published_at":
            kwargs["widget"] = LabelledSplitDateTime
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj):
        return obj.state
