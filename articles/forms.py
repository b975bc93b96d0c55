"""
The forms of the article admin: the article's own (refusing a save over a newer
version), the author's, and the formsets of its ordered inline rows and its figures.
"""

import nested_admin
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.inline_rows import OwnRowsFormSetMixin
from core.text import localized_field_name

from . import images, publishing
from .models import Article
from .templatetags.text import next_figure_label


class PositionedFormSet(OwnRowsFormSetMixin, nested_admin.formsets.NestedInlineFormSet):
    """
    Make the submitted positions distinct before the forms are validated.

    Editors set positions by dragging (the field is hidden), so equal or unreadable values
    only come from a broken script or a hand-made request; nested_admin's template cannot
    even sort them. Ties keep the order in which the forms were submitted, values that are
    not numbers go last, and nested_admin renumbers everything 0, 1, 2… when saving.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = getattr(self, "sortable_field_name", None)
        if not (self.is_bound and field):
            return
        keys = [f"{self.add_prefix(i)}-{field}" for i in range(self.total_form_count())]

        def order(index):
            value = self.data.get(keys[index], "")
            return (0, int(value), index) if value.isdigit() else (1, 0, index)

        self.data = self.data.copy()
        for position, index in enumerate(sorted(range(len(keys)), key=order)):
            self.data[keys[index]] = str(position)

    def save(self, commit=True):
        saved = super().save(commit)
        field = getattr(self, "sortable_field_name", None)
        if commit and field and self.instance.pk is not None:
            # Rows a post left out keep their old places, which the posted rows may now
            # claim: number the parent's rows again, in their order, so that no two share
            # a position when the deferred constraint is checked at commit.
            rows = self.model._default_manager.filter(**{self.fk.name: self.instance})
            moved = []
            for position, row in enumerate(rows.order_by(field, "pk").only("pk", field)):
                if getattr(row, field) != position:
                    setattr(row, field, position)
                    moved.append(row)
            self.model._default_manager.bulk_update(moved, [field])
        return saved


class PrefetchedIndicationsFormSet(PositionedFormSet):
    """
    The points of one section, from what the sections' query prefetched: the article's
    page then costs one query for all its points, not one per section.
    """

    def get_queryset(self):
        if self.is_bound:  # a post: the rows it names, checked to be the article's
            return super().get_queryset()
        if not hasattr(self, "_queryset"):
            prefetched = getattr(self.instance, "_prefetched_objects_cache", {})
            if "indications" in prefetched:
                # A list serves the formset as well as a queryset: it is counted,
                # iterated and indexed, in the order the prefetch kept (position, pk).
                self._queryset = list(prefetched["indications"])
            else:
                return super().get_queryset()
        return self._queryset


class FigureFormSet(PositionedFormSet):
    """
    The article's figures. A new figure left without a label is given the next free number
    here, before the labels are checked to be distinct: two of them would otherwise both
    be "" and refused as duplicates of each other.
    """

    def clean(self):
        self.number_unlabelled()
        super().clean()

    def number_unlabelled(self):
        kept = [
            form
            for form in self.forms
            if "label" in form.fields
            and hasattr(form, "cleaned_data")
            and form.has_changed()
            and not self._should_delete_form(form)
        ]
        taken = {form.cleaned_data.get("label") for form in kept} - {"", None}
        if self.instance.pk is not None:
            taken |= set(self.instance.figures.values_list("label", flat=True))
        for form in kept:
            if not form.cleaned_data.get("label"):
                label = next_figure_label(taken)
                taken.add(label)
                form.cleaned_data["label"] = form.instance.label = label


class FigureAdminForm(images.AltTextRequiredMixin, forms.ModelForm):
    alt_text_fields = {"image": "image_alt"}

    class Meta:
        # Says why an upload is refused (too heavy, too many pixels, not an image).
        field_classes = {"image": images.ImageUploadField}


class UnlabelledHiddenInput(forms.HiddenInput):
    """A hidden field that the admin's fieldset still gives a (hidden) label: the label
    points at nothing, as a label of a hidden input must."""

    def id_for_label(self, id_):
        return None


class ArticleAdminForm(images.AltTextRequiredMixin, forms.ModelForm):
    """The article form, refusing to save over a version newer than the one it was opened at."""

    alt_text_fields = {"image": "image_alt"}
    loaded_version = forms.IntegerField(
        label=pgettext_lazy("save counter", "version"), widget=UnlabelledHiddenInput
    )
    announce = forms.BooleanField(
        label=_("Announce in the center news"),
        required=False,
        help_text=_(
            "When the article is published, add “Dr. X writes: (title)” to the center "
            "news in each of its languages, linking to it."
        ),
    )

    class Meta:
        # Says why an upload is refused (too heavy, too many pixels, not an image).
        field_classes = {"image": images.ImageUploadField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_announcement()
        # The version stored now, not the instance's: the instance may come from an old
        # revision being restored.
        stored = Article.objects.filter(pk=self.instance.pk).values_list("edit_version", flat=True)
        self.fields["loaded_version"].initial = stored.first() or 0

    # The save bar's step (publishing.Workflow), set by the admin for each request.
    workflow = None

    def show_announcement(self):
        """The announcement fields start with what the center news would say of the
        article as stored: the editor sees it before it goes out, and may reword it."""
        names = [name for name in self.fields if name.startswith("announcement_")]
        if not names or self.instance.pk is None:
            return
        drafted = publishing.drafted_announcement(self.instance)
        for name in names:
            self.fields[name].initial = drafted.get(name.removeprefix("announcement_"), "")

    def edited_announcement(self):
        """{language: headline} the editor reworded; the rest follow the saved article."""
        return {
            name.removeprefix("announcement_"): self.cleaned_data[name]
            for name in self.changed_data
            if name.startswith("announcement_") and self.cleaned_data.get(name)
        }

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_stale_save(cleaned_data)
        if self.workflow is not None:
            self.workflow.apply(cleaned_data)
        return cleaned_data

    def refuse_stale_save(self, cleaned_data):
        if self.instance.pk is None or "loaded_version" not in cleaned_data:
            return
        # Lock the row so that two saves racing each other cannot both pass this check.
        current = (
            # of=self: PostgreSQL cannot lock the nullable side of the join to updated_by.
            Article.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(pk=self.instance.pk)
            .first()
        )
        if current is not None and current.edit_version != cleaned_data["loaded_version"]:
            who = current.updated_by
            raise ValidationError(
                _(
                    "%(who)s saved this article at %(when)s, after you opened it. Nothing "
                    "you typed has been saved or lost: it is still in the form below. Open "
                    "the article in a new tab to see their version, bring your changes over "
                    "there and save."
                ),
                code="stale",
                params={
                    "who": (who.get_full_name() or who.get_username()) if who else _("Someone"),
                    "when": formats.date_format(
                        timezone.localtime(current.updated_at), "DATETIME_FORMAT"
                    ),
                },
            )


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
            "What the center news will say when the article is announced. Leave it as it "
            "is to follow the title and the byline as saved."
        ),
    )


for _code, _name in settings.LANGUAGES:
    ArticleAdminForm.base_fields[f"announcement_{_code}"] = announcement_field(_code)
    ArticleAdminForm.declared_fields[f"announcement_{_code}"] = ArticleAdminForm.base_fields[
        f"announcement_{_code}"
    ]


class AuthorAdminForm(images.AltTextRequiredMixin, forms.ModelForm):
    alt_text_fields = {"photo": "photo_alt"}

    class Meta:
        # Says why an upload is refused (too heavy, too many pixels, not an image).
        field_classes = {"photo": images.ImageUploadField}
