"""
The side-by-side page's form: the text of each part of one document in the language it is
translated into, and nothing else.

It applies the change page's rules to the same text: each field's own limits, an image's
alt text in every language, and no save over a version newer than the one the page was
opened at. Names it does not know (the source language's text, the status, a section of
another article) are refused, so a forged post changes nothing the page did not offer.
"""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_info, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles.forms import ArticleAdminForm, UnlabelledHiddenInput
from articles.models import Article
from core.text import join_list, localized_field_name

from . import state
from .parts import LANGUAGE_CODES

# The version of an article as the page was opened (Article.edit_version), as the change
# page keeps it; other documents are checked by the digest of their texts.
VERSION = "loaded_version"
DIGEST = "loaded_text"
# The out-of-date parts whose translation still matches (one checkbox each).
CONFIRM = "confirm"
# What a browser posts besides the form's fields.
BROWSER_NAMES = {"csrfmiddlewaretoken", "_save"}
# A text of a line with a line break is edited in a box that keeps it.
LINE_BREAK = "\n"


def texts_digest(parts):
    """A digest of every text of these parts, in every language: any change shows."""
    texts = hashlib.sha256()
    for part in parts:
        for code in LANGUAGE_CODES:
            texts.update(f"{part.key}\x1e{code}\x1f{part.text(code)}\x1d".encode())
    return texts.hexdigest()


def direction(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


def lines(text):
    """Text as stored, whatever line endings the browser sent, without the spaces around
    it that a form field strips."""
    return (text or "").replace("\r\n", "\n").strip()


class TranslationForm(forms.Form):
    """The target-language text of `parts` of `obj` (translations/parts.py), one field per
    part named by `Part.form_name`; `editable(part)` says whether the user may change its
    row (a part they may not is shown and never saved)."""

    def __init__(self, *args, obj, parts, language, outdated=(), editable=None, **kwargs):
        super().__init__(*args, **kwargs)
        # `instance`: the name ArticleAdminForm.refuse_stale_save reads.
        self.instance = obj
        self.language = language
        self.parts = {part.form_name: part for part in parts}
        self.outdated = {part.form_name for part in parts if part.key in set(outdated)}
        for name, part in self.parts.items():
            self.fields[name] = self.part_field(part)
            if editable is not None and not editable(part):
                self.fields[name].disabled = True
        if isinstance(obj, Article):
            self.fields[VERSION] = forms.IntegerField(
                label=pgettext_lazy("save counter", "version"),
                widget=UnlabelledHiddenInput,
                initial=obj.edit_version,
            )
        else:
            self.fields[DIGEST] = forms.CharField(
                label=pgettext_lazy("save counter", "version"),
                widget=UnlabelledHiddenInput,
                initial=texts_digest(parts),
            )

    def part_field(self, part):
        language = self.language
        stored = part.text(language)
        attrs = {"lang": language, "dir": direction(language)}
        if part.long or LINE_BREAK in stored:
            widget = forms.Textarea(attrs={**attrs, "rows": 6 if part.long else 2})
        else:
            widget = forms.TextInput(attrs={**attrs, "size": 60})
        model_field = part.row._meta.get_field(f"{part.field}_{language}")
        # The model's own form field: its maximum length, as the change page checks it.
        field = model_field.formfield(widget=widget)
        field.required = False
        field.label = localized_field_name(capfirst(part.label), language)
        field.initial = stored
        return field

    def describe(self, name, ids):
        """Tie a part's field to what the page says of it (its source, its mark)."""
        self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    # Checking a post.

    def clean(self):
        cleaned_data = super().clean()
        refused = self.refused_names()
        if refused:
            raise ValidationError(
                _(
                    "Refused: %(names)s are not parts of this text that you may translate "
                    "here. Nothing was saved."
                ),
                code="refused",
                params={"names": join_list(f"“{name}”" for name in refused[:10])},
            )
        self.require_alt_texts(cleaned_data)
        self.refuse_stale_save(cleaned_data)
        return cleaned_data

    def refused_names(self):
        """What the post holds that this form did not offer: names of no part of this
        document (or of one its user may not change), and checkboxes of no such part."""
        offered = {name for name, field in self.fields.items() if not field.disabled}
        known = offered | {CONFIRM} | BROWSER_NAMES
        refused = [name for name in self.data if name not in known]
        refused += [
            value
            for value in self.data.getlist(CONFIRM)
            if value not in self.parts or self.fields[value].disabled
        ]
        return list(dict.fromkeys(refused))

    def posted(self):
        """The parts whose field the post holds (a part added since the page was opened is
        not in it, and keeps its text)."""
        for name, part in self.parts.items():
            if name in self.data and not self.fields[name].disabled:
                yield name, part

    def require_alt_texts(self, cleaned_data):
        """An image needs its description in every language (articles.images
        AltTextRequiredMixin, the change page's rule): "image_alt" goes with "image"."""
        for name, part in self.posted():
            if not part.field.endswith("_alt"):
                continue
            image = getattr(part.row, part.field.removesuffix("_alt"), None)
            if image and not lines(cleaned_data.get(name)):
                self.add_error(
                    name,
                    ValidationError(
                        _(
                            "Describe the image in %(language)s for readers who "
                            "cannot see it: screen readers speak this text."
                        ),
                        code="alt_text_required",
                        params={"language": get_language_info(self.language)["name_translated"]},
                    ),
                )

    def refuse_stale_save(self, cleaned_data):
        """Refuse a save over a newer version, keeping what was typed in the form. The
        document's row is locked by the view before it was read."""
        if VERSION in self.fields:
            # The article's own check, with its lock and its message (articles/forms.py):
            # it reads only `instance` and the loaded version from this form.
            ArticleAdminForm.refuse_stale_save(self, cleaned_data)
            return
        loaded = cleaned_data.get(DIGEST)
        if loaded is not None and loaded != texts_digest(self.parts.values()):
            raise ValidationError(
                _(
                    "Someone changed this text after you opened it (last change: "
                    "%(when)s). Nothing you typed has been saved or lost: it is still in "
                    "the form below. Open the page in a new tab to see their version, "
                    "bring your changes over there and save."
                ),
                code="stale",
                params={"when": self.last_change()},
            )

    def last_change(self):
        changed = getattr(self.instance, "updated_at", None) or timezone.now()
        return formats.date_format(timezone.localtime(changed), "DATETIME_FORMAT")

    # What a valid post changes.

    def changed_parts(self):
        """(part, text) of each part whose posted text differs from its stored one."""
        for name, part in self.posted():
            text = lines(self.cleaned_data.get(name))
            if text != lines(part.text(self.language)):
                yield part, text

    def confirmed_parts(self):
        """The out-of-date parts whose translation the translator says still matches."""
        return [self.parts[name] for name in self.data.getlist(CONFIRM) if name in self.outdated]

    def save(self, user):
        """Write the changed parts in their rows, and the document itself so that its
        version, its last change and who made it follow; then take the confirmed parts as
        matching their source. Returns (parts changed, parts confirmed)."""
        changed = list(self.changed_parts())
        obj = self.instance
        rows = {}
        for part, text in changed:
            name = f"{part.field}_{self.language}"
            empty = self.fields[part.form_name].empty_value
            setattr(part.row, name, text or empty)
            rows.setdefault(id(part.row), (part.row, set()))[1].add(name)
        if changed:
            own = rows.pop(id(obj), (obj, set()))[1]
            for row, names in rows.values():
                row.save(update_fields=sorted(names))
            obj.save(update_fields=sorted(own | bookkeeping(obj, user)))
        confirmed = self.confirmed_parts()
        if confirmed:
            state.confirm(obj, {part.key for part in confirmed}, self.language)
        return [part for part, _text in changed], confirmed


def bookkeeping(obj, user):
    """The fields of a document that say it changed and who changed it, set for a save."""
    names = {field.name for field in obj._meta.concrete_fields}
    if "updated_by" in names:
        obj.updated_by = user
    # updated_at is stamped by the save (auto_now); edit_version counted by the model.
    return {"updated_by", "updated_at", "edit_version"} & names


def summary_of(missing, outdated):
    """ "2 parts missing, 1 part out of date" (empty when neither)."""
    said = []
    if missing:
        said.append(
            ngettext("%(count)s part missing", "%(count)s parts missing", missing)
            % {"count": missing}
        )
    if outdated:
        said.append(
            ngettext("%(count)s part out of date", "%(count)s parts out of date", outdated)
            % {"count": outdated}
        )
    return join_list(said)
