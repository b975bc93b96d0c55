"""
The forms of the series and issue admin: a series' (its languages as checkboxes), an
issue's (refusing a save over a newer version, its number unique in the series, its
period in order, the workflow's step, the announcement) and its contents' rows.

Every one of them refuses a posted change to a field the page shows its user read-only
(LockedFieldsMixin): Django would ignore such a value; here it is named in an error and
nothing is saved, so that a forged post is told apart from an honest one.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles import images
from articles.forms import PositionedFormSet, UnlabelledHiddenInput
from core.text import join_names, localized_field_name

from .labels import series_name
from .models import LANGUAGE_CODES, Issue, Series


class LockedFieldsMixin:
    """
    For a model form whose admin leaves some fields read-only for its user: `locked` maps
    each such field to the form field an editor's page has for it (set by the admin for
    each request). A posted value that differs from the stored one is refused.
    """

    locked = {}

    def clean(self):
        cleaned_data = super().clean()
        changed = [field for name, field in self.locked.items() if self.posts_a_change(name, field)]
        if changed:
            raise ValidationError(
                _("You may not change %(fields)s. Nothing was saved: reload the page."),
                code="locked",
                params={"fields": join_names(capfirst(field.label) for field in changed)},
            )
        return cleaned_data

    def posts_a_change(self, name, field):
        key = self.add_prefix(name)
        widget = field.widget
        # An unticked box is simply not posted: only a box ticked in the post can be told
        # from a page that does not show it.
        boxes = (forms.CheckboxInput, forms.CheckboxSelectMultiple)
        if isinstance(widget, boxes) and key not in self.data:
            return False
        if widget.value_omitted_from_data(self.data, self.files, key):
            return False
        posted = widget.value_from_datadict(self.data, self.files, key)
        stored = self.instance._meta.get_field(name).value_from_object(self.instance)
        if isinstance(stored, (datetime.datetime, datetime.time)) and not getattr(
            widget, "supports_microseconds", True
        ):
            # As Django compares them (BoundField.initial): a page shows whole seconds.
            stored = stored.replace(microsecond=0)
        try:
            return field.has_changed(stored, posted)
        except ValidationError:
            return True


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class SeriesAdminForm(LockedFieldsMixin, images.AltTextRequiredMixin, forms.ModelForm):
    alt_text_fields = {"cover": "cover_alt"}
    languages = forms.MultipleChoiceField(
        label=capfirst(Series._meta.get_field("languages").verbose_name),
        help_text=Series._meta.get_field("languages").help_text,
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the languages the series appears in.")},
    )

    class Meta:
        # Says why an upload is refused (too heavy, too many pixels, not an image).
        field_classes = {"cover": images.ImageUploadField}

    def clean_languages(self):
        chosen = self.cleaned_data["languages"]
        # Kept in the site's order, whatever the order of the boxes in the post.
        return [code for code in LANGUAGE_CODES if code in chosen]

    def clean_issn(self):
        # "2049-363x" is the same ISSN as "2049-363X": kept as it is printed.
        return self.cleaned_data["issn"].strip().upper()


def announcement_field(code):
    return forms.CharField(
        label=lazy(lambda: capfirst(localized_field_name(_("announcement"), code)), str)(),
        required=False,
        max_length=300,
        widget=forms.TextInput(
            attrs={
                "lang": code,
                "dir": "rtl" if code in settings.LANGUAGES_BIDI else "ltr",
                "size": 80,
            }
        ),
        help_text=_(
            "What the center news will say when the issue is announced. Leave it as it is "
            "to follow the issue's number and series as saved."
        ),
    )


class IssueAdminForm(LockedFieldsMixin, images.AltTextRequiredMixin, forms.ModelForm):
    """The issue form, refusing to save over a version newer than the one it was opened
    at, and taking the save bar's step (publishing.Workflow)."""

    alt_text_fields = {"cover": "cover_alt"}
    loaded_version = forms.IntegerField(
        label=pgettext_lazy("save counter", "version"), widget=UnlabelledHiddenInput
    )
    announce = forms.BooleanField(
        label=_("Announce in the center news"),
        required=False,
        help_text=_(
            "When the issue is published, add its release (“The center releases issue 3 "
            "of …”) to the center news in each of its languages, linking to it."
        ),
    )

    class Meta:
        field_classes = {"cover": images.ImageUploadField}

    # The save bar's step (publishing.Workflow), set by the admin for each request.
    workflow = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The version stored now, not the instance's: the instance may come from an old
        # revision being restored.
        stored = Issue.objects.filter(pk=self.instance.pk).values_list("edit_version", flat=True)
        if "loaded_version" in self.fields:
            self.fields["loaded_version"].initial = stored.first() or 0
        self.show_announcement()

    def show_announcement(self):
        """The announcement fields start with what the center news would say of the issue
        as stored: the editor sees it before it goes out, and may reword it."""
        names = [name for name in self.fields if name.startswith("announcement_")]
        if not names or self.instance.pk is None:
            return
        from .announcing import drafted_headlines

        drafted = drafted_headlines(self.instance) or {}
        for name in names:
            self.fields[name].initial = drafted.get(name.removeprefix("announcement_"), "")

    def edited_announcement(self):
        """{language: headline} the editor reworded; the rest follow the saved issue."""
        return {
            name.removeprefix("announcement_"): self.cleaned_data[name]
            for name in self.changed_data
            if name.startswith("announcement_") and self.cleaned_data.get(name)
        }

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_stale_save(cleaned_data)
        self.check_number(cleaned_data)
        self.check_period(cleaned_data)
        if self.workflow is not None:
            self.workflow.apply(cleaned_data)
        return cleaned_data

    def check_number(self, cleaned_data):
        """Two issues of a series never share a number: said on the number, naming it."""
        if "number" not in self.fields or "series" not in self.fields:
            return
        series, number = cleaned_data.get("series"), cleaned_data.get("number")
        if series is None or number is None:
            return
        taken = Issue.objects.filter(series=series, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            self.add_error(
                "number",
                ValidationError(
                    _(
                        "“%(series)s” already has an issue %(number)s. Give this one another "
                        "number."
                    ),
                    code="number_taken",
                    params={"series": series_name(series, get_language()), "number": number},
                ),
            )

    def check_period(self, cleaned_data):
        start, end = cleaned_data.get("date"), cleaned_data.get("date_end")
        if start and end and end < start:
            self.add_error(
                "date_end",
                ValidationError(
                    _("The end of the period comes before its start."), code="period_order"
                ),
            )

    def refuse_stale_save(self, cleaned_data):
        if self.instance.pk is None or "loaded_version" not in cleaned_data:
            return
        # Lock the row so that two saves racing each other cannot both pass this check.
        current = (
            # of=self: PostgreSQL cannot lock the nullable side of the join to updated_by.
            Issue.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(pk=self.instance.pk)
            .first()
        )
        if current is not None and current.edit_version != cleaned_data["loaded_version"]:
            who = current.updated_by
            raise ValidationError(
                _(
                    "%(who)s saved this issue at %(when)s, after you opened it. Nothing you "
                    "typed has been saved or lost: it is still in the form below. Open the "
                    "issue in a new tab to see their version, bring your changes over there "
                    "and save."
                ),
                code="stale",
                params={
                    "who": (who.get_full_name() or who.get_username()) if who else _("Someone"),
                    "when": formats.date_format(
                        timezone.localtime(current.updated_at), "DATETIME_FORMAT"
                    ),
                },
            )


for _code in LANGUAGE_CODES:
    IssueAdminForm.base_fields[f"announcement_{_code}"] = announcement_field(_code)
    IssueAdminForm.declared_fields[f"announcement_{_code}"] = IssueAdminForm.base_fields[
        f"announcement_{_code}"
    ]


class IssueEntryAdminForm(LockedFieldsMixin, forms.ModelForm):
    """A row of the contents; a translator's post that changes its article, pages or
    place is refused (LockedFieldsMixin)."""


class IssueEntryFormSet(PositionedFormSet):
    """
    The contents' rows (ordered by dragging, like an article's sections), kept to the
    issue on the page. Whoever may not add or delete rows (a translator) is told so when a
    post adds or deletes one, rather than seeing it silently dropped.
    """

    may_add = True
    may_delete = True

    def clean(self):
        super().clean()
        initial = self.initial_form_count()
        if not self.may_add and any(
            self._posts_anything(index) for index in range(initial, self.total_form_count())
        ):
            raise ValidationError(
                _("You may not add entries to the contents. Nothing was saved: reload the page."),
                code="add_refused",
            )
        if not self.may_delete and any(
            self.data.get(f"{self.add_prefix(index)}-DELETE") for index in range(initial)
        ):
            raise ValidationError(
                _(
                    "You may not remove entries from the contents. Nothing was saved: reload "
                    "the page."
                ),
                code="delete_refused",
            )

    def _posts_anything(self, index):
        prefix = f"{self.add_prefix(index)}-"
        return any(
            value
            for key, value in self.data.items()
            if key.startswith(prefix) and not key.endswith(("-position", "-issue"))
        )
